using System.Buffers;
using System.Net;

namespace Herald.Client.Internal;

/// <summary>
/// Streams a body without buffering it. Unlike <see cref="StreamContent"/> it never disposes a stream the caller
/// owns (the caller may send the request again), it rewinds a seekable stream for each send, and with a declared
/// length it sends exactly that many bytes.
/// </summary>
internal sealed class StreamBodyContent : HttpContent
{
    private const int BufferSize = 81920;

    private readonly Stream? _stream;
    private readonly Func<Stream>? _open;
    private readonly long? _length;
    private readonly long _start;

    /// <summary>Sends from a stream the caller owns (not disposed here), from <paramref name="start"/> when it can seek.</summary>
    public StreamBodyContent(Stream stream, long start, long? length)
    {
        _stream = stream;
        _length = length;
        _start = start;
    }

    /// <summary>Opens a new stream for this send and disposes it after.</summary>
    public StreamBodyContent(Func<Stream> open, long? length)
    {
        _open = open;
        _length = length;
    }

    /// <summary>
    /// Gets whether this content can be serialized again with the same bytes without keeping a copy: a factory (files
    /// included) opens a fresh stream for every send, and a seekable stream is rewound to where the body starts. Only
    /// a stream that cannot seek is read once (see <see cref="BodyReplay"/>).
    /// </summary>
    public bool CanResend => _open is not null || _stream!.CanSeek;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = _open is null ? _stream! : _open() ?? throw new InvalidOperationException("The body stream factory returned null.");
        try
        {
            if (_open is null && source.CanSeek)
            {
                source.Position = _start;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                var remaining = _length ?? long.MaxValue;
                while (remaining > 0)
                {
                    var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
                    if (read == 0)
                    {
                        break;
                    }

                    await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    remaining -= read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        finally
        {
            if (_open is not null)
            {
                await source.DisposeAsync();
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        if (_length is { } declared)
        {
            length = declared;
            return true;
        }

        if (_stream is { CanSeek: true })
        {
            length = _stream.Length - _start;
            return true;
        }

        length = 0;
        return false;
    }
}
