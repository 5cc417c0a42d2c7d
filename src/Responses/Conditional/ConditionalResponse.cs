using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Conditional;

/// <summary>Writes a representation's validators and answers 304 / 412 when the request's conditions say so.</summary>
internal static class ConditionalResponse
{
    /// <summary>
    /// Sets <c>ETag</c> and <c>Last-Modified</c> (when given), then evaluates the request's preconditions. When they
    /// call for 304 or 412 the status is set and <see langword="true"/> is returned: the caller must not write a body.
    /// </summary>
    public static bool TryShortCircuit(HttpContext httpContext, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        if (etag is null && lastModified is null)
        {
            return false;
        }

        return TryShortCircuit(
            httpContext,
            etag,
            etag?.ToString(),
            lastModified,
            lastModified is { } lm ? HeaderUtilities.FormatDate(Preconditions.Truncate(lm)) : null);
    }

    /// <summary>As <see cref="TryShortCircuit(HttpContext, EntityTagHeaderValue?, DateTimeOffset?)"/>, with the header values already formatted.</summary>
    public static bool TryShortCircuit(HttpContext httpContext, EntityTagHeaderValue? etag, string? etagText, DateTimeOffset? lastModified, string? lastModifiedText)
    {
        if (etag is null && lastModified is null)
        {
            return false;
        }

        var response = httpContext.Response;
        if (etagText is not null)
        {
            response.Headers.ETag = etagText;
        }

        if (lastModifiedText is not null)
        {
            response.Headers.LastModified = lastModifiedText;
        }

        switch (Preconditions.Evaluate(httpContext.Request, etag, lastModified))
        {
            case PreconditionOutcome.NotModified:
                StatusLine.Set(response, StatusCodes.Status304NotModified);
                return true;
            case PreconditionOutcome.PreconditionFailed:
                StatusLine.Set(response, StatusCodes.Status412PreconditionFailed);
                return true;
            default:
                return false;
        }
    }
}
