namespace Herald.Client.Internal;

/// <summary>A response body whose reads fail with <see cref="TimeoutException"/> after the read timeout without bytes.</summary>
internal sealed class ReadTimeoutContent(HttpContent inner, TimeSpan timeout, TimeProvider time, string authority)
    : WrappedResponseContent(inner, sameBytes: true)
{
    protected override Stream Wrap(Stream inner) => new ReadTimeoutStream(inner, timeout, time, authority);
}
