namespace Herald.Responses.Conditional;

/// <summary>The response body <see cref="Stream"/> of <see cref="ConditionalResponseBodyFeature"/>: passes writes on, or drops them once the response is a 304 / 412.</summary>
/// <remarks>
/// Delegates to the server's own stream rather than adapting the pipe writer, so the server's rules (such as refusing
/// synchronous writes unless <c>AllowSynchronousIO</c> is on) hold exactly as without the wrapper.
/// </remarks>
internal sealed class ConditionalResponseStream : Stream
{
    private readonly ConditionalResponseBodyFeature _feature;

    public ConditionalResponseStream(ConditionalResponseBodyFeature feature) => _feature = feature;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException("The response body stream cannot report a length.");

    public override long Position
    {
        get => throw new NotSupportedException("The response body stream cannot report a position.");
        set => throw new NotSupportedException("The response body stream cannot seek.");
    }

    private Stream Inner => _feature.Inner.Stream;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _feature.EnsureStarted();
        if (!_feature.Suppressed)
        {
            Inner.Write(buffer);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _feature.EnsureStartedAsync(cancellationToken);
        if (!_feature.Suppressed)
        {
            await Inner.WriteAsync(buffer, cancellationToken);
        }
    }

    public override void Flush()
    {
        _feature.EnsureStarted();
        if (!_feature.Suppressed)
        {
            Inner.Flush();
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _feature.EnsureStartedAsync(cancellationToken);
        if (!_feature.Suppressed)
        {
            await Inner.FlushAsync(cancellationToken);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The response body stream cannot be read.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The response body stream cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("The response body stream cannot change length.");
}
