using System.IO.Pipelines;

namespace Herald.Responses.Conditional;

/// <summary>The response body <see cref="PipeWriter"/> of <see cref="ConditionalResponseBodyFeature"/>: passes writes on, or drops them once the response is a 304 / 412.</summary>
internal sealed class ConditionalResponsePipeWriter : PipeWriter
{
    private readonly ConditionalResponseBodyFeature _feature;
    private byte[]? _discard;

    public ConditionalResponsePipeWriter(ConditionalResponseBodyFeature feature) => _feature = feature;

    public override bool CanGetUnflushedBytes => !_feature.Suppressed && Inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => _feature.Suppressed ? 0 : Inner.UnflushedBytes;

    private PipeWriter Inner => _feature.Inner.Writer;

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        _feature.EnsureStarted();
        return _feature.Suppressed ? Discard(sizeHint) : Inner.GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        _feature.EnsureStarted();
        return _feature.Suppressed ? Discard(sizeHint).Span : Inner.GetSpan(sizeHint);
    }

    public override void Advance(int bytes)
    {
        if (!_feature.Suppressed)
        {
            Inner.Advance(bytes);
        }
    }

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _feature.EnsureStartedAsync(cancellationToken);
        return _feature.Suppressed ? default : await Inner.FlushAsync(cancellationToken);
    }

    public override async ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        await _feature.EnsureStartedAsync(cancellationToken);
        return _feature.Suppressed ? default : await Inner.WriteAsync(source, cancellationToken);
    }

    public override void CancelPendingFlush() => Inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        if (!_feature.Suppressed)
        {
            Inner.Complete(exception);
        }
    }

    public override ValueTask CompleteAsync(Exception? exception = null) =>
        _feature.Suppressed ? default : Inner.CompleteAsync(exception);

    // Writes into a discarded body still need somewhere to go; one scratch buffer, grown on demand, serves them all.
    private Memory<byte> Discard(int sizeHint)
    {
        var size = Math.Max(sizeHint, 4096);
        if (_discard is null || _discard.Length < size)
        {
            _discard = new byte[size];
        }

        return _discard;
    }
}
