using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>Installs the failover middleware in <see cref="HeraldClientOptions"/>.</summary>
public static class FailoverClientOptionsExtensions
{
    /// <summary>
    /// Sends each call to one target at a time (Ballerina's <c>http:FailoverClient</c>): it starts at the target that
    /// last served a call and moves on, in order, when a target fails in the transport or answers with one of
    /// <see cref="FailoverOptions.FailoverStatusCodes"/> (501–504 by default), waiting <see cref="FailoverOptions.Interval"/>
    /// in between. When every target fails, <see cref="AllTargetsFailedException"/> lists each one's status or error.
    /// Installed as <see cref="HeraldMiddleware.Failover"/>, outside redirects, so each target gets the whole call.
    /// </summary>
    /// <remarks>
    /// <para>Write requests relative, as with a base address. When <see cref="HeraldClientOptions.BaseAddress"/> is not
    /// set, the first target becomes it. Each attempt sends the part of the URL below the base address (or below the
    /// target it was written against) to a target; an absolute URL at another origin is sent as it is, once.</para>
    /// <para>Client-wide credentials scoped to the base address go to whichever target stands in for it; framework
    /// credentials (<see cref="AuthOptions.Credentials"/>) answer only the base address's origin unless
    /// <see cref="AuthOptions.Origins"/> lists the targets.</para>
    /// </remarks>
    /// <param name="options">The client options.</param>
    /// <param name="configure">Adds the targets and sets the options.</param>
    /// <returns>The options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is invalid or load balancing is installed too; the message names the property.</exception>
    public static HeraldClientOptions AddFailover(this HeraldClientOptions options, Action<FailoverOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configure);
        if (options.Middleware.Contains(HeraldMiddleware.LoadBalancing))
        {
            throw new ArgumentException(
                "Load balancing is installed already; load balancing and failover both choose the target of each call: install "
                + "one of them (options.Middleware.Remove(HeraldMiddleware.LoadBalancing) first to switch).",
                nameof(options));
        }

        var settings = new FailoverOptions();
        configure(settings);
        var targets = TargetList.From(settings.Targets, "FailoverOptions.Targets");
        ClientSettings.CheckTimeout(settings.AttemptTimeout, "FailoverOptions.AttemptTimeout");
        if (settings.Interval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                "FailoverOptions.Interval", settings.Interval, "FailoverOptions.Interval must be zero (no wait) or positive.");
        }

        foreach (var status in settings.FailoverStatusCodes)
        {
            if (status is < 100 or > 999)
            {
                throw new ArgumentOutOfRangeException(
                    "FailoverOptions.FailoverStatusCodes", status, $"FailoverOptions.FailoverStatusCodes contains {status}; a status is from 100 to 999.");
            }
        }

        int[] statuses = [.. settings.FailoverStatusCodes];
        var interval = settings.Interval;
        var attemptTimeout = settings.AttemptTimeout;
        options.BaseAddress ??= targets[0];
        options.Middleware.InstallInOrder(
            HeraldMiddleware.Failover,
            () => new FailoverHandler(targets, statuses, interval, attemptTimeout, options.TimeProvider));
        return options;
    }
}
