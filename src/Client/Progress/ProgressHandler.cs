using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Reports upload and download progress. It sits directly on the transport, under every middleware, so it counts each
/// hop's bytes as they go on and come off the wire (a response before decompression: the count matches
/// <c>Content-Length</c>). <see cref="HeraldClient"/> puts it there itself, since the per-request callbacks must work
/// whatever middleware is installed; a call without callbacks passes straight through.
/// </summary>
internal sealed class ProgressHandler : DelegatingHandler
{
    // Upload writes are passed on in slices of this size: small enough to show movement on a slow link, large enough
    // that the slicing costs nothing measurable.
    private const int UploadSlice = 64 * 1024;

    /// <summary>The per-request upload callback (<see cref="ProgressRequestExtensions.OnUploadProgress"/>).</summary>
    internal static readonly HttpRequestOptionsKey<Action<TransferProgress>> UploadKey = new("Herald.Progress.Upload");

    /// <summary>The per-request download callback (<see cref="ProgressRequestExtensions.OnDownloadProgress"/>).</summary>
    internal static readonly HttpRequestOptionsKey<Action<TransferProgress>> DownloadKey = new("Herald.Progress.Download");

    private readonly Action<TransferProgress>? _onUpload;
    private readonly Action<TransferProgress>? _onDownload;
    private readonly long _step;
    private readonly long _intervalTimestamps;
    private readonly TimeProvider _time;

    private ProgressHandler(ProgressOptions options, TimeProvider time)
    {
        _onUpload = options.OnUpload;
        _onDownload = options.OnDownload;
        _step = options.ReportEveryBytes;
        _time = time;

        // The interval in the clock's own timestamp units, so a report check is one subtraction.
        _intervalTimestamps = (long)Math.Min(long.MaxValue, options.ReportInterval.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>Puts a progress handler over <paramref name="transport"/>, checking <see cref="HeraldClientOptions.Progress"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when a progress option is negative; the message names it.</exception>
    public static HttpMessageHandler Over(HttpMessageHandler transport, HeraldClientOptions options)
    {
        var progress = options.Progress;
        if (progress.ReportInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                "ProgressOptions.ReportInterval", progress.ReportInterval, "ProgressOptions.ReportInterval must be zero or positive.");
        }

        if (progress.ReportEveryBytes < 0)
        {
            throw new ArgumentOutOfRangeException(
                "ProgressOptions.ReportEveryBytes", progress.ReportEveryBytes, "ProgressOptions.ReportEveryBytes must be zero (every chunk) or positive.");
        }

        return new ProgressHandler(progress, options.TimeProvider) { InnerHandler = transport };
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Herald's progress reporting is asynchronous: send with SendAsync.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var onUpload = request.Options.TryGetValue(UploadKey, out var perRequestUpload) ? perRequestUpload : null;
        var onDownload = request.Options.TryGetValue(DownloadKey, out var perRequestDownload) ? perRequestDownload : null;
        var original = request.Content;
        var watchUpload = original is not null && (onUpload is not null || _onUpload is not null);
        if (watchUpload)
        {
            // Content-Length asks the body to compute it when it can; a chunked body has no total.
            var reporter = new ProgressReporter(_onUpload, onUpload, original!.Headers.ContentLength, _step, _intervalTimestamps, _time);
            request.Content = new ObservedRequestContent(original, reporter, UploadSlice);
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (watchUpload)
            {
                // The middleware above must see the caller's body, to send it again after a 307 or on another target.
                request.Content = original;
            }
        }

        if (response.Content is { } content && (onDownload is not null || _onDownload is not null) && request.Method != HttpMethod.Head)
        {
            var reporter = new ProgressReporter(_onDownload, onDownload, content.Headers.ContentLength, _step, _intervalTimestamps, _time);
            response.Content = new ProgressResponseContent(content, reporter);
        }

        return response;
    }
}
