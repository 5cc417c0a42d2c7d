namespace Herald.Responses;

/// <summary>
/// How a cookie value is written into <c>Set-Cookie</c> and read back from <c>Cookie</c> (Ktor's
/// <c>CookieEncoding</c>). Every encoding but <see cref="Raw"/> round-trips any string.
/// </summary>
public enum CookieEncoding
{
    /// <summary>
    /// The value as it is. Only RFC 6265 cookie octets are allowed (printable ASCII without space, <c>"</c>, <c>,</c>,
    /// <c>;</c> and <c>\</c>); other values are refused with an error that names a better encoding.
    /// </summary>
    Raw,

    /// <summary>
    /// The value in double quotes (<c>"two words, here"</c>), keeping spaces and commas readable; quotes, semicolons,
    /// backslashes, <c>%</c>, control characters and non-ASCII text are percent-encoded inside the quotes.
    /// </summary>
    DoubleQuotes,

    /// <summary>The value percent-encoded as UTF-8 (<c>Uri.EscapeDataString</c>); the default.</summary>
    Uri,

    /// <summary>The value's UTF-8 bytes in Base64.</summary>
    Base64,
}
