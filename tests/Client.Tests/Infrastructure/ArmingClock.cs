namespace Herald.Client.Tests.Infrastructure;

/// <summary>
/// A <see cref="ManualTimeProvider"/> that also tells when a timer is armed and for how long, so a test waits for the
/// code under test to start waiting (a retry delay, a timeout) before it moves the clock, and can check each wait.
/// </summary>
public sealed class ArmingClock : TimeProvider
{
    private readonly ManualTimeProvider _inner = new();
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _armed = [];
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets every due time a timer was armed with, in order (infinite ones left out).</summary>
    public IReadOnlyList<TimeSpan> ArmedDelays
    {
        get
        {
            lock (_gate)
            {
                return [.. _armed];
            }
        }
    }

    /// <summary>Gets the number of timers armed to fire now.</summary>
    public int ArmedTimers => _inner.ArmedTimers;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    /// <inheritdoc/>
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc/>
    public override long GetTimestamp() => _inner.GetTimestamp();

    /// <summary>Moves the clock forward, firing every timer that falls due.</summary>
    public void Advance(TimeSpan by) => _inner.Advance(by);

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, _inner.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Waits, on signals rather than time, until at least <paramref name="count"/> timers are armed.</summary>
    public async Task WaitForArmedTimersAsync(int count)
    {
        for (var i = 0; i < 10_000; i++)
        {
            Task next;
            lock (_gate)
            {
                next = _next.Task;
            }

            if (_inner.ArmedTimers >= count)
            {
                return;
            }

            await next.WaitAsync(SignalServer.Guard);
        }

        throw new InvalidOperationException($"{count} armed timers never came.");
    }

    /// <summary>Waits, on signals rather than time, until timers have been armed <paramref name="count"/> times in all.</summary>
    public async Task WaitForArmedDelaysAsync(int count)
    {
        for (var i = 0; i < 10_000; i++)
        {
            Task next;
            lock (_gate)
            {
                if (_armed.Count >= count)
                {
                    return;
                }

                next = _next.Task;
            }

            await next.WaitAsync(SignalServer.Guard);
        }

        throw new InvalidOperationException($"Timers were never armed {count} times.");
    }

    private void Armed(TimeSpan dueTime)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _armed.Add(dueTime);
            }

            signal = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    private sealed class Timer(ArmingClock owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Armed(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
