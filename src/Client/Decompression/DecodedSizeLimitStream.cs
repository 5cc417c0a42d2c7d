namespace Herald.Client.Internal;

/// <summary>
/// Stops a decoded body at <see cref="DecompressionOptions.MaxDecodedBytes"/>. Each read asks the decoder for at most
/// one byte more than is left, so crossing the limit is noticed at once and nothing past it is decoded.
/// </summary>
internal sealed class DecodedSizeLimitStream(Stream inner, long limit, string? encoding) : ReadOnlyStreamWrapper(inner)
{
    private long _total;

    public override int Read(Span<byte> buffer) => Count(Inner.Read(buffer[..Allowance(buffer.Length)]));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await Inner.ReadAsync(buffer[..Allowance(buffer.Length)], cancellationToken));

    private int Allowance(int requested) => (int)Math.Min(requested, limit - _total + 1);

    private int Count(int read)
    {
        _total += read;
        if (_total > limit)
        {
            throw new HttpIOException(HttpRequestError.ConfigurationLimitExceeded,
                $"The response body ({encoding}) decodes to more than {limit} bytes (DecompressionOptions.MaxDecodedBytes), so reading stopped: it may be a decompression bomb. Raise MaxDecodedBytes if such bodies are expected, or turn decompression off for the request with request.Decompress(false).");
        }

        return read;
    }
}
