using Herald.Responses.Conditional;
using Herald.Responses.Internal;

namespace Herald.Responses;

public static partial class Respond
{
    /// <summary>Creates a result that sends <paramref name="html"/> as <c>text/html; charset=utf-8</c>.</summary>
    /// <param name="html">The markup, sent as it is: encode any user text in it yourself, or build the page with <see cref="HtmlBuilder"/>.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <returns>An <see cref="HtmlResult"/> that writes the markup with its <c>Content-Length</c>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="html"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
    /// <exception cref="ArgumentException">Thrown when the status code forbids a body or the entity tag is invalid.</exception>
    public static HtmlResult Html(string html, int? statusCode = null, string? etag = null, DateTimeOffset? lastModified = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var status = StatusCodeGuard.BodyStatus(statusCode, nameof(statusCode));
        var tag = EntityTags.CreateOrNull(etag, nameof(etag));
        return new HtmlResult(html, build: null, status, tag, lastModified);
    }

    /// <summary>
    /// Creates a result that builds a page with the typed <see cref="HtmlBuilder"/> (Ktor's <c>respondHtml { }</c>):
    /// <c>Respond.Html(html =&gt; html.Head(h =&gt; h.Title("Herald")).Body(b =&gt; b.H1("Hello")))</c>.
    /// </summary>
    /// <param name="build">
    /// Builds the <c>&lt;html&gt;</c> element, which follows <c>&lt;!DOCTYPE html&gt;</c>: its attributes
    /// (<c>html.Attr("lang", "en")</c>), head and body. It runs when the result executes, once per request.
    /// </param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412, without building the page).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <returns>An <see cref="HtmlResult"/> that renders the page and writes it with its <c>Content-Length</c>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="build"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
    /// <exception cref="ArgumentException">Thrown when the status code forbids a body or the entity tag is invalid.</exception>
    public static HtmlResult Html(Action<HtmlBuilder> build, int? statusCode = null, string? etag = null, DateTimeOffset? lastModified = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        var status = StatusCodeGuard.BodyStatus(statusCode, nameof(statusCode));
        var tag = EntityTags.CreateOrNull(etag, nameof(etag));
        return new HtmlResult(html: null, build, status, tag, lastModified);
    }
}
