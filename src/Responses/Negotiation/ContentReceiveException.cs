using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Responses;

/// <summary>
/// A request body that could not be received: malformed (400), of an unsupported media type (415) or too large (413).
/// Herald answers it with a problem-details body that says what was wrong.
/// </summary>
/// <remarks>
/// Converters throw it from <see cref="IContentConverter.ReadAsync"/> for a malformed body, with the location of the
/// error when they know it. A <see cref="Negotiated{T}"/> parameter turns it into a problem-details response before the
/// endpoint runs; <c>HttpContext.ReceiveAsync</c> throws it, and <c>AddContentNegotiation</c> answers it with problem
/// details unless the endpoint catches it first, whether the app uses <c>UseExceptionHandler()</c>, the developer
/// exception page, or neither.
/// </remarks>
public sealed class ContentReceiveException : BadHttpRequestException
{
    /// <summary>Creates an exception for a malformed request body (400 Bad Request).</summary>
    /// <param name="detail">What was wrong with the body and, where useful, how to fix it.</param>
    /// <param name="innerException">The parser's exception, if any. Its stack trace is never sent to the client.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="detail"/> is null or empty.</exception>
    public ContentReceiveException(string detail, Exception? innerException = null)
        : this(StatusCodes.Status400BadRequest, "The request body is malformed.", detail, innerException)
    {
    }

    internal ContentReceiveException(int statusCode, string title, string detail, Exception? innerException = null)
        // IOException, the base of BadHttpRequestException, accepts a null inner exception; the framework's
        // signature merely does not say so.
        : base(ValidateDetail(detail), statusCode, innerException!)
    {
        Title = title;
    }

    /// <summary>Gets a short, fixed summary of the problem, such as <c>The request body is malformed.</c></summary>
    public string Title { get; }

    /// <summary>Gets the location of the error in the body, when known: a JSON path such as <c>$.items[2].id</c>.</summary>
    public string? Path { get; init; }

    /// <summary>Gets the 1-based line of the error in the body, when known.</summary>
    public long? LineNumber { get; init; }

    /// <summary>Gets the 1-based position of the error within its line, when known.</summary>
    public long? LinePosition { get; init; }

    /// <summary>Gets the media types the endpoint accepts, for a 415 answer.</summary>
    public IReadOnlyList<string>? AcceptedMediaTypes { get; init; }

    /// <summary>Creates the problem-details body sent for this exception.</summary>
    /// <returns>A problem with the status, title and detail, plus <c>path</c>, <c>line</c>, <c>position</c> and <c>accepts</c> when known.</returns>
    public ProblemDetails ToProblemDetails()
    {
        var problem = new ProblemDetails { Status = StatusCode, Title = Title, Detail = Message };
        if (Path is not null)
        {
            problem.Extensions["path"] = Path;
        }

        if (LineNumber is { } line)
        {
            problem.Extensions["line"] = line;
        }

        if (LinePosition is { } position)
        {
            problem.Extensions["position"] = position;
        }

        if (AcceptedMediaTypes is not null)
        {
            problem.Extensions["accepts"] = AcceptedMediaTypes;
        }

        return problem;
    }

    private static string ValidateDetail(string detail)
    {
        ArgumentException.ThrowIfNullOrEmpty(detail);
        return detail;
    }
}
