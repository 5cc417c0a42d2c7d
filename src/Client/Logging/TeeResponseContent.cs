namespace Herald.Client.Internal;

/// <summary>A response body whose bytes are copied to a <see cref="BodyCapture"/> as the caller reads them.</summary>
internal sealed class TeeResponseContent(HttpContent inner, BodyCapture capture) : WrappedResponseContent(inner, sameBytes: true)
{
    protected override Stream Wrap(Stream inner) => new TeeReadStream(inner, capture);
}
