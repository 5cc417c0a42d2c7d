using System.IO.Compression;

namespace Herald.Client.Internal;

/// <summary>A response body decoded as it is read; <c>Content-Encoding</c> keeps only the codings left undone.</summary>
internal sealed class DecodedContent : WrappedResponseContent
{
    private readonly ContentCoding[] _decodeOrder;
    private readonly long? _limit;
    private readonly string _encoding;

    public DecodedContent(HttpContent inner, ContentCoding[] decodeOrder, IEnumerable<string> remaining, long? limit, string encoding)
        : base(inner, sameBytes: false)
    {
        _decodeOrder = decodeOrder;
        _limit = limit;
        _encoding = encoding;
        foreach (var coding in remaining)
        {
            Headers.ContentEncoding.Add(coding);
        }
    }

    protected override Stream Wrap(Stream inner)
    {
        var stream = inner;
        foreach (var coding in _decodeOrder)
        {
            stream = coding switch
            {
                ContentCoding.Gzip => new GZipStream(stream, CompressionMode.Decompress),
                ContentCoding.Brotli => new BrotliStream(stream, CompressionMode.Decompress),
                ContentCoding.Deflate => new ZlibOrDeflateStream(stream),
                _ => stream,
            };
        }

        return _limit is { } limit ? new DecodedSizeLimitStream(stream, limit, _encoding) : stream;
    }
}
