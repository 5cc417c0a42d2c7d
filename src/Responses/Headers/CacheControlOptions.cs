namespace Herald.Responses;

/// <summary>
/// The directives of a <c>Cache-Control</c> response header (RFC 9111 section 5.2.2, RFC 8246), set through
/// <see cref="Microsoft.AspNetCore.Http.HeraldHttpResponseExtensions.CacheControl(Microsoft.AspNetCore.Http.HttpResponse, CacheControlOptions)"/>.
/// </summary>
/// <example>
/// <code>ctx.Response.CacheControl(new CacheControlOptions { Public = true, MaxAge = TimeSpan.FromDays(365), Immutable = true });</code>
/// </example>
public sealed class CacheControlOptions
{
    /// <summary>Gets or sets how long the response stays fresh (<c>max-age</c>, whole seconds).</summary>
    /// <value>The default value is <see langword="null"/>: no <c>max-age</c>.</value>
    public TimeSpan? MaxAge { get; set; }

    /// <summary>Gets or sets how long the response stays fresh in shared caches such as CDNs (<c>s-maxage</c>).</summary>
    /// <value>The default value is <see langword="null"/>: no <c>s-maxage</c>.</value>
    public TimeSpan? SharedMaxAge { get; set; }

    /// <summary>Gets or sets a value indicating whether caches must revalidate before each reuse (<c>no-cache</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool NoCache { get; set; }

    /// <summary>Gets or sets a value indicating whether no cache may store the response (<c>no-store</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool NoStore { get; set; }

    /// <summary>Gets or sets a value indicating whether only the user's own (private) cache may store it (<c>private</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Private { get; set; }

    /// <summary>Gets or sets a value indicating whether any cache may store it, even an authenticated response (<c>public</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Public { get; set; }

    /// <summary>Gets or sets a value indicating whether a stale response must be revalidated before reuse (<c>must-revalidate</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool MustRevalidate { get; set; }

    /// <summary>Gets or sets a value indicating whether the response never changes while fresh (<c>immutable</c>, RFC 8246).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Immutable { get; set; }

    /// <summary>Gets or sets a value indicating whether intermediaries must not transform the body (<c>no-transform</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool NoTransform { get; set; }
}
