using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Conditional;

/// <summary>
/// Evaluates conditional request headers against a representation's validators, in the order RFC 9110 section 13.2.2
/// prescribes. Files, <c>Respond.*</c> results with an ETag or Last-Modified and the conditional-requests filter all
/// share this one implementation. <c>If-Range</c> belongs to range handling and is not evaluated here.
/// </summary>
internal static class Preconditions
{
    /// <summary>Evaluates <c>If-Match</c>, <c>If-Unmodified-Since</c>, <c>If-None-Match</c> and <c>If-Modified-Since</c>.</summary>
    /// <param name="request">The request whose headers to read.</param>
    /// <param name="etag">The representation's current entity tag, if it has one.</param>
    /// <param name="lastModified">The representation's last modification time, if known.</param>
    public static PreconditionOutcome Evaluate(HttpRequest request, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        var headers = request.Headers;
        var method = request.Method;
        var isGetOrHead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

        // Step 1 and 2: If-Match, else If-Unmodified-Since.
        var ifMatch = headers.IfMatch;
        if (ifMatch.Count > 0)
        {
            // A condition that cannot be read cannot be shown to hold: refuse rather than act on a guess.
            if (!EntityTagHeaderValue.TryParseStrictList(ifMatch, out var tags) || !MatchesAny(tags, etag, useStrongComparison: true))
            {
                return PreconditionOutcome.PreconditionFailed;
            }
        }
        else if (lastModified is { } unmodifiedSinceBase
                 && headers.IfUnmodifiedSince.Count > 0
                 && HeaderUtilities.TryParseDate(headers.IfUnmodifiedSince.ToString(), out var ifUnmodifiedSince)
                 && Truncate(unmodifiedSinceBase) > ifUnmodifiedSince)
        {
            return PreconditionOutcome.PreconditionFailed;
        }

        // Step 3 and 4: If-None-Match, else If-Modified-Since (GET and HEAD only).
        var ifNoneMatch = headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            if (EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags) && MatchesAny(tags, etag, useStrongComparison: false))
            {
                return isGetOrHead ? PreconditionOutcome.NotModified : PreconditionOutcome.PreconditionFailed;
            }
        }
        else if (isGetOrHead
                 && lastModified is { } modifiedSinceBase
                 && headers.IfModifiedSince.Count > 0
                 && HeaderUtilities.TryParseDate(headers.IfModifiedSince.ToString(), out var ifModifiedSince)
                 && Truncate(modifiedSinceBase) <= ifModifiedSince)
        {
            return PreconditionOutcome.NotModified;
        }

        return PreconditionOutcome.Proceed;
    }

    /// <summary>
    /// Evaluates <c>If-Range</c> (RFC 9110 section 13.1.5): true when a <c>Range</c> header may be honoured, false when
    /// the full representation must be sent instead. An entity tag in <c>If-Range</c> must match strongly; a date must
    /// equal the last modification time exactly.
    /// </summary>
    public static bool IfRangeAllowsRange(HttpRequest request, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        var ifRange = request.Headers.IfRange;
        if (ifRange.Count == 0)
        {
            return true;
        }

        var value = ifRange.ToString();
        if (RangeConditionHeaderValue.TryParse(value, out var condition))
        {
            if (condition.EntityTag is { } tag)
            {
                return etag is not null && !tag.IsWeak && tag.Compare(etag, useStrongComparison: true);
            }

            if (condition.LastModified is { } date)
            {
                return lastModified is { } lm && Truncate(lm) == date;
            }
        }

        // An If-Range we cannot read never unlocks a partial response.
        return false;
    }

    /// <summary>HTTP dates carry whole seconds; compare at that precision.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);

    private static bool MatchesAny(IList<EntityTagHeaderValue> tags, EntityTagHeaderValue? current, bool useStrongComparison)
    {
        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any))
            {
                // "*" matches any current representation; Herald only evaluates when it has one to send.
                return true;
            }

            if (current is not null && tag.Compare(current, useStrongComparison))
            {
                return true;
            }
        }

        return false;
    }
}
