namespace Herald.Client;

/// <summary>
/// How the redirect middleware treats <c>301</c>, <c>302</c>, <c>303</c>, <c>307</c> and <c>308</c> responses
/// (clj-http's <c>:redirect-strategy</c>). Other 3xx statuses (<c>300</c>, <c>304</c>, …) are never followed.
/// </summary>
public enum RedirectStrategy
{
    /// <summary>
    /// Follows every redirect of a <c>GET</c> or <c>HEAD</c> request with the same method, and a <c>303</c> of any
    /// method as a <c>GET</c> (a <c>HEAD</c> stays <c>HEAD</c>). A <c>POST</c>, <c>PUT</c>, <c>DELETE</c>, <c>PATCH</c>
    /// or other method answered with <c>301</c>, <c>302</c>, <c>307</c> or <c>308</c> is not followed: the 3xx response
    /// is returned. Past <see cref="RedirectOptions.MaxRedirects"/> a <see cref="HeraldRedirectException"/> is thrown.
    /// </summary>
    Default,

    /// <summary>Follows nothing: every 3xx response is returned as it is.</summary>
    None,

    /// <summary>
    /// Like <see cref="Default"/>, but past <see cref="RedirectOptions.MaxRedirects"/> the last 3xx response is
    /// returned instead of throwing.
    /// </summary>
    Graceful,

    /// <summary>
    /// Follows redirects of every method. <c>307</c> and <c>308</c> keep the method and resend the body (which must be
    /// replayable, see <see cref="HeraldClientOptions.MaxReplayBufferBytes"/>); <c>301</c>, <c>302</c> and <c>303</c> turn
    /// the request into a <c>GET</c> without a body (a <c>GET</c> or <c>HEAD</c> keeps its method on <c>301</c> and
    /// <c>302</c>). Past <see cref="RedirectOptions.MaxRedirects"/> a <see cref="HeraldRedirectException"/> is thrown.
    /// </summary>
    Lax,
}
