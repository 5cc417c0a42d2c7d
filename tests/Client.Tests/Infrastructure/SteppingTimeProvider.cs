namespace Herald.Client.Tests.Infrastructure;

/// <summary>A clock whose every timestamp reading is <see cref="Step"/> later than the previous one, for exact elapsed times.</summary>
public sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
{
    private long _ticks;

    /// <summary>Gets how far each reading moves the clock.</summary>
    public TimeSpan Step { get; } = step;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override long GetTimestamp() => Interlocked.Add(ref _ticks, Step.Ticks);
}
