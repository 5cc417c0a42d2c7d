using System.Reflection;
using Herald.Responses.Internal;
using Herald.Responses.Negotiation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses;

/// <summary>
/// A value written in the format the client asks for (<c>Accept</c>, or the query override): Ktor's
/// <c>call.respond(value)</c> with <c>ContentNegotiation</c>. Created by <see cref="Respond.Negotiated{T}"/>.
/// </summary>
/// <typeparam name="T">The value's type; converters see it as the declared type.</typeparam>
/// <remarks>
/// Sends <c>Vary: Accept</c> on every answer, 406 with a problem-details body listing what the endpoint produces when
/// nothing acceptable can be written (unless <see cref="ContentNegotiationOptions.FallBackToDefault"/>), and 304 / 412
/// when an entity tag or last-modified time is given and the request's conditions call for it. The entity tag sent is
/// the representation's own: the given value with a suffix that identifies the <c>Content-Type</c> chosen, stable across
/// requests and servers, so a tag cached for JSON never validates an XML request. OpenAPI sees
/// <typeparamref name="T"/> for every media type the registered converters write.
/// </remarks>
public sealed class NegotiatedResult<T> : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IEndpointMetadataProvider, ICancellableResult
{
    private readonly EntityTagHeaderValue? _etag;

    internal NegotiatedResult(T value, int statusCode, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        Value = value;
        StatusCode = statusCode;
        _etag = etag;
        LastModified = lastModified;
    }

    /// <summary>Gets the value to write.</summary>
    public T Value { get; }

    object? IValueHttpResult.Value => Value;

    /// <summary>Gets the status code sent when negotiation succeeds.</summary>
    /// <value>200 unless another code was given.</value>
    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>
    /// Gets the entity tag given for the value (quoted, <c>W/</c> for weak), or <see langword="null"/>. The <c>ETag</c>
    /// sent adds a suffix for the representation chosen: <c>"7c876b7e"</c> is sent as <c>"7c876b7e-d4121ccc"</c> with
    /// UTF-8 JSON, and with another suffix for XML or another charset.
    /// </summary>
    public string? ETag => _etag?.ToString();

    /// <summary>Gets the time sent as <c>Last-Modified</c>, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastModified { get; }

    /// <summary>Negotiates the format and writes the value.</summary>
    /// <param name="httpContext">The request to answer.</param>
    /// <returns>A task that completes when the response has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// Thrown when the response has already started, or when <c>AddContentNegotiation</c> was not called at startup.
    /// </exception>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return NegotiatedResponse.WriteAsync(httpContext, Value, typeof(T), StatusCode, _etag, LastModified, httpContext.RequestAborted);
    }

    Task ICancellableResult.ExecuteAsync(HttpContext httpContext, CancellationToken cancellationToken) =>
        NegotiatedResponse.WriteAsync(httpContext, Value, typeof(T), StatusCode, _etag, LastModified, cancellationToken);

    /// <summary>Declares <typeparamref name="T"/> for each media type the registered converters write, and the 406 problem.</summary>
    /// <param name="method">The endpoint's handler.</param>
    /// <param name="builder">The endpoint being built.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(builder);

        // Without AddContentNegotiation the endpoint still maps; executing the result then explains what to register.
        var negotiator = builder.ApplicationServices.GetService<ContentNegotiator>();
        var contentTypes = negotiator?.GetAllMediaTypes() ?? [];
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), contentTypes));
        if (negotiator is { FallBackToDefault: false })
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(
                StatusCodes.Status406NotAcceptable, typeof(ProblemDetails), ["application/problem+json"]));
        }
    }
}
