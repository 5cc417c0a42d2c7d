namespace Herald.Client;

/// <summary>Per-request redirect settings on <see cref="HeraldRequest"/> (override <see cref="RedirectOptions"/>).</summary>
public static class RedirectRequestExtensions
{
    /// <summary>Sets which redirects this request follows, e.g. <c>request.FollowRedirects(RedirectStrategy.None)</c>.</summary>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="strategy"/> is not a defined value.</exception>
    public static HeraldRequest FollowRedirects(this HeraldRequest request, RedirectStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Use a RedirectStrategy member.");
        }

        return request.SetOption(RedirectHandler.StrategyKey, strategy);
    }

    /// <summary>Sets how many redirects this request follows before failing (see <see cref="RedirectOptions.MaxRedirects"/>).</summary>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="maxRedirects"/> is negative.</exception>
    public static HeraldRequest MaxRedirects(this HeraldRequest request, int maxRedirects)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRedirects);
        return request.SetOption(RedirectHandler.MaxRedirectsKey, maxRedirects);
    }
}
