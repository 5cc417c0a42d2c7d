namespace Herald.Client.Internal;

/// <summary>
/// A resilience timeout that ran out, naming which one; <see cref="HeraldClient"/> turns it (as every
/// <see cref="TimeoutException"/>) into a <see cref="HeraldTimeoutException"/>, which takes its limit and reason.
/// </summary>
internal sealed class ResilienceTimeoutException : TimeoutException
{
    public ResilienceTimeoutException(bool total, TimeSpan limit, int attempts, Exception inner)
        : base(ReasonFor(total, attempts), inner)
    {
        IsTotal = total;
        Limit = limit;
    }

    /// <summary>Whether the total timeout ran out (else the per-attempt one).</summary>
    public bool IsTotal { get; }

    /// <summary>The limit that ran out.</summary>
    public TimeSpan Limit { get; }

    /// <summary>Returns the resilience timeout in <paramref name="exception"/>'s chain, or <see langword="null"/>.</summary>
    public static ResilienceTimeoutException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ResilienceTimeoutException found)
            {
                return found;
            }
        }

        return null;
    }

    private static string ReasonFor(bool total, int attempts) => total
        ? $"the resilience total timeout ran out, after {attempts} attempt{(attempts == 1 ? string.Empty : "s")}. Raise it "
            + "(AddTimeouts(total: ...) or StandardResilienceOptions.TotalTimeout) if the server needs longer."
        : $"the resilience per-attempt timeout ran out on attempt {attempts}, and no retry was left or allowed. Raise it "
            + "(AddTimeouts(perAttempt: ...) or StandardResilienceOptions.AttemptTimeout) if the server needs longer.";
}
