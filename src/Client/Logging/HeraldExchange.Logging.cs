namespace Herald.Client.Internal;

internal sealed partial class HeraldExchange
{
    /// <summary>The requests saved by the logging middleware, one per hop, in order; <see langword="null"/> when none was saved.</summary>
    public List<SentRequest>? SentRequests { get; set; }
}
