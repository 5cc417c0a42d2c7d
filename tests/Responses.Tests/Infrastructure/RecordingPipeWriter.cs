using System.IO.Pipelines;

namespace Herald.Responses.Tests.Infrastructure;

/// <summary>A <see cref="PipeWriter"/> that passes everything on and reports advances and flushes to a <see cref="BodyRecord"/>.</summary>
internal sealed class RecordingPipeWriter(PipeWriter inner, BodyRecord record) : PipeWriter
{
    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override void Advance(int bytes)
    {
        record.Advanced(bytes);
        inner.Advance(bytes);
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        var flush = inner.FlushAsync(cancellationToken);
        record.Flushing(waits: !flush.IsCompleted);
        return flush;
    }

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        // A write is an advance and a flush in one.
        record.Advanced(source.Length);
        var write = inner.WriteAsync(source, cancellationToken);
        record.Flushing(waits: !write.IsCompleted);
        return write;
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
}
