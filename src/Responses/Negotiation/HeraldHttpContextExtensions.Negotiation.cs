using Herald.Responses;
using Herald.Responses.Internal;
using Herald.Responses.Negotiation;

namespace Microsoft.AspNetCore.Http;

/// <summary>Ktor-style response and receive helpers on <see cref="HttpContext"/> (<c>await ctx.RespondAsync(value)</c>).</summary>
public static partial class HeraldHttpContextExtensions
{
    /// <summary>
    /// Answers with <paramref name="value"/> in the format the client asks for (Ktor's <c>call.respond(value)</c>);
    /// executes the same <see cref="NegotiatedResult{T}"/> as <see cref="Respond.Negotiated{T}"/>.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="httpContext">The request to answer.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">
    /// An entity tag for the value, as <see cref="Respond.Negotiated{T}"/> takes it: each representation is sent with its
    /// own tag derived from it, and <c>If-None-Match</c> / <c>If-Match</c> are answered with 304 / 412.
    /// </param>
    /// <param name="lastModified">The value's last modification time, for <c>Last-Modified</c> and conditional requests.</param>
    /// <param name="cancellationToken">Stops writing; the request's <see cref="HttpContext.RequestAborted"/> always does.</param>
    /// <returns>A task that completes when the response has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100–999.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="etag"/> is empty or holds quotes, spaces or control characters.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started, or <c>AddContentNegotiation</c> was not called.</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is cancelled.</exception>
    public static Task RespondAsync<T>(
        this HttpContext httpContext,
        T value,
        int? statusCode = null,
        string? etag = null,
        DateTimeOffset? lastModified = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ResultExecution.ExecuteAsync(httpContext, Respond.Negotiated(value, statusCode, etag, lastModified), cancellationToken);
    }

    /// <summary>
    /// Reads the request body into <typeparamref name="T"/> with the converter its <c>Content-Type</c> selects (Ktor's
    /// <c>call.receive&lt;T&gt;()</c>).
    /// </summary>
    /// <remarks>
    /// Failures throw <see cref="ContentReceiveException"/>; left uncaught, it is answered with its status and a
    /// problem-details body, also under the app's <c>UseExceptionHandler()</c> or the developer exception page. An empty body (or JSON
    /// <c>null</c>) is a 400 unless <typeparamref name="T"/> is a nullable value type; for an optional reference-type
    /// body, bind a <c>Negotiated&lt;T&gt;?</c> parameter instead.
    /// </remarks>
    /// <typeparam name="T">The type to read the body into.</typeparam>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the read; pass <see cref="HttpContext.RequestAborted"/> or your own.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="ContentReceiveException">
    /// Thrown for a missing or unsupported Content-Type (415), a body over the size limit (413), or an empty or malformed body (400).
    /// </exception>
    /// <exception cref="InvalidOperationException">Thrown when <c>AddContentNegotiation</c> was not called at startup.</exception>
    public static async ValueTask<T> ReceiveAsync<T>(this HttpContext httpContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var allowNull = Nullable.GetUnderlyingType(typeof(T)) is not null;
        var value = await ContentReceiver.ReceiveAsync(httpContext, typeof(T), allowNull, cancellationToken);
        // Null only comes back when allowNull, that is when T is a nullable value type, for which (T)null is valid.
        return (T)value!;
    }
}
