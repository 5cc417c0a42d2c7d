using Herald.Responses.Conditional;
using Herald.Responses.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Negotiation;

/// <summary>The one writer behind <see cref="NegotiatedResult{T}"/> and <c>HttpContext.RespondAsync</c>.</summary>
internal static class NegotiatedResponse
{
    private const string VaryAccept = "Accept";
    private const string VaryAcceptAndCharset = "Accept, Accept-Charset";

    public static Task WriteAsync(HttpContext httpContext, object? value, Type declaredType, int statusCode, EntityTagHeaderValue? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken)
    {
        ResponseGuard.EnsureNotStarted(httpContext, "a negotiated response");
        var negotiator = ContentNegotiator.From(httpContext);
        var response = httpContext.Response;

        if (!negotiator.TrySelect(httpContext, declaredType, out var selection, out var unknownFormat))
        {
            AddVary(response, VaryAccept);
            return NegotiationProblems.WriteAsync(
                httpContext,
                NegotiationProblems.NotAcceptable(httpContext, negotiator, declaredType, unknownFormat, negotiator.FormatParameter));
        }

        // Accept-Charset only shapes the answer when the chosen format has several encodings to pick from.
        AddVary(response, selection.Candidate.Encodings.Length > 1 ? VaryAcceptAndCharset : VaryAccept);

        // The tag sent and compared is the representation's own: one tag for JSON and XML would let a client's cached
        // JSON validate an XML request (304), which RFC 9110 section 8.8.1 rules out for strong validators.
        var representationTag = etag is null ? null : RepresentationTags.For(etag, selection.EntityTagSuffix);
        if (statusCode is >= 200 and < 300 && ConditionalResponse.TryShortCircuit(httpContext, representationTag, lastModified))
        {
            return Task.CompletedTask;
        }

        StatusLine.Set(response, statusCode);
        response.ContentType = selection.ContentType;
        if (statusCode is StatusCodes.Status204NoContent or StatusCodes.Status205ResetContent or StatusCodes.Status304NotModified
            || HttpMethods.IsHead(httpContext.Request.Method))
        {
            // No body may follow these statuses, and HEAD sends headers only: skip serializing altogether.
            return Task.CompletedTask;
        }

        var context = new ContentWriteContext(httpContext, value, declaredType, selection.MediaType, selection.Encoding);
        return selection.Converter.WriteAsync(context, cancellationToken).AsTask();
    }

    private static void AddVary(HttpResponse response, string value)
    {
        var existing = response.Headers.Vary;
        if (existing.Count == 0)
        {
            response.Headers.Vary = value;
            return;
        }

        var merged = existing;
        foreach (var token in value.Split(", "))
        {
            if (!HeaderContains(merged, token))
            {
                merged = StringValues.Concat(merged, token);
            }
        }

        response.Headers.Vary = merged;
    }

    private static bool HeaderContains(StringValues values, string token)
    {
        foreach (var value in values)
        {
            foreach (var part in (value ?? string.Empty).Split(','))
            {
                var trimmed = part.Trim();
                if (trimmed == "*" || trimmed.Equals(token, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
