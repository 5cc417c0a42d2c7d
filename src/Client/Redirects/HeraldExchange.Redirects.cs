namespace Herald.Client.Internal;

/// <summary>What the redirect middleware records across the hops of one call.</summary>
internal sealed partial class HeraldExchange
{
    /// <summary>
    /// Whether a redirect has taken the call away from the origin (scheme, host, port) of its first request. From then
    /// on, for the rest of the call, what the caller wrote for that origin stays behind even if a later redirect comes
    /// back: per-request credentials, per-request cookies and a caller's own <c>Cookie</c> header. Client-wide
    /// credentials and stored cookies still go wherever their own scoping rules allow.
    /// </summary>
    public bool LeftFirstOrigin { get; set; }
}
