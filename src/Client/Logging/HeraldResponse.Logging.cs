namespace Herald.Client;

public sealed partial class HeraldResponse
{
    /// <summary>
    /// Gets the request as sent on the hop that produced this response, or <see langword="null"/> unless saving was
    /// asked for (<see cref="ClientLoggingOptions.SaveRequest"/>, <see cref="LoggingRequestExtensions.SaveRequest(HeraldRequest, bool)"/>).
    /// </summary>
    public SentRequest? SentRequest => _exchange.SentRequests is { Count: > 0 } sent ? sent[^1] : null;

    /// <summary>Gets every saved hop of the call in order (redirects, a retry after a 401); empty unless saving was asked for.</summary>
    public IReadOnlyList<SentRequest> SentRequests => (IReadOnlyList<SentRequest>?)_exchange.SentRequests ?? [];
}
