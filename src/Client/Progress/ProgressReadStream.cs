namespace Herald.Client.Internal;

/// <summary>A response body stream that tells a <see cref="ProgressReporter"/> how many bytes each read returned, and when the body ends.</summary>
internal sealed class ProgressReadStream(Stream inner, ProgressReporter reporter) : ReadOnlyStreamWrapper(inner)
{
    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        Observe(read, buffer.Length);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Observe(read, buffer.Length);
        return read;
    }

    private void Observe(int read, int asked)
    {
        if (read > 0)
        {
            reporter.Add(read);
        }
        else if (asked > 0)
        {
            reporter.OnCompleted();
        }
    }
}
