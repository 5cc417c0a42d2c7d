using System.Text;

namespace Herald.Client.Internal;

/// <summary>Builds the <see cref="HttpRequestMessage"/> for one send of a <see cref="HeraldRequest"/>.</summary>
internal static class MessageFactory
{
    public static HttpRequestMessage Create(HeraldRequest request, ClientSettings settings)
    {
        var style = request.QueryStyleValue ?? settings.MultiParamStyle;
        var query = new List<FlatParam>(request.QueryParameters.Count);
        foreach (var (name, value) in request.QueryParameters)
        {
            ParamFlattener.Flatten(name, value, style, allowNested: true, "Query parameter", query);
        }

        var url = UrlResolver.Resolve(settings.ParsedBase, request.Url, query, settings.ShowQuery);
        var message = new HttpRequestMessage(request.Method, url.Uri);
        try
        {
            var headers = MergeHeaders(settings, request.Headers);
            if (url.UserName is not null && !headers.Contains("Authorization"))
            {
                var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{url.UserName}:{url.Password}"));
                headers.Add("Authorization", "Basic " + credentials);
            }

            if (request.Content is { } body)
            {
                var context = new BodyContext(
                    request.Method, headers["Content-Type"], style, request.JsonOptionsValue ?? settings.JsonOptions);
                message.Content = body.CreateContent(context);
                headers.Remove("Content-Type"); // the body applied it, charset and boundary included
            }

            foreach (var name in headers.Names)
            {
                var values = headers.GetValues(name);
                if (HeaderValues.IsContentHeader(name))
                {
                    message.Content ??= new ByteArrayContent([]);
                    message.Content.Headers.Remove(name);
                    message.Content.Headers.TryAddWithoutValidation(name, values);
                }
                else
                {
                    message.Headers.TryAddWithoutValidation(name, values);
                }
            }

            request.CopyOptionsTo(message);
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>The client's default headers and User-Agent, each replaced by a request header of the same name.</summary>
    private static HeraldHeaders MergeHeaders(ClientSettings settings, HeraldHeaders requestHeaders)
    {
        var merged = new HeraldHeaders();
        if (settings.UserAgent is not null && !requestHeaders.Contains("User-Agent") && !settings.DefaultHeaders.Contains("User-Agent"))
        {
            merged.Add("User-Agent", settings.UserAgent);
        }

        foreach (var (name, value) in settings.DefaultHeaders)
        {
            if (!requestHeaders.Contains(name))
            {
                merged.Add(name, value);
            }
        }

        foreach (var (name, value) in requestHeaders)
        {
            merged.Add(name, value);
        }

        return merged;
    }
}
