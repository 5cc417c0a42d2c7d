namespace Herald.Client.Internal;

internal sealed partial class HeraldExchange
{
    /// <summary>
    /// The client's base address for this call, or <see langword="null"/>. <see cref="HeraldClient"/> sets it when it
    /// starts a call; the auth middleware scopes client-wide credentials to its origin.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The URL of the call's first hop, recorded by the auth middleware: per-request credentials go to its origin only.</summary>
    public Uri? FirstHop { get; set; }
}
