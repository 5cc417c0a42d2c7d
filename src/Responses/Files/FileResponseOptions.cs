namespace Herald.Responses;

/// <summary>Options for a file response (<c>Respond.File</c>, <c>Respond.Download</c>, <c>ctx.RespondFileAsync</c>).</summary>
/// <remarks>
/// The options are read once, when the result is created: changing an instance afterwards does not change results
/// already created from it, so one instance can be shared by many endpoints.
/// </remarks>
public sealed class FileResponseOptions
{
    /// <summary>Gets or sets the content type sent instead of the one derived from the file's extension.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: the type comes from the extension (<c>.png</c> is <c>image/png</c>),
    /// and <c>application/octet-stream</c> when the extension is unknown.
    /// </value>
    public string? ContentType { get; set; }

    /// <summary>Gets or sets whether the response carries <c>Content-Disposition: inline</c> or <c>attachment</c>.</summary>
    /// <value>The default value is <see cref="FileDisposition.None"/> (no header). <c>Respond.Download</c> always uses <see cref="FileDisposition.Attachment"/>.</value>
    public FileDisposition Disposition { get; set; }

    /// <summary>Gets or sets the file name the browser offers when saving the file.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: the name of the file on disk. Any Unicode name works: it is sent as
    /// <c>filename="…"</c> (ASCII fallback) plus <c>filename*=UTF-8''…</c> when the fallback cannot carry it.
    /// Only used when <see cref="Disposition"/> is not <see cref="FileDisposition.None"/>.
    /// </value>
    public string? DownloadName { get; set; }

    /// <summary>Gets or sets an entity tag sent instead of the one derived from the file's length and last write time.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: a strong tag derived from the file's length and last write time.
    /// Accepted forms: <c>7c876b7e</c>, <c>"7c876b7e"</c> and weak <c>W/"7c876b7e"</c>.
    /// </value>
    public string? ETag { get; set; }

    /// <summary>Gets or sets whether the response carries an <c>ETag</c> and answers <c>If-None-Match</c> / <c>If-Match</c>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool EnableETag { get; set; } = true;

    /// <summary>Gets or sets whether the derived entity tag is weak (<c>W/"…"</c>).</summary>
    /// <value>
    /// The default value is <see langword="false"/>. A strong tag lets <c>If-Range</c> resume a download; mark it weak
    /// when the same length and write time cannot be trusted to mean the same bytes (files rewritten in place within
    /// the file system's timestamp resolution).
    /// </value>
    public bool WeakETag { get; set; }

    /// <summary>Gets or sets the modification time sent instead of the file's last write time.</summary>
    /// <value>The default value is <see langword="null"/>: the file's last write time, in whole seconds.</value>
    public DateTimeOffset? LastModified { get; set; }

    /// <summary>Gets or sets whether the response carries <c>Last-Modified</c> and answers <c>If-Modified-Since</c> / <c>If-Unmodified-Since</c>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool EnableLastModified { get; set; } = true;

    /// <summary>Gets or sets whether <c>Range</c> requests are answered with 206 Partial Content.</summary>
    /// <value>The default value is <see langword="true"/>. When <see langword="false"/>, <c>Range</c> is ignored and <c>Accept-Ranges</c> is not sent.</value>
    public bool EnableRangeProcessing { get; set; } = true;

    /// <summary>Gets or sets how many ranges one <c>Range</c> header may ask for before it is ignored and the whole file is sent.</summary>
    /// <value>
    /// The default value is 32. A request listing hundreds of tiny ranges costs the server far more than the full
    /// file (one part header per range); RFC 9110 section 14.2 allows ignoring such a header.
    /// </value>
    public int MaxRanges { get; set; } = 32;

    /// <summary>Gets or sets the <c>Cache-Control</c> header value, e.g. <c>public, max-age=3600</c>.</summary>
    /// <value>The default value is <see langword="null"/>: no <c>Cache-Control</c> header.</value>
    public string? CacheControl { get; set; }
}
