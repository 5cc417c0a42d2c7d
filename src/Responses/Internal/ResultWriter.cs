using System.Text;
using Herald.Responses.Conditional;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Internal;

/// <summary>
/// The steps every Herald result takes before its body, in one place (as ASP.NET Core's <c>HttpResultsHelper</c>):
/// refuse a started response, set the status, write validators and answer 304 / 412, then content type and length.
/// </summary>
internal static class ResultWriter
{
    /// <summary>Writes the status line's code and the representation headers.</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="what">What is being sent, for the "already started" message (for example <c>"text"</c>).</param>
    /// <param name="statusCode">The status to answer with when no precondition stops the response.</param>
    /// <param name="contentType">The <c>Content-Type</c>, or <see langword="null"/> to leave it unset.</param>
    /// <param name="contentLength">The body's length in bytes, or <see langword="null"/> when it is not known up front.</param>
    /// <param name="etag">The representation's entity tag, if any.</param>
    /// <param name="lastModified">The representation's last modification time, if any.</param>
    /// <returns>
    /// <see langword="true"/> when the caller should write its body; <see langword="false"/> when the response is
    /// complete without one (304, 412, or a HEAD request, which gets the headers a GET would).
    /// </returns>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static bool WriteHead(
        HttpContext httpContext,
        string what,
        int statusCode,
        string? contentType,
        long? contentLength,
        EntityTagHeaderValue? etag,
        DateTimeOffset? lastModified)
    {
        ResponseGuard.EnsureNotStarted(httpContext, what);
        var response = httpContext.Response;
        StatusLine.Set(response, statusCode);

        if (etag is not null || lastModified is not null)
        {
            // RFC 9110 section 13.2.1: preconditions apply only to a response that would otherwise be 2xx; an error
            // response keeps its status (its validators are still written).
            if (statusCode is >= 200 and < 300)
            {
                if (ConditionalResponse.TryShortCircuit(httpContext, etag, lastModified))
                {
                    return false;
                }
            }
            else
            {
                WriteValidators(response, etag, lastModified);
            }
        }

        if (contentType is not null)
        {
            response.ContentType = contentType;
        }

        if (contentLength is { } length)
        {
            response.ContentLength = length;
        }

        return !HttpMethods.IsHead(httpContext.Request.Method);
    }

    /// <summary>
    /// Writes a problem-details answer through the framework's <c>ProblemHttpResult</c>, which uses the app's
    /// <c>IProblemDetailsService</c> when there is one; the status goes through <see cref="StatusLine.Set"/> first so
    /// that a custom reason phrase set for another status is not sent with it.
    /// </summary>
    public static Task WriteProblemAsync(HttpContext httpContext, ProblemDetails problem)
    {
        StatusLine.Set(httpContext.Response, problem.Status ?? StatusCodes.Status500InternalServerError);
        return TypedResults.Problem(problem).ExecuteAsync(httpContext);
    }

    /// <summary>
    /// <see cref="WriteHead"/> for a body written by a callback of unknown length, then turns response buffering off:
    /// buffering (or compression middleware that buffers) would otherwise hold the whole streamed body in memory.
    /// </summary>
    /// <returns><see langword="true"/> when the caller should run its callback (see <see cref="WriteHead"/>).</returns>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static bool WriteStreamingHead(
        HttpContext httpContext, string what, int statusCode, string contentType, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        if (!WriteHead(httpContext, what, statusCode, contentType, contentLength: null, etag, lastModified))
        {
            return false;
        }

        httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        return true;
    }

    /// <summary>
    /// Writes <paramref name="chars"/> to the body as UTF-8, a chunk at a time, flushing between chunks so the
    /// connection's back-pressure applies and the encoded copy never exceeds one chunk.
    /// </summary>
    public static async Task WriteUtf8Async(HttpResponse response, ReadOnlyMemory<char> chars, CancellationToken cancellationToken)
    {
        const int ChunkChars = 16 * 1024;
        var writer = response.BodyWriter;
        while (!chars.IsEmpty)
        {
            var take = Math.Min(ChunkChars, chars.Length);
            if (take < chars.Length && char.IsHighSurrogate(chars.Span[take - 1]))
            {
                // Keep a surrogate pair in one chunk: each chunk is encoded on its own.
                take--;
            }

            Encoding.UTF8.GetBytes(chars.Span[..take], writer);
            chars = chars[take..];
            await writer.FlushAsync(cancellationToken);
        }
    }

    private static void WriteValidators(HttpResponse response, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        if (etag is not null)
        {
            response.Headers.ETag = etag.ToString();
        }

        if (lastModified is { } value)
        {
            response.Headers.LastModified = HeaderUtilities.FormatDate(Preconditions.Truncate(value));
        }
    }
}
