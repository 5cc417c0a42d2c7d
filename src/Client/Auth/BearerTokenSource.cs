namespace Herald.Client.Internal;

/// <summary>
/// Holds the current bearer token of an <see cref="AuthOptions.LoadBearerToken"/> provider and makes concurrent loads
/// and refreshes single-flight: whoever finds no usable token starts the one operation, everyone else awaits it.
/// </summary>
internal sealed class BearerTokenSource(
    Func<CancellationToken, ValueTask<string>> load,
    Func<CancellationToken, ValueTask<string>> refresh,
    CancellationToken lifetime)
{
    private readonly Lock _gate = new();
    private Task<string>? _current;

    /// <summary>Returns the current token, loading it first if there is none (or the last attempt failed).</summary>
    public Task<string> GetAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<string>? mine = null;
        Task<string> task;
        lock (_gate)
        {
            if (_current is null || _current.IsFaulted || _current.IsCanceled)
            {
                mine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _current = mine.Task;
            }

            task = _current;
        }

        return Run(mine, load, "LoadBearerToken", task, cancellationToken);
    }

    /// <summary>
    /// Returns a token newer than <paramref name="rejected"/>: the one another caller already obtained, the refresh in
    /// flight, or a refresh this call starts.
    /// </summary>
    public Task<string> RefreshAsync(string rejected, CancellationToken cancellationToken)
    {
        TaskCompletionSource<string>? mine = null;
        Task<string> task;
        lock (_gate)
        {
            var stillRejected = _current is null
                || _current.IsFaulted
                || _current.IsCanceled
                || (_current.IsCompletedSuccessfully && _current.Result == rejected);
            if (stillRejected)
            {
                mine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _current = mine.Task;
            }

            task = _current!;
        }

        return Run(mine, refresh, "RefreshBearerToken", task, cancellationToken);
    }

    private Task<string> Run(TaskCompletionSource<string>? mine, Func<CancellationToken, ValueTask<string>> provider, string name, Task<string> task, CancellationToken cancellationToken)
    {
        if (mine is not null)
        {
            // Started outside the lock so a slow or synchronous provider never blocks the other callers' bookkeeping.
            _ = CompleteAsync(mine, provider, name);
        }

        return task.WaitAsync(cancellationToken);
    }

    private async Task CompleteAsync(TaskCompletionSource<string> target, Func<CancellationToken, ValueTask<string>> provider, string name)
    {
        try
        {
            var token = await provider(lifetime);
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new InvalidOperationException($"AuthOptions.{name} returned an empty token.");
            }

            target.TrySetResult(token);
        }
        catch (OperationCanceledException ex)
        {
            target.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            target.TrySetException(ex);
        }
    }
}
