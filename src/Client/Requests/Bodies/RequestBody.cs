namespace Herald.Client.Internal;

/// <summary>
/// A request body as the caller described it. It builds a new <see cref="HttpContent"/> for every send, so one
/// <see cref="HeraldRequest"/> can be sent more than once (and retried).
/// </summary>
internal abstract class RequestBody
{
    /// <summary>Creates the content for one send; the result carries its <c>Content-Type</c>.</summary>
    public abstract HttpContent CreateContent(in BodyContext context);

    protected static HttpContent WithContentType(HttpContent content, string contentType)
    {
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
