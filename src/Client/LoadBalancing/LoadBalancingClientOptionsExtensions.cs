using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>Installs the load-balancing middleware in <see cref="HeraldClientOptions"/>.</summary>
public static class LoadBalancingClientOptionsExtensions
{
    /// <summary>
    /// Spreads calls over several targets (Ballerina's <c>http:LoadBalanceClient</c>): round robin unless
    /// <see cref="LoadBalancingOptions.Rule"/> says otherwise; a call whose target fails in the transport goes to the
    /// next target; an HTTP response, even a 5xx, is returned as it is; when every target fails,
    /// <see cref="AllTargetsFailedException"/> lists each one's error. Installed as <see cref="HeraldMiddleware.LoadBalancing"/>,
    /// outside redirects, so each target gets the whole call.
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
    /// <exception cref="ArgumentException">Thrown when the targets or timeout are invalid, or failover is installed too; the message names the property.</exception>
    public static HeraldClientOptions AddLoadBalancing(this HeraldClientOptions options, Action<LoadBalancingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configure);
        if (options.Middleware.Contains(HeraldMiddleware.Failover))
        {
            throw new ArgumentException(
                "Failover is installed already; load balancing and failover both choose the target of each call: install one "
                + "of them (options.Middleware.Remove(HeraldMiddleware.Failover) first to switch).",
                nameof(options));
        }

        var settings = new LoadBalancingOptions();
        configure(settings);
        var targets = TargetList.From(settings.Targets, "LoadBalancingOptions.Targets");
        ClientSettings.CheckTimeout(settings.AttemptTimeout, "LoadBalancingOptions.AttemptTimeout");
        var rule = settings.Rule;
        var failOver = settings.FailOverOnTransportError;
        var attemptTimeout = settings.AttemptTimeout;

        options.BaseAddress ??= targets[0];
        options.Middleware.InstallInOrder(
            HeraldMiddleware.LoadBalancing,
            () => new LoadBalancingHandler(targets, rule ?? new RoundRobinRule(), failOver, attemptTimeout, options.TimeProvider));
        return options;
    }
}
