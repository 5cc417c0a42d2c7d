using System.Text;

namespace Herald.Client.Internal;

/// <summary>
/// Builds the URL a request is sent to: merges a relative URL with the base address as Ktor's <c>DefaultRequest</c>
/// does, percent-encodes illegal characters exactly once, appends query parameters, and takes user-info out.
/// </summary>
/// <remarks>
/// <para>Merging rules (Ktor's, which agree with RFC 3986 §5.2 for paths):</para>
/// <list type="bullet">
/// <item><description>An absolute URL (<c>https://host/x</c>) is used as it is.</description></item>
/// <item><description><c>//host/x</c> keeps the base's scheme and replaces everything else.</description></item>
/// <item><description><c>/x</c> replaces the base's path.</description></item>
/// <item><description><c>x</c> replaces the last segment of the base's path: base <c>https://a/b/</c> gives <c>/b/x</c>;
/// base <c>https://a/b</c> gives <c>/x</c> (so end a base path with <c>/</c>).</description></item>
/// <item><description>An empty path keeps the base's path.</description></item>
/// <item><description>The base's query parameters are defaults: each is sent unless the request names the same parameter.</description></item>
/// </list>
/// <para>Dot segments (<c>.</c>, <c>..</c>) are then removed as RFC 3986 §5.2.4 says; encoded ones (<c>%2e%2e</c>) are left encoded.</para>
/// </remarks>
internal static class UrlResolver
{
    // Uri canonicalization can undo choices made here (it unescapes %7E to ~ and %2e%2e to ..), so when it would
    // change the path or query the Uri is created with canonicalization off: what this class builds is exactly what
    // goes on the wire. Only then, because such a Uri never equals an ordinary one, which callers compare against.
    private static readonly UriCreationOptions Exact = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>Resolves <paramref name="url"/>; error messages show URLs as logs would (the caller's may hold a password or a token).</summary>
    public static ResolvedUrl Resolve(ParsedUrl? baseUrl, string url, IReadOnlyList<FlatParam> query, bool showQuery = false)
    {
        var request = ParsedUrl.Parse(url);
        ParsedUrl merged;
        if (request.Scheme is not null)
        {
            merged = request;
        }
        else if (baseUrl is null)
        {
            throw new InvalidOperationException(
                $"The request URL '{DisplayUrl.Of(url, showQuery)}' is relative and the client has no BaseAddress: pass an absolute URL " +
                "(http:// or https://) or set HeraldClientOptions.BaseAddress.");
        }
        else if (request.Authority is not null)
        {
            merged = request with { Scheme = baseUrl.Scheme };
        }
        else
        {
            merged = new ParsedUrl(
                baseUrl.Scheme,
                baseUrl.Authority,
                MergePath(baseUrl.Path, request.Path),
                MergeQuery(baseUrl.Query, request.Query, query),
                request.Fragment);
            query = [];
        }

        if (merged.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException(
                $"The request URL '{DisplayUrl.Of(url, showQuery)}' has the scheme '{merged.Scheme}'; only http and https are supported.", nameof(url));
        }

        var (hostPort, userName, password) = SplitUserInfo(merged.Authority ?? string.Empty);
        if (hostPort.Length == 0 || hostPort[0] == ':')
        {
            throw new ArgumentException($"The request URL '{DisplayUrl.Of(url, showQuery)}' has no host.", nameof(url));
        }

        var path = RemoveDotSegments(UrlEncoding.EncodeIllegal(merged.Path));
        if (path.Length == 0 || path[0] != '/')
        {
            path = "/" + path;
        }

        var queryText = merged.Query is null ? null : UrlEncoding.EncodeIllegal(merged.Query);
        queryText = AppendParams(queryText, query);

        var builder = new StringBuilder(merged.Scheme.Length + hostPort.Length + path.Length + (queryText?.Length ?? 0) + 4);
        builder.Append(merged.Scheme).Append("://").Append(hostPort).Append(path);
        if (!string.IsNullOrEmpty(queryText))
        {
            builder.Append('?').Append(queryText);
        }

        if (!string.IsNullOrEmpty(merged.Fragment))
        {
            builder.Append('#').Append(UrlEncoding.EncodeIllegal(merged.Fragment));
        }

        var text = builder.ToString();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"The request URL '{DisplayUrl.Of(url, showQuery)}' is not a valid URL (resolved to '{DisplayUrl.Of(text, showQuery)}'): check the host and port.", nameof(url));
        }

