using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Herald.Client.Internal;

/// <summary>
/// The Polly pipeline one <see cref="ResilienceSetup"/> builds, in a fixed order, outermost first: total timeout,
/// retry, circuit breaker, per-attempt timeout. Every <see cref="ResilienceHandler"/> built from the setup shares it,
/// and so shares one circuit, as Microsoft's standard resilience handler keeps one pipeline per named client: a handler
/// chain that <c>IHttpClientFactory</c> rotates, or a short-lived client, must not forget that a service is down. What
/// it holds is copied from the setup when it is built, so a later change to the options reaches only a new pipeline.
/// </summary>
internal sealed class SharedResiliencePipeline
{
    /// <summary>The call a pipeline run belongs to: the callbacks are shared, the call is not.</summary>
    internal static readonly ResiliencePropertyKey<ResilienceCall> CallKey = new("Herald.Resilience.Call");

    private readonly CircuitBreakerStateProvider? _circuit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LoggerSource _loggerSource;
    private readonly TimeSpan _maxDelay;
    private readonly bool _honorRetryAfter;
    private readonly Func<RetryContext, bool>? _shouldRetry;
    private readonly Func<int, bool>? _isFailureStatus;
    private readonly Action<CircuitStateChange>? _onStateChange;

    /// <exception cref="ArgumentException">Thrown when a setting is invalid; the message names it.</exception>
    public SharedResiliencePipeline(ResilienceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        _time = TimeOf(setup.Client);
        _loggerSource = LoggerSource.Of(setup.Client);
        _logger = _loggerSource.Off ? NullLogger.Instance : setup.Client.Logging.ResolveLogger();

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
            HasRetry = true;
            MaxRetryAttempts = retry.MaxRetryAttempts;
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

        Pipeline = builder.Build();
    }

    /// <summary>The Polly pipeline every call of every handler built from the setup runs through.</summary>
    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>Gets the circuit's state, or <see langword="null"/> when no circuit breaker is installed.</summary>
    public CircuitBreakerState? CircuitState => _circuit is null ? null : Map(_circuit.CircuitState);

    /// <summary>Whether a retry is installed: only then is a call prepared to be sent again.</summary>
    public bool HasRetry { get; }

    /// <summary>The client's retry count, before a request's own.</summary>
    public int MaxRetryAttempts { get; }

    /// <summary>
    /// Whether this pipeline still fits <paramref name="client"/>: its clock and logger are the ones it was built with
    /// (they are plain properties of the options, set without an <c>Add…</c> call that would drop the pipeline).
    /// </summary>
    public bool Fits(HeraldClientOptions client) =>
        ReferenceEquals(_time, TimeOf(client)) && _loggerSource == LoggerSource.Of(client);

    private static TimeProvider TimeOf(HeraldClientOptions client) => client.TimeProvider ?? TimeProvider.System;

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
        if (!call.RetryEnabled || call.Attempts > call.MaxRetryAttempts || args.Context.CancellationToken.IsCancellationRequested
            || CacheUnavailableContent.IsOn(args.Outcome.Result))
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

    /// <summary>
    /// What the logger is made from. Compared rather than the resolved logger, because a logger factory may hand out a
    /// new logger each time, which would give every handler a pipeline (and a circuit) of its own.
    /// </summary>
    private readonly record struct LoggerSource(bool Off, ILogger? Logger, ILoggerFactory? Factory)
    {
        public static LoggerSource Of(HeraldClientOptions client) => client.Logging.Level == ClientLogLevel.None
            ? new(true, null, null)
            : new(false, client.Logging.Logger, client.Logging.LoggerFactory);
    }
}
