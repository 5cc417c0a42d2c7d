namespace Herald.Client.Internal;

/// <summary>What the cookie middleware remembers across the hops of one call.</summary>
internal sealed partial class HeraldExchange
{
    /// <summary>The URL of the call's first hop: per-request cookies go to its origin only, and it defines the site for the strict policy.</summary>
    public Uri? CookieOrigin { get; set; }

    /// <summary>The <c>Cookie</c> header the caller set on the request, before any cookie from the store was added.</summary>
    public string? CallerCookieHeader { get; set; }

    /// <summary>The cookies the latest hop's response set (the final response's, once the call returns).</summary>
    public IReadOnlyList<HeraldCookie>? ResponseCookies { get; set; }
}
