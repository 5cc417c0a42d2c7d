using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// The failover middleware: a call starts at the target that last served one and moves on, in order and wrapping
/// around, on a transport failure or a failover status, waiting the interval between targets.
/// </summary>
internal sealed class FailoverHandler : TargetsHandler
{
    private readonly HashSet<int> _statuses;
    private readonly TimeSpan _interval;
    private int _lastGood;

    public FailoverHandler(TargetList targets, IEnumerable<int> statuses, TimeSpan interval, TimeSpan attemptTimeout, TimeProvider time)
        : base(targets, attemptTimeout, "FailoverOptions.AttemptTimeout", time)
    {
        _statuses = [.. statuses];
        _interval = interval;
    }

    protected override int FirstTarget() => Volatile.Read(ref _lastGood);

    protected override bool FailsOver(HttpResponseMessage response) =>
        _statuses.Contains((int)response.StatusCode) && !CacheUnavailableContent.IsOn(response);

    protected override void Served(int index) => Volatile.Write(ref _lastGood, index);

    protected override Task BeforeNextTargetAsync(CancellationToken cancellationToken) =>
        _interval > TimeSpan.Zero ? Task.Delay(_interval, Time, cancellationToken) : Task.CompletedTask;
}
