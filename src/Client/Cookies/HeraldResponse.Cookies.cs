using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>The cookies a response set.</summary>
public sealed partial class HeraldResponse
{
    private IReadOnlyList<HeraldCookie>? _cookies;

    /// <summary>
    /// Gets the cookies the final response set: its <c>Set-Cookie</c> headers parsed (RFC 6265 5.2), in order, whatever
    /// the cookie policy (even <see cref="CookiePolicy.None"/>) and whether or not the store accepted them. Empty when
    /// the response set none. Cookies set by redirect hops are in the store, not here.
    /// </summary>
    public IReadOnlyList<HeraldCookie> Cookies =>
        _cookies ??= _exchange.ResponseCookies ?? SetCookieParser.ParseAll(Message, TimeProvider.System.GetUtcNow());
}
