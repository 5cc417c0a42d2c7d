namespace Herald.Client.Internal;

/// <summary>
/// The resilience strategies one <see cref="HeraldClientOptions"/> asked for, collected across its <c>Add…</c> calls
/// into one middleware entry. The entry's factory is this object's <see cref="CreateHandler"/>, which is how a later
/// <c>Add…</c> call finds it again without a property on the options. It keeps the Polly pipeline built from it
/// (<see cref="SharedPipeline"/>), so every client and handler chain built from the same options shares one circuit.
/// </summary>
internal sealed class ResilienceSetup
{
    /// <summary>Polly's bounds for a timeout, checked here so the message names Herald's setting.</summary>
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private SharedResiliencePipeline? _shared;

    private ResilienceSetup(HeraldClientOptions client) => Client = client;

    /// <summary>The options this setup belongs to: the client's clock and logger come from them.</summary>
    public HeraldClientOptions Client { get; }

    // Every setter drops the shared pipeline: the Add… methods change a setup only through them, so a client built
    // after a change gets a pipeline (and a circuit) that reflects it, and clients built before keep theirs.

    /// <summary>The outermost timeout, over every attempt and wait.</summary>
    public TimeSpan? TotalTimeout
    {
        get;
        set
        {
            field = value;
            Changed();
        }
    }

    /// <summary>The name under which <see cref="TotalTimeout"/> was set, for messages.</summary>
    public string TotalTimeoutName
    {
        get;
        set
        {
            field = value;
            Changed();
        }
    } = "total";

    /// <summary>The retry, inside the total timeout.</summary>
    public RetryOptions? Retry
    {
        get;
        set
        {
            field = value;
            Changed();
        }
    }

    /// <summary>The circuit breaker, inside the retry: each attempt counts.</summary>
    public CircuitBreakerOptions? CircuitBreaker
    {
        get;
        set
        {
            field = value;
            Changed();
        }
    }

    /// <summary>The innermost timeout, of each attempt.</summary>
    public TimeSpan? AttemptTimeout
    {
        get;
        set
        {
            field = value;
            Changed();
        }
    }

    /// <summary>The name under which <see cref="AttemptTimeout"/> was set, for messages.</summary>
    public string AttemptTimeoutName
    {
        get;
        set
        {
            field = value;
            Changed();
        }
    } = "perAttempt";

    /// <summary>Returns the setup installed on <paramref name="options"/>, installing an empty one in its documented place first.</summary>
    public static ResilienceSetup Of(HeraldClientOptions options)
    {
        if (Find(options) is { } existing)
        {
            return existing;
        }

        var setup = new ResilienceSetup(options);
        options.Middleware.InstallInOrder(HeraldMiddleware.Resilience, setup.CreateHandler);
        return setup;
    }

    /// <summary>Returns the setup installed on <paramref name="options"/>, or <see langword="null"/>.</summary>
    public static ResilienceSetup? Find(HeraldClientOptions options)
    {
        foreach (var (name, factory) in options.Middleware)
        {
            if (string.Equals(name, HeraldMiddleware.Resilience, StringComparison.OrdinalIgnoreCase)
                && factory.Target is ResilienceSetup existing
                && ReferenceEquals(existing.Client, options))
            {
                return existing;
            }
        }

        return null;
    }

    /// <summary>Builds the middleware for a new client or handler chain, over the shared pipeline.</summary>
    public DelegatingHandler CreateHandler() => new ResilienceHandler(this);

    /// <summary>
    /// Returns the pipeline every handler built from this setup shares, building it first (and checking everything
    /// again) when there is none yet, the setup changed since, or the client's clock or logger is not the one it was
    /// built with.
    /// </summary>
    /// <exception cref="ArgumentException">Thrown when a setting is invalid; the message names it.</exception>
    public SharedResiliencePipeline SharedPipeline()
    {
        // Handler chains may be built on several threads at once (IHttpClientFactory, clients built in parallel):
        // they must end up with one pipeline, not one each.
        lock (_gate)
        {
            if (_shared is { } shared && shared.Fits(Client))
            {
                return shared;
            }

            return _shared = new SharedResiliencePipeline(this);
        }
    }

    /// <summary>
    /// Returns the pipeline the next handler would share, or <see langword="null"/> when it would build a new one;
    /// never builds one.
    /// </summary>
    public SharedResiliencePipeline? CurrentPipeline()
    {
        lock (_gate)
        {
            return _shared is { } shared && shared.Fits(Client) ? shared : null;
        }
    }

    /// <summary>Throws when a setting is out of range or the timeouts contradict each other; the message names the setting.</summary>
    public void Validate()
    {
        if (TotalTimeout is { } total)
        {
            CheckTimeout(total, TotalTimeoutName);
        }

        if (AttemptTimeout is { } attempt)
        {
            CheckTimeout(attempt, AttemptTimeoutName);
            if (TotalTimeout is { } whole && attempt > whole)
            {
                throw new ArgumentOutOfRangeException(
                    AttemptTimeoutName,
                    attempt,
                    $"The per-attempt timeout ({attempt}) must not exceed the total timeout ({whole}): the first attempt could never time out on its own.");
            }
        }

        Retry?.Validate("RetryOptions");
        CircuitBreaker?.Validate("CircuitBreakerOptions");
    }

    /// <summary>Throws unless <paramref name="timeout"/> is from 10 ms to 1 day.</summary>
    public static void CheckTimeout(TimeSpan timeout, string name)
    {
        if (timeout < MinTimeout || timeout > MaxTimeout)
        {
            throw new ArgumentOutOfRangeException(name, timeout, $"{name} must be from 10 ms to 1 day; leave it out for no limit.");
        }
    }

    private void Changed()
    {
        lock (_gate)
        {
            _shared = null;
        }
    }
}
