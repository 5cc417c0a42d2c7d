using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Negotiation;

/// <summary>The one reader behind <c>HttpContext.ReceiveAsync</c> and <see cref="Negotiated{T}"/> binding.</summary>
internal static class ContentReceiver
{
    /// <summary>Reads the body into <paramref name="type"/> with the converter <c>Content-Type</c> selects.</summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="type">The target type.</param>
    /// <param name="allowNull">Whether an empty body (or a body that says null) yields null instead of 400.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ContentReceiveException">Thrown for a missing or unsupported Content-Type (415), a body over the size limit (413), or a missing or malformed body (400).</exception>
    public static async ValueTask<object?> ReceiveAsync(HttpContext httpContext, Type type, bool allowNull, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var negotiator = ContentNegotiator.From(httpContext);
        var request = httpContext.Request;

        var limit = httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (request.ContentLength is { } length && limit is { } max && length > max)
        {
            throw TooLarge(max, null);
        }

        if (httpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false } || request.ContentLength == 0)
        {
            return Empty(negotiator, type, allowNull);
        }

        var contentType = request.ContentType;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            throw Unsupported(negotiator, type, "The request has a body but no Content-Type header.");
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.MatchesAllTypes || mediaType.MatchesAllSubTypes)
        {
            throw Unsupported(negotiator, type, $"The Content-Type '{contentType}' is not a media type.");
        }

        var converter = negotiator.FindReader(mediaType, type)
            ?? throw Unsupported(negotiator, type, $"The Content-Type '{mediaType.MediaType}' is not accepted here.");

        System.Text.Encoding? encoding = null;
        if (mediaType.Charset.HasValue)
        {
            encoding = ContentEncodings.Resolve(mediaType.Charset.ToString())
                ?? throw Unsupported(negotiator, type, $"The charset '{mediaType.Charset}' is not supported; send the body as utf-8.");
        }

        try
        {
            // A chunked body may still turn out empty: look before handing it to a converter.
            var reader = request.BodyReader;
            var peek = await reader.ReadAsync(cancellationToken);
            var isEmpty = peek.Buffer.IsEmpty && peek.IsCompleted;
            reader.AdvanceTo(peek.Buffer.Start);
            if (isEmpty)
            {
                return Empty(negotiator, type, allowNull);
            }

            var value = await converter.ReadAsync(
                new ContentReadContext(httpContext, type, mediaType.MediaType.ToString(), encoding), cancellationToken);
            if (value is null && !allowNull)
            {
                throw new ContentReceiveException($"The request body is null, but a {type.Name} is required. Send the value itself.");
            }

            return value;
        }
        catch (ContentReceiveException)
        {
            throw;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit, e);
        }
        catch (BadHttpRequestException e)
        {
            // The server rejected the body itself (bad chunking, a client that stopped sending).
            throw new ContentReceiveException(e.StatusCode, "The request body could not be read.", e.Message, e);
        }
    }

    private static object? Empty(ContentNegotiator negotiator, Type type, bool allowNull) =>
        allowNull
            ? null
            : throw new ContentReceiveException(
                $"The request body is empty, but a {type.Name} is required. Send it as one of: {string.Join(", ", negotiator.GetReadableMediaTypes(type))}.")
            {
                AcceptedMediaTypes = negotiator.GetReadableMediaTypes(type),
            };

    private static ContentReceiveException Unsupported(ContentNegotiator negotiator, Type type, string problem)
    {
        var accepted = negotiator.GetReadableMediaTypes(type);
        return new ContentReceiveException(
            StatusCodes.Status415UnsupportedMediaType,
            "Unsupported Media Type",
            $"{problem} Send the body as one of: {string.Join(", ", accepted)}.")
        {
            AcceptedMediaTypes = accepted,
        };
    }

    private static ContentReceiveException TooLarge(long? limit, Exception? inner) =>
        new(
            StatusCodes.Status413PayloadTooLarge,
            "Payload Too Large",
            limit is { } max
                ? $"The request body is larger than this server accepts ({max} bytes). Send a smaller body."
                : "The request body is larger than this server accepts. Send a smaller body.",
            inner);
}
