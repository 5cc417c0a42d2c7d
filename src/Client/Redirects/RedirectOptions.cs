namespace Herald.Client;

/// <summary>
/// Configures the redirect middleware (<see cref="HeraldMiddleware.Redirects"/>). Per request, override the strategy
/// and the limit with <see cref="RedirectRequestExtensions.FollowRedirects(HeraldRequest, RedirectStrategy)"/> and
/// <see cref="RedirectRequestExtensions.MaxRedirects(HeraldRequest, int)"/>.
/// </summary>
/// <remarks>
/// The headers in <see cref="OriginBoundHeaders"/> (and, whatever the settings, <c>Authorization</c>,
/// <c>Proxy-Authorization</c> and <c>Cookie</c>) are never forwarded to another origin (scheme, host and port): once
/// a redirect leaves the origin they were sent to, they are dropped for the rest of the call, even if a later redirect
/// comes back, and so are per-request credentials
/// (<see cref="AuthRequestExtensions.BasicAuth(HeraldRequest, string, string)"/>) and per-request cookies. The cookie
/// middleware, which runs below this one, adds the stored cookies that belong to each new origin by itself, and the
/// auth middleware the client-wide credentials of each origin they are scoped to.
/// </remarks>
public sealed class RedirectOptions
{
    /// <summary>Gets or sets which redirects are followed.</summary>
    /// <value>The default value is <see cref="RedirectStrategy.Default"/>.</value>
    public RedirectStrategy Strategy { get; set; } = RedirectStrategy.Default;

    /// <summary>
    /// Gets or sets how many redirects one call follows. One more throws a <see cref="HeraldRedirectException"/> with
    /// <see cref="RedirectError.TooManyRedirects"/> (or, with <see cref="RedirectStrategy.Graceful"/>, returns that
    /// 3xx response). <c>0</c> makes every redirect that would be followed an error; to get 3xx responses back, use
    /// <see cref="RedirectStrategy.None"/> instead.
    /// </summary>
    /// <value>
    /// The default value is <c>20</c>, the limit of browsers and of the Fetch standard (clj-http, through Apache
    /// HttpClient, and <see cref="HttpClientHandler"/> allow 50).
    /// </value>
    public int MaxRedirects { get; set; } = 20;

    /// <summary>
    /// Gets or sets whether a <c>Location</c> that is not an http or https URL with a valid host (<c>http:///x</c>,
    /// <c>http://:80/</c>, <c>ftp://…</c>, text that is no URL at all) throws a <see cref="HeraldRedirectException"/> with
    /// <see cref="RedirectError.InvalidLocation"/>. When <see langword="false"/>, such a response is returned as it is,
    /// and a host that is merely unusual is followed.
    /// </summary>
    /// <value>The default value is <see langword="true"/> (clj-http's <c>:validate-redirects</c>).</value>
    public bool ValidateLocation { get; set; } = true;

    /// <summary>
    /// Gets or sets whether a redirect from https to plain http is followed. When <see langword="false"/>, it throws
    /// a <see cref="HeraldRedirectException"/> with <see cref="RedirectError.HttpsDowngrade"/>.
    /// </summary>
    /// <value>The default value is <see langword="false"/> (Ktor's <c>allowHttpsDowngrade</c>).</value>
    public bool AllowHttpsDowngrade { get; set; }

    /// <summary>
    /// Gets the request headers that hold secrets for one origin and are dropped when a redirect goes to another
    /// origin (scheme, host and port), for the rest of the call. Names are case-insensitive. Add your own API-key
    /// headers; other headers (<c>Accept</c>, <c>X-Request-Id</c>, …) follow redirects anywhere.
    /// <c>Authorization</c>, <c>Proxy-Authorization</c> and <c>Cookie</c> are dropped even if removed from this set.
    /// </summary>
    /// <value>
    /// The default value holds <c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c> and the common API-key
    /// and token headers: <c>X-Api-Key</c>, <c>Api-Key</c>, <c>X-Api-Token</c>, <c>X-Auth-Token</c>,
    /// <c>X-Access-Token</c>, <c>X-CSRF-Token</c>, <c>X-XSRF-Token</c>, <c>Private-Token</c> (GitLab),
    /// <c>Ocp-Apim-Subscription-Key</c> (Azure API Management), <c>X-Goog-Api-Key</c> (Google),
    /// <c>X-Amz-Security-Token</c> (AWS) and <c>X-Vault-Token</c> (Vault).
    /// </value>
    public ISet<string> OriginBoundHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization",
        "Proxy-Authorization",
        "Cookie",
        "X-Api-Key",
        "Api-Key",
        "X-Api-Token",
        "X-Auth-Token",
        "X-Access-Token",
        "X-CSRF-Token",
        "X-XSRF-Token",
        "Private-Token",
        "Ocp-Apim-Subscription-Key",
        "X-Goog-Api-Key",
        "X-Amz-Security-Token",
        "X-Vault-Token",
    };

    /// <summary>Checks the settings when a client is built.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(Strategy))
        {
            throw new ArgumentException(
                $"RedirectOptions.Strategy has the undefined value {(int)Strategy}; use a RedirectStrategy member.",
                nameof(Strategy));
        }

        foreach (var name in OriginBoundHeaders)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException(
                    "RedirectOptions.OriginBoundHeaders holds an empty header name; remove it.", nameof(OriginBoundHeaders));
            }
        }

        if (MaxRedirects < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxRedirects),
                MaxRedirects,
                "RedirectOptions.MaxRedirects must be 0 or more; use RedirectStrategy.None to follow no redirect.");
        }
    }
}
