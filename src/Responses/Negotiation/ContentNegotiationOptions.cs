namespace Herald.Responses;

/// <summary>Configures Herald's content negotiation: the converters, what happens when none is acceptable, and the query override.</summary>
/// <remarks>
/// Configure through <c>builder.Services.AddContentNegotiation(o =&gt; o.AddJson().AddXml().AddText())</c>. The options are
/// validated when the application starts: at least one converter, each with at least one concrete media type.
/// </remarks>
public sealed class ContentNegotiationOptions
{
    /// <summary>Gets the converters in the server's preference order; the first is the default.</summary>
    /// <value>Empty until <c>AddJson</c>, <c>AddXml</c>, <c>AddText</c> or <see cref="Add"/> is called.</value>
    public IList<IContentConverter> Converters { get; } = [];

    /// <summary>Gets or sets whether a request that accepts nothing the endpoint produces gets the default format instead of 406.</summary>
    /// <value>
    /// The default value is <see langword="false"/>: such a request is answered with <c>406 Not Acceptable</c> and a
    /// problem-details body listing the media types the endpoint can produce. When <see langword="true"/>, the first
    /// converter that can write the value answers (RFC 9110 allows either).
    /// </value>
    public bool FallBackToDefault { get; set; }

    /// <summary>Gets or sets the name of a query parameter that overrides <c>Accept</c>, such as <c>format</c> for <c>?format=xml</c>.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: the override is off, so only <c>Accept</c> decides (a URL names one
    /// resource, and caches keyed on it need not know about the override). When set, a request carrying the parameter is
    /// answered in the format it names (a short name from <see cref="Formats"/> or a media type), whatever its
    /// <c>Accept</c> says; an unknown name gets 406 unless <see cref="FallBackToDefault"/> is set.
    /// </value>
    public string? FormatQueryParameter { get; set; }

    /// <summary>Gets the short names the query override understands, mapped to media types.</summary>
    /// <value>
    /// The default value maps <c>json</c> to <c>application/json</c>, <c>xml</c> to <c>application/xml</c>,
    /// <c>text</c> to <c>text/plain</c>, <c>html</c> to <c>text/html</c> and <c>csv</c> to <c>text/csv</c>; names are
    /// case-insensitive. Add entries for custom converters.
    /// </value>
    public IDictionary<string, string> Formats { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = "application/json",
        ["xml"] = "application/xml",
        ["text"] = "text/plain",
        ["html"] = "text/html",
        ["csv"] = "text/csv",
    };

    /// <summary>Gets or sets how many distinct <c>Accept</c> values have their negotiation outcome cached.</summary>
    /// <value>
    /// The default value is 256. Common values (none, <c>*/*</c>, <c>application/json</c>, a browser's) are parsed once
    /// and then answered without allocating. When the cache is full, further values are still negotiated correctly, just
    /// parsed per request, so a client sending endless distinct values cannot grow memory. Values longer than 1024
    /// characters are never cached; 0 turns the cache off.
    /// </value>
    public int AcceptCacheSize { get; set; } = 256;

    /// <summary>Adds a converter after those already registered.</summary>
    /// <param name="converter">The converter to add.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="converter"/> is <see langword="null"/>.</exception>
    public ContentNegotiationOptions Add(IContentConverter converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        Converters.Add(converter);
        return this;
    }
}
