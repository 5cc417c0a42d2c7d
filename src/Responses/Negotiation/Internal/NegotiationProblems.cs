using Herald.Responses.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Responses.Negotiation;

/// <summary>Writes the problem-details answers of negotiation (406) and receiving (400, 413, 415).</summary>
internal static class NegotiationProblems
{
    /// <summary>
    /// Writes a problem through the framework's <c>ProblemHttpResult</c>: it uses the app's <c>IProblemDetailsService</c>
    /// when one is registered and plain JSON otherwise, so the body is there whatever the client accepts.
    /// </summary>
    public static Task WriteAsync(HttpContext httpContext, ProblemDetails problem) =>
        ResultWriter.WriteProblemAsync(httpContext, problem);

    public static ProblemDetails NotAcceptable(HttpContext httpContext, ContentNegotiator negotiator, Type type, string? unknownFormat, string? formatParameter)
    {
        var produces = negotiator.GetProducibleMediaTypes(httpContext, type);
        var list = produces.Count == 0 ? "nothing for this value" : string.Join(", ", produces);
        var detail = unknownFormat is not null
            ? $"The format '{unknownFormat}' asked for by the '{formatParameter}' query parameter is not known. Use one of: {string.Join(", ", negotiator.FormatNames)}."
            : $"None of the media types in the Accept header can be produced. This endpoint produces: {list}. Send an Accept header that includes one of them, or */*.";
        return new ProblemDetails
        {
            Status = StatusCodes.Status406NotAcceptable,
            Title = "Not Acceptable",
            Detail = detail,
            Extensions = { ["produces"] = produces },
        };
    }
}
