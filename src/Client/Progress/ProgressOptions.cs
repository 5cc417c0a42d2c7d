namespace Herald.Client;

/// <summary>
/// Progress callbacks for every call of a client, and how often any progress callback (the client's or a request's)
/// is called. Reports count the bytes of a body as they go on or come off the wire: the request body as it is sent
/// (again from 0 each time it is sent, after a <c>307</c> or on another target), the response body as it is read,
/// before decompression, so that the count matches <c>Content-Length</c>.
/// </summary>
/// <remarks>
/// A callback runs on the thread that moves the bytes, between two chunks: keep it short (hand the numbers to a UI
/// or a metric), and do not throw from it: an exception fails the transfer. Each transfer ends with one report whose
/// <see cref="TransferProgress.IsCompleted"/> is <see langword="true"/>, once the whole body has gone or come.
/// </remarks>
public sealed class ProgressOptions
{
    /// <summary>The default of <see cref="ReportEveryBytes"/>: 1 MiB.</summary>
    public const long DefaultReportEveryBytes = 1024 * 1024;

    /// <summary>Gets or sets a callback for the request body of every call, run before a request's own (<see cref="ProgressRequestExtensions.OnUploadProgress"/>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Action<TransferProgress>? OnUpload { get; set; }

    /// <summary>Gets or sets a callback for the response body of every call, run before a request's own (<see cref="ProgressRequestExtensions.OnDownloadProgress"/>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Action<TransferProgress>? OnDownload { get; set; }

    /// <summary>
    /// Gets or sets the time after which the next chunk is reported, measured with <see cref="HeraldClientOptions.TimeProvider"/>:
    /// a slow transfer still shows movement.
    /// </summary>
    /// <value>The default value is 100 milliseconds.</value>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Gets or sets the number of bytes after which the next chunk is reported, however little time has passed:
    /// a fast transfer is reported in steps of this size. <c>0</c> reports every chunk.
    /// </summary>
    /// <value>The default value is <see cref="DefaultReportEveryBytes"/> (1 MiB).</value>
    public long ReportEveryBytes { get; set; } = DefaultReportEveryBytes;
}
