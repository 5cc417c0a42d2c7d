using System.Buffers;

namespace Herald.Responses.Negotiation;

/// <summary>
/// A write-only stream that copies into an <see cref="IBufferWriter{T}"/> (the response's <c>PipeWriter</c>) without
/// flushing. Synchronous serializers (XmlSerializer, XmlWriter) write straight into the pipe's buffers this way; the
/// caller flushes asynchronously, between elements (<see cref="XmlFlusher"/>), using <see cref="BytesSinceFlush"/> to
/// know when. The framework's <c>PipeWriter.AsStream()</c> flushes on every synchronous write, blocking a thread on the
/// socket, which is why this small adapter exists.
/// </summary>
internal sealed class BufferWriterStream(IBufferWriter<byte> writer) : Stream
{
    /// <summary>Gets or sets the bytes written since the caller last flushed the pipe (the caller resets it).</summary>
    public long BytesSinceFlush { get; set; }

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
        writer.Write(buffer);
        BytesSinceFlush += buffer.Length;
    }

    public override void WriteByte(byte value)
    {
        var span = writer.GetSpan(1);
        span[0] = value;
        writer.Advance(1);
        BytesSinceFlush++;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    // Flushing the pipe is the caller's job, asynchronously (XmlWriter.Flush calls this and must not block).
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
