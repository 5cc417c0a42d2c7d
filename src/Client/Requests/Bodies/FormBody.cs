using System.Text;

namespace Herald.Client.Internal;

/// <summary>
/// Fields sent as <c>application/x-www-form-urlencoded</c> (spaces as <c>+</c>). Nested maps are flattened to
/// <c>a[b]=v</c> only when asked. Refused for GET and HEAD, whose bodies servers ignore: a silent loss otherwise.
/// </summary>
internal sealed class FormBody(IReadOnlyList<KeyValuePair<string, object?>> fields, bool flattenNested) : RequestBody
{
    public override HttpContent CreateContent(in BodyContext context)
    {
        if (context.Method == HttpMethod.Get || context.Method == HttpMethod.Head)
        {
            throw new InvalidOperationException(
                $"A form body cannot be sent with {context.Method.Method}: servers ignore the body of {context.Method.Method} requests. " +
                "Send the fields as query parameters with request.Query(...), or use POST, PUT or PATCH.");
        }

        var flat = new List<FlatParam>(fields.Count);
        foreach (var (name, value) in fields)
        {
            ParamFlattener.Flatten(name, value, context.Style, flattenNested, "Form field", flat);
        }

        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(UrlResolver.EncodeParams(flat, form: true)));
        return WithContentType(content, context.ContentType ?? MediaTypes.Form);
    }
}
