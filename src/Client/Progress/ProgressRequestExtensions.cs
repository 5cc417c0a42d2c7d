namespace Herald.Client;

/// <summary>Per-request progress callbacks on <see cref="HeraldRequest"/>; see <see cref="ProgressOptions"/> for what is counted and when.</summary>
public static class ProgressRequestExtensions
{
    /// <summary>Reports how much of this request's body has been sent, e.g. <c>r.OnUploadProgress(p => bar.Value = p.Fraction ?? 0)</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="onProgress">Called with each report, after the client's <see cref="ProgressOptions.OnUpload"/>.</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static HeraldRequest OnUploadProgress(this HeraldRequest request, Action<TransferProgress> onProgress)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onProgress);
        return request.SetOption(ProgressHandler.UploadKey, onProgress);
    }

    /// <summary>
    /// Reports how much of the response body has been received, whether it is buffered or read as a stream
    /// (<see cref="ResponseBodyKind.Stream"/>): with a stream, reports come as you read it.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="onProgress">Called with each report, after the client's <see cref="ProgressOptions.OnDownload"/>.</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static HeraldRequest OnDownloadProgress(this HeraldRequest request, Action<TransferProgress> onProgress)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onProgress);
        return request.SetOption(ProgressHandler.DownloadKey, onProgress);
    }
}
