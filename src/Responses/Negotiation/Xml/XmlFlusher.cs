using System.IO.Pipelines;
using System.Xml;

namespace Herald.Responses.Negotiation;

/// <summary>
/// Pushes an XML body to the connection while it is being written. The BCL's XML serializers are synchronous, so they
/// write into the pipe's memory (<see cref="BufferWriterStream"/>); between elements the plans ask this to flush once
/// about <see cref="Threshold"/> bytes have gathered, and the asynchronous flush waits for a slow client instead of
/// letting the whole document pile up in memory.
/// </summary>
internal sealed class XmlFlusher(XmlWriter writer, BufferWriterStream stream, PipeWriter pipe, CancellationToken cancellationToken)
{
    /// <summary>How much is gathered before a flush: large enough that flushing costs little, small enough to hold.</summary>
    internal const int Threshold = 32 * 1024;

    /// <summary>Flushes when enough has been written since the last flush; otherwise completes at once.</summary>
    public ValueTask FlushIfNeededAsync() =>
        stream.BytesSinceFlush < Threshold ? ValueTask.CompletedTask : FlushAsync();

    private async ValueTask FlushAsync()
    {
        // The writer's own buffer goes into the pipe's memory first (no I/O: the stream only copies), then the pipe is
        // flushed, which waits while the connection has more unsent than it allows.
        writer.Flush();
        stream.BytesSinceFlush = 0;
        var result = await pipe.FlushAsync(cancellationToken);
        if (result.IsCanceled || result.IsCompleted)
        {
            // The response was cancelled or the connection is gone: writing the rest of the document would be wasted.
            throw new OperationCanceledException("The XML response was stopped before it was complete: the client went away or the write was cancelled.", cancellationToken);
        }
    }
}
