namespace Herald.Client;

/// <summary>Why the redirect middleware refused to go on (<see cref="HeraldRedirectException.Error"/>).</summary>
public enum RedirectError
{
    /// <summary>More redirects than <see cref="RedirectOptions.MaxRedirects"/> (a loop, or a very long chain).</summary>
    TooManyRedirects,

    /// <summary>
    /// The <c>Location</c> header is not a usable http or https URL: unparsable, no host, or another scheme
    /// (see <see cref="RedirectOptions.ValidateLocation"/>).
    /// </summary>
    InvalidLocation,

    /// <summary>An https URL redirected to plain http (see <see cref="RedirectOptions.AllowHttpsDowngrade"/>).</summary>
    HttpsDowngrade,

    /// <summary>
    /// A <c>307</c> or <c>308</c> asked for the body to be sent again, but it was a stream that could be read once
    /// only and was larger than <see cref="HeraldClientOptions.MaxReplayBufferBytes"/>.
    /// </summary>
    BodyNotReplayable,
}
