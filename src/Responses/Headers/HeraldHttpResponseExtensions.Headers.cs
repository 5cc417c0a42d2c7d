using Herald.Responses;
using Herald.Responses.Conditional;
using Herald.Responses.Internal;
using Microsoft.Net.Http.Headers;

namespace Microsoft.AspNetCore.Http;

public static partial class HeraldHttpResponseExtensions
{
    /// <summary>
    /// Appends a header (Ktor's <c>response.header(name, value)</c>); a header already present keeps its values and
    /// gets this one as well.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="name">The header name, an RFC 9110 token such as <c>X-Request-Id</c>.</param>
    /// <param name="value">
    /// The value, formatted with the invariant culture: numbers as <c>1234.5</c>, dates as IMF-fixdate
    /// (<c>Sun, 06 Nov 1994 08:49:37 GMT</c>), booleans as <c>true</c> / <c>false</c>, anything else by <c>ToString()</c>.
    /// </param>
    /// <returns>The response, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="response"/>, <paramref name="name"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when <paramref name="name"/> is not a valid header name, or the formatted value holds CR, LF, NUL,
    /// another control character or non-ASCII text.
    /// </exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static HttpResponse Header<T>(this HttpResponse response, string name, T value)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(name);
        HeaderValueGuard.ThrowIfInvalidName(name, nameof(name));
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var text = HeaderValues.Format(value, nameof(value));
        HeaderValues.EnsureNotStarted(response, name);
        response.Headers.Append(name, text);
        return response;
    }

    /// <summary>Sets the <c>ETag</c> header to a quoted entity tag (Ktor's <c>response.etag(...)</c>).</summary>
    /// <param name="response">The response.</param>
    /// <param name="tag">The tag: bare (<c>7c876b7e</c>), quoted (<c>"7c876b7e"</c>) or weak (<c>W/"7c876b7e"</c>).</param>
    /// <param name="weak"><see langword="true"/> to send a weak tag (<c>W/"7c876b7e"</c>).</param>
    /// <returns>The response, for chaining.</returns>
    /// <remarks>
    /// The header alone does not answer <c>If-None-Match</c>; pass <c>etag</c> to a <c>Respond.*</c> result to get 304 / 412.
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="response"/> or <paramref name="tag"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the tag is empty or holds quotes, spaces or control characters (CR, LF, NUL).</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static HttpResponse ETag(this HttpResponse response, string tag, bool weak = false)
    {
        ArgumentNullException.ThrowIfNull(response);
        var value = EntityTags.Create(tag, weak, nameof(tag));
        HeaderValues.EnsureNotStarted(response, HeaderNames.ETag);
        response.Headers.ETag = value.ToString();
        return response;
    }

    /// <summary>
    /// Appends a <c>Link</c> header (RFC 8288; Ktor's <c>response.link(...)</c>): <c>&lt;/page/3&gt;; rel="next"</c>.
    /// Each call adds one link.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="uri">The target, absolute or relative; characters a URI cannot hold are percent-encoded.</param>
    /// <param name="rel">One or more relation types (<c>next</c>, <c>prev</c>, <c>preload</c>, or an extension URI).</param>
    /// <returns>The response, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="response"/> or <paramref name="uri"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when <paramref name="uri"/> is empty or holds CR, LF or NUL, no relation type is given, or one is empty
    /// or holds spaces, quotes, backslashes, control characters or non-ASCII text.
    /// </exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static HttpResponse Link(this HttpResponse response, string uri, params ReadOnlySpan<string> rel)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentException.ThrowIfNullOrEmpty(uri);
        HeaderValueGuard.ThrowIfInvalid(uri, nameof(uri));
        if (rel.IsEmpty)
        {
            throw new ArgumentException("A link needs at least one relation type, for example Link(\"/page/3\", \"next\").", nameof(rel));
        }

        foreach (var type in rel)
        {
            if (string.IsNullOrEmpty(type))
            {
                throw new ArgumentException("A relation type may not be null or empty; pass a name such as \"next\".", nameof(rel));
            }

            HeaderValues.ThrowIfInvalid(type, nameof(rel));
            if (type.AsSpan().IndexOfAny(" \t\"\\") >= 0)
            {
                throw new ArgumentException(
                    $"'{type}' is not a relation type: it may not contain spaces, quotes or backslashes. Pass several types as separate arguments.",
                    nameof(rel));
            }
        }

        var value = $"<{UrlEncoding.Encode(uri, nameof(uri))}>; rel=\"{string.Join(' ', rel)}\"";
        HeaderValues.EnsureNotStarted(response, HeaderNames.Link);
        response.Headers.Append(HeaderNames.Link, value);
        return response;
    }

    /// <summary>Sets the <c>Cache-Control</c> header from typed directives (Ktor's <c>response.cacheControl(...)</c>).</summary>
    /// <param name="response">The response.</param>
    /// <param name="options">The directives.</param>
    /// <returns>The response, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="response"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <see cref="CacheControlOptions.MaxAge"/> or <see cref="CacheControlOptions.SharedMaxAge"/> is negative.</exception>
    /// <exception cref="ArgumentException">Thrown when both <see cref="CacheControlOptions.Public"/> and <see cref="CacheControlOptions.Private"/> are set.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static HttpResponse CacheControl(this HttpResponse response, CacheControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAge is { } maxAge)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxAge, TimeSpan.Zero, "options.MaxAge");
        }

        if (options.SharedMaxAge is { } sharedMaxAge)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(sharedMaxAge, TimeSpan.Zero, "options.SharedMaxAge");
        }

        if (options.Public && options.Private)
        {
            throw new ArgumentException(
                "Cache-Control cannot be both public and private: set Public for responses any cache may keep, Private for per-user ones.",
                nameof(options));
        }

        var value = new CacheControlHeaderValue
        {
            MaxAge = options.MaxAge,
            SharedMaxAge = options.SharedMaxAge,
            NoCache = options.NoCache,
            NoStore = options.NoStore,
            Private = options.Private,
            Public = options.Public,
            MustRevalidate = options.MustRevalidate,
            NoTransform = options.NoTransform,
        };
        if (options.Immutable)
        {
            // The framework's type has no property for RFC 8246's directive; it is an extension there.
            value.Extensions.Add(new NameValueHeaderValue("immutable"));
        }

        return response.CacheControl(value);
    }

    /// <summary>Sets the <c>Cache-Control</c> header from the framework's <see cref="CacheControlHeaderValue"/>.</summary>
    /// <param name="response">The response.</param>
    /// <param name="value">The header value.</param>
    /// <returns>The response, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="response"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the formatted value holds CR, LF, NUL or other characters a header cannot carry.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static HttpResponse CacheControl(this HttpResponse response, CacheControlHeaderValue value)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(value);
        var text = value.ToString();
        HeaderValues.ThrowIfInvalid(text, nameof(value));
        HeaderValues.EnsureNotStarted(response, HeaderNames.CacheControl);
        response.Headers.CacheControl = text;
        return response;
    }

    /// <summary>Sets the <c>Last-Modified</c> header as an IMF-fixdate (Ktor's <c>response.lastModified(...)</c>).</summary>
    /// <param name="response">The response.</param>
    /// <param name="lastModified">The time; any offset is converted to GMT and fractions of a second dropped.</param>
    /// <returns>The response, for chaining.</returns>
    /// <remarks>
    /// The header alone does not answer <c>If-Modified-Since</c>; pass <c>lastModified</c> to a <c>Respond.*</c> result
    /// to get 304 / 412.
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="response"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static HttpResponse LastModified(this HttpResponse response, DateTimeOffset lastModified)
    {
        ArgumentNullException.ThrowIfNull(response);
        HeaderValues.EnsureNotStarted(response, HeaderNames.LastModified);
        response.Headers.LastModified = HeaderUtilities.FormatDate(lastModified);
        return response;
    }

    /// <summary>Sets the <c>Expires</c> header as an IMF-fixdate (Ktor's <c>response.expires(...)</c>).</summary>
    /// <param name="response">The response.</param>
    /// <param name="expires">The time after which the response is stale; any offset is converted to GMT.</param>
    /// <returns>The response, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="response"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static HttpResponse Expires(this HttpResponse response, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(response);
        HeaderValues.EnsureNotStarted(response, HeaderNames.Expires);
        response.Headers.Expires = HeaderUtilities.FormatDate(expires);
        return response;
    }
}
