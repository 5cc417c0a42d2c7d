using System.Diagnostics.CodeAnalysis;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// One cookie: as a <c>Set-Cookie</c> header described it (<see cref="HeraldResponse.Cookies"/>,
/// <see cref="TryParse(string, DateTimeOffset, out HeraldCookie?)"/>), or as a <see cref="ICookieStore"/> keeps it
/// (<see cref="ICookieStore.GetCookies(Uri)"/>). Immutable.
/// </summary>
public sealed class HeraldCookie
{
    private readonly bool? _hostOnly;

    /// <summary>Creates a cookie, e.g. to add to a store yourself.</summary>
    /// <param name="name">The name: not empty, without <c>;</c>, <c>=</c> or control characters.</param>
    /// <param name="value">The value: without <c>;</c> or control characters (may be empty).</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the name or value has a character a cookie cannot hold.</exception>
    public HeraldCookie(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!CookieRules.IsValidName(name))
        {
            throw new ArgumentException(
                $"The cookie name '{name}' holds ';', '=', whitespace at an end or a control character; a cookie name cannot.",
                nameof(name));
        }

        if (!CookieRules.IsValidValue(value))
        {
            throw new ArgumentException(
                $"The value of cookie '{name}' holds ';' or a control character; encode it first (e.g. Uri.EscapeDataString).",
                nameof(value));
        }

        Name = name;
        Value = value;
    }

    // The parser has already enforced RFC 6265's rules on name and value.
    internal HeraldCookie(string name, string value, bool trusted)
    {
        _ = trusted;
        Name = name;
        Value = value;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the value, as sent (not decoded).</summary>
    public string Value { get; }

    /// <summary>
    /// Gets the domain: for a parsed <c>Set-Cookie</c>, its <c>Domain</c> attribute (lower-cased, leading dot removed,
    /// IDN in ASCII form) or <see langword="null"/> when absent; for a stored cookie, the domain it is sent to (the
    /// host that set it, when <see cref="HostOnly"/>).
    /// </summary>
    public string? Domain { get; init; }

    /// <summary>
    /// Gets whether the cookie goes to exactly one host (no <c>Domain</c> attribute) rather than to a domain and its
    /// subdomains.
    /// </summary>
    /// <value>The default value is <see langword="true"/> when <see cref="Domain"/> is <see langword="null"/>.</value>
    public bool HostOnly
    {
        get => _hostOnly ?? Domain is null;
        init => _hostOnly = value;
    }

    /// <summary>
    /// Gets the path: for a parsed <c>Set-Cookie</c>, its <c>Path</c> attribute, or <see langword="null"/> when absent
    /// or not starting with <c>/</c> (the store then uses the request's directory); for a stored cookie, the path it
    /// is sent under.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>
    /// Gets when the cookie expires (<c>Max-Age</c> wins over <c>Expires</c>; <see cref="DateTimeOffset.MinValue"/>
    /// for <c>Max-Age=0</c> or less), or <see langword="null"/> for a session cookie that lives as long as the store.
    /// </summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Gets whether the cookie is only sent over https (or to a loopback host).</summary>
    public bool Secure { get; init; }

    /// <summary>Gets whether the cookie is marked <c>HttpOnly</c> (meaningful to browsers; kept for completeness).</summary>
    public bool HttpOnly { get; init; }

    /// <summary>Gets the <c>SameSite</c> attribute.</summary>
    public CookieSameSite SameSite { get; init; }

    /// <summary>
    /// Gets the attributes this type has no property for (e.g. <c>Partitioned</c>, <c>Priority=High</c>), in order,
    /// with a <see langword="null"/> value for an attribute without <c>=</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Extensions { get; init; } = [];

    /// <summary>
    /// Gets when the cookie was created: when it was parsed, or, in a store, when the first cookie of this name,
    /// domain and path was stored (a replacement keeps the creation time, RFC 6265 5.3 step 11).
    /// </summary>
    public DateTimeOffset CreationTime { get; init; }

    /// <summary>Gets whether the cookie has an expiry (otherwise it is a session cookie).</summary>
    public bool IsPersistent => Expires.HasValue;

    /// <summary>Returns whether the cookie has expired at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset now) => Expires is { } expires && expires <= now;

    /// <summary>
    /// Parses one <c>Set-Cookie</c> header value with the algorithm of RFC 6265 5.2 (lenient dates per 5.1.1,
    /// <c>Max-Age</c> over <c>Expires</c>, expiry capped at 400 days as RFC 6265bis asks).
    /// </summary>
    /// <param name="setCookie">The header value, e.g. <c>id=a3f; Path=/; Secure; HttpOnly</c>.</param>
    /// <param name="now">The time the header was received, for <c>Max-Age</c>.</param>
    /// <param name="cookie">The cookie, when the header is one.</param>
    /// <returns>
    /// <see langword="false"/> when RFC 6265 says to ignore the header: no <c>=</c>, an empty name, control characters,
    /// or a name and value longer than 4096 characters together.
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="setCookie"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string setCookie, DateTimeOffset now, [NotNullWhen(true)] out HeraldCookie? cookie)
    {
        ArgumentNullException.ThrowIfNull(setCookie);
        cookie = SetCookieParser.Parse(setCookie, now);
        return cookie is not null;
    }

    /// <summary>Returns the cookie as it appears in a <c>Cookie</c> header: <c>name=value</c>.</summary>
    public override string ToString() => string.Concat(Name, "=", Value);

    /// <summary>A copy placed in a store: where it is sent, and when it was first stored.</summary>
    internal HeraldCookie ForStore(string domain, bool hostOnly, string path, DateTimeOffset creationTime) =>
        new(Name, Value, trusted: true)
        {
            Domain = domain,
            HostOnly = hostOnly,
            Path = path,
            Expires = Expires,
            Secure = Secure,
            HttpOnly = HttpOnly,
            SameSite = SameSite,
            Extensions = Extensions,
            CreationTime = creationTime,
        };

    /// <summary>A copy without its <c>Domain</c> attribute (host-only), for the strict policy.</summary>
    internal HeraldCookie WithoutDomain() =>
        new(Name, Value, trusted: true)
        {
            Path = Path,
            Expires = Expires,
            Secure = Secure,
            HttpOnly = HttpOnly,
            SameSite = SameSite,
            Extensions = Extensions,
            CreationTime = CreationTime,
        };
}
