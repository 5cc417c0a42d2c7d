using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Internal;

/// <summary>How the imperative helpers run a result with the caller's <see cref="CancellationToken"/>.</summary>
internal static class ResultExecution
{
    /// <summary>
    /// Executes <paramref name="result"/> exactly as the result itself would when the caller passes no token (or
    /// <see cref="HttpContext.RequestAborted"/>); otherwise with a token that fires for either the caller's token or
    /// <see cref="HttpContext.RequestAborted"/>. An already cancelled token stops before anything is sent.
    /// </summary>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is cancelled.</exception>
    public static Task ExecuteAsync(HttpContext httpContext, ICancellableResult result, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || cancellationToken == httpContext.RequestAborted)
        {
            return result.ExecuteAsync(httpContext);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        return ExecuteLinkedAsync(httpContext, result, cancellationToken);
    }

    private static async Task ExecuteLinkedAsync(HttpContext httpContext, ICancellableResult result, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, cancellationToken);
        await result.ExecuteAsync(httpContext, linked.Token);
    }
}
