namespace Herald.Templating.Tests.Infrastructure;

/// <summary>
/// Holds a render in the middle: a helper or component sets <see cref="Entered"/> and then waits for
/// <see cref="Release"/>, so a test can act (cancel, abort the request) while the render is known to be in progress.
/// </summary>
public sealed class Gate
{
    /// <summary>How long a blocked helper waits at most, so a broken test cannot hold a thread forever.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Set by the render when it reaches the gate.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set by the test to let the render go on.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A Handlebars helper's body: signals, then blocks its thread until released (helpers are synchronous).</summary>
    public void Block()
    {
        Entered.TrySetResult();
        if (!Release.Task.Wait(Bound))
        {
            throw new TimeoutException("The gate was never released.");
        }
    }
}
