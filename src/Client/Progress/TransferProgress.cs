namespace Herald.Client;

/// <summary>
/// How far a request body has been sent or a response body received: a report to the progress callbacks
/// (<see cref="ProgressRequestExtensions.OnUploadProgress"/>, <see cref="ProgressOptions.OnDownload"/>, …).
/// </summary>
public readonly struct TransferProgress : IEquatable<TransferProgress>
{
    /// <summary>Creates a report.</summary>
    /// <param name="bytesTransferred">The bytes sent or received so far.</param>
    /// <param name="totalBytes">The whole length when known (<c>Content-Length</c>), else <see langword="null"/>.</param>
    /// <param name="isCompleted">Whether this is the final report: the whole body has gone or come.</param>
    public TransferProgress(long bytesTransferred, long? totalBytes, bool isCompleted)
    {
        BytesTransferred = bytesTransferred;
        TotalBytes = totalBytes;
        IsCompleted = isCompleted;
    }

    /// <summary>Gets the bytes sent or received so far (on the wire: a compressed response counts its compressed bytes).</summary>
    public long BytesTransferred { get; }

    /// <summary>Gets the whole length when the body has a <c>Content-Length</c>, else <see langword="null"/> (chunked).</summary>
    public long? TotalBytes { get; }

    /// <summary>Gets whether this is the final report of the transfer: the whole body has been sent or received.</summary>
    public bool IsCompleted { get; }

    /// <summary>Gets <see cref="BytesTransferred"/> as a fraction of <see cref="TotalBytes"/> (0 to 1), or <see langword="null"/> when the total is unknown.</summary>
    public double? Fraction => TotalBytes switch
    {
        null => null,
        0 => 1,
        long total => Math.Min(1, (double)BytesTransferred / total),
    };

    /// <summary>Returns whether two reports are equal.</summary>
    public static bool operator ==(TransferProgress left, TransferProgress right) => left.Equals(right);

    /// <summary>Returns whether two reports differ.</summary>
    public static bool operator !=(TransferProgress left, TransferProgress right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(TransferProgress other) =>
        BytesTransferred == other.BytesTransferred && TotalBytes == other.TotalBytes && IsCompleted == other.IsCompleted;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TransferProgress other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(BytesTransferred, TotalBytes, IsCompleted);

    /// <summary>Returns <c>sent/total bytes</c>, with <c>(done)</c> on the final report.</summary>
    public override string ToString() =>
        $"{BytesTransferred}/{(TotalBytes is { } total ? total.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")} bytes{(IsCompleted ? " (done)" : string.Empty)}";
}
