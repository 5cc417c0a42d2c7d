namespace Herald.Client.Internal;

/// <summary>Bytes sent as they are, with a <c>Content-Length</c>.</summary>
internal sealed class BytesBody(ReadOnlyMemory<byte> bytes, string? contentType) : RequestBody
{
    public override HttpContent CreateContent(in BodyContext context) =>
        WithContentType(new ReadOnlyMemoryContent(bytes), context.ContentType ?? contentType ?? MediaTypes.OctetStream);
}