        var pathAndQuery = string.IsNullOrEmpty(queryText) ? path : path + "?" + queryText;
        if (!string.Equals(uri.PathAndQuery, pathAndQuery, StringComparison.Ordinal) && !Uri.TryCreate(text, in Exact, out uri))
        {
            throw new ArgumentException($"The request URL '{DisplayUrl.Of(url, showQuery)}' is not a valid URL (resolved to '{DisplayUrl.Of(text, showQuery)}'): check the host and port.", nameof(url));
        }

        return new ResolvedUrl(uri, userName, password);
    }

    /// <summary>Encodes flattened parameters as <c>name=value</c> pairs joined by <c>&amp;</c>.</summary>
    public static string EncodeParams(IReadOnlyList<FlatParam> parameters, bool form)
    {
        var builder = new StringBuilder();
        foreach (var param in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Encode(param.Name, form)).Append('=');
            if (param.CommaValues is { } values)
            {
                for (var i = 0; i < values.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    builder.Append(Encode(values[i], form));
                }
            }
            else
            {
                builder.Append(Encode(param.Value, form));
            }
        }

        return builder.ToString();
    }

    private static string Encode(string value, bool form) =>
        form ? UrlEncoding.EncodeForm(value) : UrlEncoding.EncodeComponent(value);

    private static string MergePath(string basePath, string requestPath)
    {
        if (requestPath.Length == 0)
        {
            return basePath;
        }

        if (requestPath[0] == '/' || basePath.Length == 0)
        {
            return requestPath;
        }

        var lastSlash = basePath.LastIndexOf('/');
        return lastSlash < 0 ? requestPath : string.Concat(basePath.AsSpan(0, lastSlash + 1), requestPath);
    }

    private static string? MergeQuery(string? baseQuery, string? requestQuery, IReadOnlyList<FlatParam> parameters)
    {
        var requested = AppendParams(requestQuery is null ? null : UrlEncoding.EncodeIllegal(requestQuery), parameters);
        if (string.IsNullOrEmpty(baseQuery))
        {
            return requested;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in (requested ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            names.Add(NameOf(pair));
        }

        var builder = new StringBuilder(requested);
        foreach (var pair in UrlEncoding.EncodeIllegal(baseQuery).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!names.Contains(NameOf(pair)))
            {
                if (builder.Length > 0)
                {
                    builder.Append('&');
                }

                builder.Append(pair);
            }
        }

        return builder.ToString();

        static string NameOf(string pair)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            return UrlEncoding.DecodeForm(eq < 0 ? pair : pair[..eq]);
        }
    }

    private static string? AppendParams(string? query, IReadOnlyList<FlatParam> parameters)
    {
        if (parameters.Count == 0)
        {
            return query;
        }

        var encoded = EncodeParams(parameters, form: false);
        if (string.IsNullOrEmpty(query))
        {
            return encoded;
        }

        return query.EndsWith('&') ? query + encoded : query + "&" + encoded;
    }

    private static (string HostPort, string? UserName, string? Password) SplitUserInfo(string authority)
    {
        var at = authority.LastIndexOf('@');
        if (at < 0)
        {
            return (authority, null, null);
        }

        var userInfo = authority[..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        var password = colon < 0 ? string.Empty : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        return (authority[(at + 1)..], user, password);
    }

    /// <summary>RFC 3986 §5.2.4 remove_dot_segments, on literal <c>.</c> and <c>..</c> segments only.</summary>
    private static string RemoveDotSegments(string path)
    {
        if (!path.Contains('.'))
        {
            return path;
        }

        var segments = path.Split('/');
        var output = new List<string>(segments.Length);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add(string.Empty);
                }
            }
            else if (segment == "..")
            {
                if (output.Count > 1 || (output.Count == 1 && output[0].Length > 0))
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add(string.Empty);
                }
            }
            else
            {
                output.Add(segment);
            }
        }

        var result = string.Join('/', output);
        return path.StartsWith('/') && !result.StartsWith('/') ? "/" + result : result;
    }
}
