namespace Herald.Client.Internal;

/// <summary>
/// Decodes an <c>application/x-www-form-urlencoded</c> body into a map from name to values, in order. By hand
/// because <c>HttpUtility.ParseQueryString</c> gives a <c>NameValueCollection</c> (values joined by commas, a field
/// without <c>=</c> under a null key) rather than the multi-map clj-http returns.
/// </summary>
internal static class FormDecoder
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Decode(string body)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = UrlEncoding.DecodeForm(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : UrlEncoding.DecodeForm(pair[(eq + 1)..]);
            if (!map.TryGetValue(name, out var values))
            {
                map[name] = values = [];
            }

            values.Add(value);
        }

        return map.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal);
    }
}
