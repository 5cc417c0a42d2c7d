namespace Herald.Responses.Tests.Files;

/// <summary>A clock stopped at one instant, so time-dependent headers can be asserted exactly.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
