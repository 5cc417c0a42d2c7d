namespace Herald.Client.Internal;

/// <summary>
/// Passes a request body on to the transport and counts it for a <see cref="ProgressReporter"/>. A large write (a
/// byte-array body goes in one) is passed on in slices, each awaited before the next, so that progress follows the
/// connection instead of jumping from nothing to done.
/// </summary>
internal sealed class ProgressWriteStream(Stream target, ProgressReporter reporter) : Stream
{
    // Small enough to show movement on a slow link, large enough that the slicing costs nothing measurable.
    private const int Slice = 64 * 1024;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var slice = buffer[..Math.Min(Slice, buffer.Length)];
            target.Write(slice);
            reporter.Add(slice.Length);
            buffer = buffer[slice.Length..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var slice = buffer[..Math.Min(Slice, buffer.Length)];
            await target.WriteAsync(slice, cancellationToken).ConfigureAwait(false);
            reporter.Add(slice.Length);
            buffer = buffer[slice.Length..];
        }
    }

    public override void Flush() => target.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => target.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
