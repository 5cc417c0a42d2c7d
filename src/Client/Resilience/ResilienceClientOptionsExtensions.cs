using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Installs the resilience middleware (<see cref="HeraldMiddleware.Resilience"/>): retry, circuit breaker, total and
/// per-attempt timeouts on Polly. However many of these methods are called, and in whatever order, they build one
/// pipeline in a fixed order, outermost first: total timeout → retry → circuit breaker → per-attempt timeout. Calling
/// one again configures the same strategy further.
/// </summary>
/// <remarks>
/// The middleware sits outside the redirect middleware: an attempt is a whole call, redirects, auth and cookies
/// included; a bearer refresh on 401 happens inside an attempt, once, and the retries that follow use the new token.
/// Keep <see cref="HeraldClientOptions.Timeout"/> above the total timeout: it still bounds the whole call.
/// <para>The pipeline, and so the circuit breaker's state, belongs to the options: every client built from them shares
/// it, and under dependency injection every client of the name shares it across the factory's handler rotations. A
/// client never sees later changes: an <c>Add…</c> call, or a new <see cref="HeraldClientOptions.TimeProvider"/> or
/// logger, gives the clients built after it a new pipeline with a closed circuit, while earlier clients keep theirs.</para>
/// </remarks>
public static class ResilienceClientOptionsExtensions
{
    /// <summary>
    /// Retries failed calls (by default idempotent ones, after a transport error, an attempt timeout, or 408, 429, 500,
    /// 502, 503, 504), waiting with backoff and honouring <c>Retry-After</c>. See <see cref="RetryOptions"/>.
    /// </summary>
    /// <remarks>
    /// Each retry sends the request body again. A read-once body (a stream that cannot seek) is copied as it is first
    /// sent, up to <see cref="HeraldClientOptions.MaxReplayBufferBytes"/>, and replayed from the copy; a larger one is
    /// not retried, and the call fails with <see cref="HeraldRetryException"/> saying so.
    /// </remarks>
    /// <param name="options">The client options.</param>
    /// <param name="configure">Changes the retry options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The client options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a retry option is invalid; the message names it.</exception>
    public static HeraldClientOptions AddRetry(this HeraldClientOptions options, Action<RetryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retry = ResilienceSetup.Find(options)?.Retry ?? new RetryOptions();
        configure?.Invoke(retry);
        retry.Validate("RetryOptions");
        ResilienceSetup.Of(options).Retry = retry;
        return options;
    }

    /// <summary>
    /// Stops calling a failing service for a while: when failures reach a ratio of the calls in a window, calls fail
    /// at once with <see cref="CircuitOpenException"/> until a trial call succeeds. See <see cref="CircuitBreakerOptions"/>.
    /// The circuit is shared by every client built from these options (and by every client of a name registered with
    /// <c>services.AddHeraldClient</c>, across handler rotations): once it opens, none of them calls the service until
    /// the break is over. Read its state with <see cref="ResilienceClientExtensions.GetCircuitState(HeraldClientOptions)"/>.
    /// </summary>
    /// <param name="options">The client options.</param>
    /// <param name="configure">Changes the circuit breaker options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The client options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a circuit breaker option is invalid; the message names it.</exception>
    public static HeraldClientOptions AddCircuitBreaker(this HeraldClientOptions options, Action<CircuitBreakerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var breaker = ResilienceSetup.Find(options)?.CircuitBreaker ?? new CircuitBreakerOptions();
        configure?.Invoke(breaker);
        breaker.Validate("CircuitBreakerOptions");
        ResilienceSetup.Of(options).CircuitBreaker = breaker;
        return options;
    }

    /// <summary>
    /// Limits how long a call may take with all its attempts (<paramref name="total"/>) and how long each attempt may
    /// take (<paramref name="perAttempt"/>, until the response and, unless it is streamed, its body). Either running
    /// out throws <see cref="HeraldTimeoutException"/> naming which; an attempt that times out is retried like a
    /// transport error when a retry is installed.
    /// </summary>
    /// <param name="options">The client options.</param>
    /// <param name="total">The limit for the whole call, or <see langword="null"/> to leave it as it is.</param>
    /// <param name="perAttempt">The limit for each attempt, or <see langword="null"/> to leave it as it is.</param>
    /// <returns>The client options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when both limits are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when a limit is not from 10 ms to 1 day, or <paramref name="perAttempt"/> exceeds <paramref name="total"/>.</exception>
    public static HeraldClientOptions AddTimeouts(this HeraldClientOptions options, TimeSpan? total = null, TimeSpan? perAttempt = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (total is null && perAttempt is null)
        {
            throw new ArgumentException("Give a total timeout, a per-attempt timeout or both, e.g. AddTimeouts(total: TimeSpan.FromSeconds(30)).", nameof(total));
        }

        if (total is { } whole)
        {
            ResilienceSetup.CheckTimeout(whole, nameof(total));
        }

        if (perAttempt is { } attempt)
        {
            ResilienceSetup.CheckTimeout(attempt, nameof(perAttempt));
        }

        var existing = ResilienceSetup.Find(options);
        var effectiveTotal = total ?? existing?.TotalTimeout;
        var effectiveAttempt = perAttempt ?? existing?.AttemptTimeout;
        if (effectiveTotal is { } t && effectiveAttempt is { } a && a > t)
        {
            throw new ArgumentOutOfRangeException(
                nameof(perAttempt), a, $"The per-attempt timeout ({a}) must not exceed the total timeout ({t}): the first attempt could never time out on its own.");
        }

        var setup = ResilienceSetup.Of(options);
        if (total is not null)
        {
            setup.TotalTimeout = total;
            setup.TotalTimeoutName = "AddTimeouts total";
        }

        if (perAttempt is not null)
        {
            setup.AttemptTimeout = perAttempt;
            setup.AttemptTimeoutName = "AddTimeouts perAttempt";
        }

        return options;
    }

    /// <summary>
    /// Installs the standard pipeline, as Microsoft's standard resilience handler: a total timeout (30 s), retry
    /// (3 retries, exponential backoff with jitter), a circuit breaker and a per-attempt timeout (10 s). See
    /// <see cref="StandardResilienceOptions"/>; the other <c>Add…</c> methods can change a part of it afterwards.
    /// </summary>
    /// <param name="options">The client options.</param>
    /// <param name="configure">Changes the standard options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The client options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is invalid; the message names it.</exception>
    public static HeraldClientOptions AddStandardResilience(this HeraldClientOptions options, Action<StandardResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var standard = new StandardResilienceOptions();
        configure?.Invoke(standard);
        standard.Validate();
        var setup = ResilienceSetup.Of(options);
        setup.TotalTimeout = standard.TotalTimeout;
        setup.TotalTimeoutName = "StandardResilienceOptions.TotalTimeout";
        setup.Retry = standard.Retry;
        setup.CircuitBreaker = standard.CircuitBreaker;
        setup.AttemptTimeout = standard.AttemptTimeout;
        setup.AttemptTimeoutName = "StandardResilienceOptions.AttemptTimeout";
        return options;
    }
}
