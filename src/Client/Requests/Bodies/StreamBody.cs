namespace Herald.Client.Internal;

/// <summary>
/// A body read from a stream: sent with <c>Content-Length</c> when a length was given or the stream can seek,
/// chunked otherwise. A stream that cannot seek can be sent once; a factory opens a fresh stream for every send.
/// </summary>
internal sealed class StreamBody : RequestBody
{
    private readonly Stream? _stream;
    private readonly Func<Stream>? _open;
    private readonly long? _length;
    private readonly string? _contentType;
    private readonly long _start;
    private int _sent;

    public StreamBody(Stream stream, long? length, string? contentType)
    {
        if (!stream.CanRead)
        {
            throw new ArgumentException("The body stream cannot be read.", nameof(stream));
        }

        _stream = stream;
        _start = stream.CanSeek ? stream.Position : 0; // where every send starts, however far the last one read
        _length = length;
        _contentType = contentType;
    }

    public StreamBody(Func<Stream> open, long? length, string? contentType)
    {
        _open = open;
        _length = length;
        _contentType = contentType;
    }

    public override HttpContent CreateContent(in BodyContext context)
    {
        HttpContent content;
        if (_open is not null)
        {
            content = new StreamBodyContent(_open, _length);
        }
        else
        {
            if (!_stream!.CanSeek && Interlocked.Exchange(ref _sent, 1) == 1)
            {
                throw new InvalidOperationException(
                    "This request's body stream cannot seek and was already sent. To send the request again, give a " +
                    "seekable stream or a factory: request.Body(() => OpenStream()).");
            }

            content = new StreamBodyContent(_stream, _start, _length);
        }

        return WithContentType(content, context.ContentType ?? _contentType ?? MediaTypes.OctetStream);
    }
}
