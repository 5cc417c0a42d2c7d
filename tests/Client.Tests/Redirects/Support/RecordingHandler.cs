namespace Herald.Client.Tests.Redirects;

/// <summary>Middleware that lets a test look at each message on its way to the transport.</summary>
internal sealed class RecordingHandler(Action<HttpRequestMessage> record) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        record(request);
        return base.SendAsync(request, cancellationToken);
    }
}
