using Herald.Client.Internal;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Herald.Client;

/// <summary>
/// The resilience middleware: runs each call through the Polly pipeline of its <see cref="ResilienceSetup"/> (see
/// <see cref="SharedResiliencePipeline"/>), which every handler built from the same options shares, circuit included.
/// It sits outside the redirect middleware, so an attempt is a whole call with its redirects, auth and cookies; each
/// attempt after the first is a fresh message built from the call as it was before the first attempt, with the body
/// replayed (<see cref="BodyReplay"/>), and is sent down this handler's own chain.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private readonly SharedResiliencePipeline _shared;

    /// <exception cref="ArgumentException">Thrown when a setting is invalid; the message names it.</exception>
    public ResilienceHandler(ResilienceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _shared = setup.SharedPipeline();
    }

    /// <summary>Gets the state of the shared circuit, or <see langword="null"/> when no circuit breaker is installed.</summary>
    public CircuitBreakerState? CircuitState => _shared.CircuitState;

    /// <summary>Whether a retry is installed: only then is the call prepared to be sent again.</summary>
    internal bool HasRetry => _shared.HasRetry;

    /// <summary>The client's retry count, before a request's own.</summary>
    internal int MaxRetryAttempts => _shared.MaxRetryAttempts;

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Herald's resilience middleware is asynchronous: send with SendAsync.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var exchange = HeraldExchange.Of(request);
        var call = new ResilienceCall(this, request, exchange);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SharedResiliencePipeline.CallKey, call);
        try
        {
            var response = await _shared.Pipeline.ExecuteAsync(
                static (ctx, call) => call.SendAttemptAsync(ctx), context, call).ConfigureAwait(false);
            if (call.ReplayRefused)
            {
                var refused = HeraldRetryException.BodyNotReplayable(call.Current, response, null, call.Attempts, exchange);
                response.Dispose();
                throw refused;
            }

            return response;
        }
        catch (Exception ex) when (call.ReplayRefused && ex is not HeraldRetryException)
        {
            throw HeraldRetryException.BodyNotReplayable(call.Current, null, ex, call.Attempts, exchange);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ResilienceTimeoutException(call.TotalTimedOut, ex.Timeout, call.Attempts, ex);
        }
        catch (BrokenCircuitException ex)
        {
            var state = CircuitState == CircuitBreakerState.HalfOpen ? CircuitBreakerState.HalfOpen : CircuitBreakerState.Open;
            throw new CircuitOpenException(request.Method, request.RequestUri, state, ex.RetryAfter, ex, exchange.ShowQuery);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Sends one attempt down the rest of this handler's chain.</summary>
    internal Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage message, CancellationToken cancellationToken) =>
        base.SendAsync(message, cancellationToken);
}
