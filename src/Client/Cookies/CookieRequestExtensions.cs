using System.Buffers;

namespace Herald.Client;

/// <summary>Per-request cookies on <see cref="HeraldRequest"/>: sent with this request only, never stored.</summary>
/// <remarks>
/// They go to the origin the request is sent to, together with the store's cookies for it (a cookie given here wins
/// over a stored one of the same name), under every policy, <see cref="CookiePolicy.None"/> included. After a redirect
/// to another origin they are not sent, for the rest of the call, even if a later redirect comes back.
/// </remarks>
public static class CookieRequestExtensions
{
    // RFC 9110 5.6.2 tchar: a cookie name is a token (RFC 6265 4.1.1).
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    // RFC 6265 4.1.1 cookie-octet: printable ASCII except space, DQUOTE, comma, semicolon and backslash.
    private static readonly SearchValues<char> CookieOctets = SearchValues.Create(
        "!#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Adds a cookie to send with this request, e.g. <c>request.Cookie("session", "abc")</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The name: an HTTP token.</param>
    /// <param name="value">The value, as sent: cookie characters only (encode others first, e.g. with <see cref="Uri.EscapeDataString(string)"/>).</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the name or value holds a character a <c>Cookie</c> header cannot carry.</exception>
    public static HeraldRequest Cookie(this HeraldRequest request, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        Check(name, value);
        var existing = request.TryGetOption(CookieHandler.RequestCookiesKey, out var list) ? list : [];
        return request.SetOption(CookieHandler.RequestCookiesKey, [.. existing, new(name, value)]);
    }

    /// <summary>Adds several cookies to send with this request, e.g. <c>request.Cookies(new Dictionary&lt;string, string&gt; { ["a"] = "1" })</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cookies">Names and values, each checked as in <see cref="Cookie(HeraldRequest, string, string)"/>.</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a name or value holds a character a <c>Cookie</c> header cannot carry.</exception>
    public static HeraldRequest Cookies(this HeraldRequest request, IEnumerable<KeyValuePair<string, string>> cookies)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cookies);
        var added = new List<KeyValuePair<string, string>>();
        if (request.TryGetOption(CookieHandler.RequestCookiesKey, out var existing))
        {
            added.AddRange(existing);
        }

        foreach (var (name, value) in cookies)
        {
            Check(name, value);
            added.Add(new(name, value));
        }

        return request.SetOption<IReadOnlyList<KeyValuePair<string, string>>>(CookieHandler.RequestCookiesKey, added);
    }

    private static void Check(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.AsSpan().ContainsAnyExcept(TokenChars))
        {
            throw new ArgumentException(
                $"The cookie name '{name}' is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~ only).", nameof(name));
        }

        var octets = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value.AsSpan(1, value.Length - 2) : value.AsSpan();
        if (octets.ContainsAnyExcept(CookieOctets))
        {
            throw new ArgumentException(
                $"The value of cookie '{name}' holds a space, '\"', ',', ';', '\\' or a non-ASCII character, which a Cookie header "
                + "cannot carry; encode it first (e.g. Uri.EscapeDataString(value)).",
                nameof(value));
        }
    }
}
