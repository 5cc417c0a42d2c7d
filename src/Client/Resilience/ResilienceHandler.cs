using Herald.Client.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Herald.Client;

/// <summary>
/// The resilience middleware: runs each call through one Polly pipeline built from what the <c>Add…</c> methods of
/// <see cref="ResilienceClientOptionsExtensions"/> asked for, in a fixed order, outermost first: total timeout, retry,
/// circuit breaker, per-attempt timeout. It sits outside the redirect middleware, so an attempt is a whole call with
/// its redirects, auth and cookies; each attempt after the first is a fresh message built from the call as it was
/// before the first attempt, with the body replayed (<see cref="BodyReplay"/>).
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<ResilienceCall> CallKey = new("Herald.Resilience.Call");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly CircuitBreakerStateProvider? _circuit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly bool _hasRetry;
    private readonly int _maxRetryAttempts;
    private readonly TimeSpan _maxDelay;
    private readonly bool _honorRetryAfter;
    private readonly Func<RetryContext, bool>? _shouldRetry;
    private readonly Func<int, bool>? _isFailureStatus;
    private readonly Action<CircuitStateChange>? _onStateChange;

    /// <exception cref="ArgumentException">Thrown when a setting is invalid; the message names it.</exception>
    public ResilienceHandler(ResilienceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        var client = setup.Client;
        _time = client.TimeProvider ?? TimeProvider.System;
        _logger = client.Logging.Level == ClientLogLevel.None ? NullLogger.Instance : client.Logging.ResolveLogger();

        // Polly waits, times out and samples on the client's clock, so a fake clock drives it all in tests.
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (setup.TotalTimeout is { } total)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "total",
                Timeout = total,
                OnTimeout = static args => MarkTimeout(args.Context, total: true),
            });
        }

        if (setup.Retry is { } retry)
        {
            _hasRetry = true;
            _maxRetryAttempts = retry.MaxRetryAttempts;
            _maxDelay = retry.MaxDelay;
            _honorRetryAfter = retry.HonorRetryAfter;
            _shouldRetry = retry.ShouldRetry;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                // The count is enforced in ShouldHandle, where a request may bring its own (request.Retry(n)).
                MaxRetryAttempts = int.MaxValue,
                BackoffType = retry.Backoff switch
                {
                    RetryBackoff.Constant => DelayBackoffType.Constant,
                    RetryBackoff.Linear => DelayBackoffType.Linear,
                    _ => DelayBackoffType.Exponential,
                },
                Delay = retry.Delay,
                MaxDelay = retry.MaxDelay,
                UseJitter = retry.UseJitter,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfterDelay(args.Outcome)),
                OnRetry = args =>
                {
                    LogRetry(args);
                    return default;
                },
            });
        }

        if (setup.CircuitBreaker is { } breaker)
        {
            _isFailureStatus = breaker.IsFailureStatus;
            _onStateChange = breaker.OnStateChange;
            _circuit = new CircuitBreakerStateProvider();
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                StateProvider = _circuit,
                ShouldHandle = args => new ValueTask<bool>(IsCircuitFailure(args.Outcome)),
                OnOpened = args =>
                {
                    ResilienceLog.CircuitOpened(_logger, args.BreakDuration.TotalMilliseconds, Describe(args.Outcome));
                    _onStateChange?.Invoke(new(CircuitBreakerState.Open, args.BreakDuration, args.Outcome.Result, args.Outcome.Exception));
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    ResilienceLog.CircuitHalfOpened(_logger);
                    _onStateChange?.Invoke(new(CircuitBreakerState.HalfOpen, null, null, null));
                    return default;
                },
                OnClosed = args =>
                {
                    ResilienceLog.CircuitClosed(_logger);
                    _onStateChange?.Invoke(new(CircuitBreakerState.Closed, null, args.Outcome.Result, args.Outcome.Exception));
                    return default;
                },
            });
        }

        if (setup.AttemptTimeout is { } attempt)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "attempt",
                Timeout = attempt,
                OnTimeout = static args => MarkTimeout(args.Context, total: false),
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>Gets the circuit's state, or <see langword="null"/> when no circuit breaker is installed.</summary>
    public CircuitBreakerState? CircuitState => _circuit is null ? null : Map(_circuit.CircuitState);

    /// <summary>Whether a retry is installed: only then is the call prepared to be sent again.</summary>
    internal bool HasRetry => _hasRetry;

    /// <summary>The client's retry count, before a request's own.</summary>
    internal int MaxRetryAttempts => _maxRetryAttempts;

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Herald's resilience middleware is asynchronous: send with SendAsync.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var exchange = HeraldExchange.Of(request);
        var call = new ResilienceCall(this, request, exchange);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        try
        {
            var response = await _pipeline.ExecuteAsync(
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

    /// <summary>Sends one attempt down the rest of the pipeline.</summary>
    internal Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage message, CancellationToken cancellationToken) =>
        base.SendAsync(message, cancellationToken);

    private static ValueTask MarkTimeout(ResilienceContext context, bool total)
    {
        // The last timeout to fire is the one whose exception leaves the pipeline: an attempt timeout that the retry
        // gave up on, or the total timeout that cut a later attempt or wait short.
        if (context.Properties.TryGetValue(CallKey, out var call))
        {
            call.TotalTimedOut = total;
        }

        return default;
    }

    private bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
    {
        var call = args.Context.Properties.GetValue(CallKey, null!);
        if (!call.RetryEnabled || call.Attempts > call.MaxRetryAttempts || args.Context.CancellationToken.IsCancellationRequested || CacheUnavailableContent.IsOn(args.Outcome.Result))
        {
            return false;
        }

        var outcome = args.Outcome;
        if (!_shouldRetry!(new RetryContext(call.Current, call.Attempts, call.IsIdempotent, outcome.Result, outcome.Exception)))
        {
            return false;
        }

        if (!BodyReplay.CanSendAgain(call.Request.Content))
        {
            // Say so rather than pass the failure on as if retrying had not been asked for.
            call.ReplayRefused = true;
            ResilienceLog.BodyNotReplayable(
                _logger, call.Request.Method.Method, DisplayUrl.Of(call.Request.RequestUri, call.ShowQuery), call.Attempts, Describe(outcome));
            return false;
        }

        return true;
    }

    /// <summary>The server's <c>Retry-After</c> (seconds or a date), capped by the maximum delay; <see langword="null"/> leaves the backoff's delay.</summary>
    private TimeSpan? RetryAfterDelay(Outcome<HttpResponseMessage> outcome)
    {
        if (!_honorRetryAfter || outcome.Result?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        TimeSpan delay;
        if (retryAfter.Delta is { } delta)
        {
            delay = delta;
        }
        else if (retryAfter.Date is { } date)
        {
            delay = date - _time.GetUtcNow();
        }
        else
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _maxDelay ? _maxDelay : delay;
    }

    private bool IsCircuitFailure(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } response
        ? _isFailureStatus!((int)response.StatusCode) && !CacheUnavailableContent.IsOn(response)
        : TransientFailures.IsTransportFailure(outcome.Exception);

    private void LogRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var call = args.Context.Properties.GetValue(CallKey, null!);
        ResilienceLog.Retrying(
            _logger,
            call.Request.Method.Method,
            DisplayUrl.Of(call.Request.RequestUri, call.ShowQuery),
            call.Attempts,
            Describe(args.Outcome),
            args.RetryDelay.TotalMilliseconds);
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } response
        ? $"answered {(int)response.StatusCode}"
        : $"failed: {outcome.Exception?.GetType().Name}: {outcome.Exception?.Message}";

    private static CircuitBreakerState Map(CircuitState state) => state switch
    {
        Polly.CircuitBreaker.CircuitState.Closed => CircuitBreakerState.Closed,
        Polly.CircuitBreaker.CircuitState.HalfOpen => CircuitBreakerState.HalfOpen,
        _ => CircuitBreakerState.Open,
    };
}
