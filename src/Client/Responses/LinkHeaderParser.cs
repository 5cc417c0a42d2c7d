using System.Text;

namespace Herald.Client.Internal;

/// <summary>
/// Parses RFC 8288 <c>Link</c> header values: <c>&lt;uri&gt;; rel="next"; title="…", &lt;uri2&gt;; rel=prev</c>.
/// Written by hand because .NET has no Link header parser outside ASP.NET Core. Quoted strings may hold commas and
/// semicolons; a malformed link is skipped rather than failing the response.
/// </summary>
internal static class LinkHeaderParser
{
    public static List<HeraldLink> Parse(IEnumerable<string> values, Uri? requestUri)
    {
        var links = new List<HeraldLink>();
        foreach (var value in values)
        {
            var i = 0;
            while (i < value.Length)
            {
                ParseLink(value, ref i, requestUri, links);
            }
        }

        return links;
    }

    private static void ParseLink(string text, ref int i, Uri? requestUri, List<HeraldLink> links)
    {
        SkipWhitespaceAndCommas(text, ref i);
        if (i >= text.Length)
        {
            return;
        }

        if (text[i] != '<')
        {
            SkipToNextLink(text, ref i);
            return;
        }

        var close = text.IndexOf('>', i + 1);
        if (close < 0)
        {
            i = text.Length;
            return;
        }

        var target = text[(i + 1)..close].Trim();
        i = close + 1;
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipWhitespace(text, ref i);
            if (i >= text.Length || text[i] == ',')
            {
                break;
            }

            if (text[i] != ';')
            {
                SkipToNextLink(text, ref i);
                break;
            }

            i++;
            SkipWhitespace(text, ref i);
            var nameStart = i;
            while (i < text.Length && text[i] is not ('=' or ';' or ',') && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var name = text[nameStart..i].ToLowerInvariant();
            SkipWhitespace(text, ref i);
            var paramValue = string.Empty;
            if (i < text.Length && text[i] == '=')
            {
                i++;
                SkipWhitespace(text, ref i);
                paramValue = i < text.Length && text[i] == '"' ? ReadQuoted(text, ref i) : ReadToken(text, ref i);
            }

            // RFC 8288 §3: only the first occurrence of a parameter counts.
            if (name.Length > 0)
            {
                parameters.TryAdd(name, paramValue);
            }
        }

        Add(target, parameters, requestUri, links);
    }

    private static void Add(string target, Dictionary<string, string> parameters, Uri? requestUri, List<HeraldLink> links)
    {
        Uri? resolved;
        var anchor = parameters.GetValueOrDefault("anchor");
        var context = requestUri;
        if (anchor is not null && requestUri is not null && Uri.TryCreate(requestUri, anchor, out var anchored))
        {
            context = anchored;
        }

        if (context is not null ? !Uri.TryCreate(context, target, out resolved) : !Uri.TryCreate(target, UriKind.Absolute, out resolved))
        {
            return;
        }

        if (parameters.Remove("title*", out var extended) && DecodeExtended(extended) is { } decoded)
        {
            parameters["title*"] = decoded;
            parameters.TryAdd("title", decoded);
        }

        var relations = parameters.Remove("rel", out var rel)
            ? rel.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(r => r.ToLowerInvariant())
                .ToArray()
            : [];
        links.Add(new HeraldLink(resolved, relations, parameters));
    }

    /// <summary>Decodes an RFC 8187 extended value: <c>UTF-8'en'%E2%82%AC%20rates</c>.</summary>
    private static string? DecodeExtended(string value)
    {
        var first = value.IndexOf('\'', StringComparison.Ordinal);
        var second = first < 0 ? -1 : value.IndexOf('\'', first + 1);
        if (second < 0)
        {
            return null;
        }

        var encoding = Charsets.Find(value[..first]) ?? Charsets.Utf8;
        var encoded = value[(second + 1)..];
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length
                && byte.TryParse(encoded.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i].ToString()));
            }
        }

        return encoding.GetString([.. bytes]);
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var builder = new StringBuilder();
        i++; // opening quote
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            builder.Append(text[i]);
            i++;
        }

        i = Math.Min(i + 1, text.Length); // closing quote
        return builder.ToString();
    }

    private static string ReadToken(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] is not (';' or ','))
        {
            i++;
        }

        return text[start..i].Trim();
    }

    private static void SkipWhitespace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }

    private static void SkipWhitespaceAndCommas(string text, ref int i)
    {
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ','))
        {
            i++;
        }
    }

    private static void SkipToNextLink(string text, ref int i)
    {
        var quoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                return;
            }

            i++;
        }
    }
}
