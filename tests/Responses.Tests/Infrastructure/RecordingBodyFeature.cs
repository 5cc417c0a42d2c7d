using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Responses.Tests.Infrastructure;

/// <summary>The server's body feature with every write, flush and <c>SendFileAsync</c> reported to a <see cref="BodyRecord"/>.</summary>
internal sealed class RecordingBodyFeature(IHttpResponseBodyFeature inner, BodyRecord record) : IHttpResponseBodyFeature
{
    private RecordingStream? _stream;
    private RecordingPipeWriter? _writer;

    public Stream Stream => _stream ??= new RecordingStream(inner.Stream, record);

    public PipeWriter Writer => _writer ??= new RecordingPipeWriter(inner.Writer, record);

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        record.SentFile();
        return inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    public Task CompleteAsync() => inner.CompleteAsync();
}
