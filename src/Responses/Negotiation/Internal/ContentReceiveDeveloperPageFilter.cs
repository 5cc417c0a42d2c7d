using Microsoft.AspNetCore.Diagnostics;

namespace Herald.Responses.Negotiation;

/// <summary>
/// Answers a <see cref="ContentReceiveException"/> under the developer exception page (which <c>WebApplication</c> adds
/// by itself in Development) with the same problem-details body as in Production, instead of the page's stack trace:
/// a malformed request body is the client's mistake, and a client developing against the app should see what it will
/// see in Production.
/// </summary>
internal sealed class ContentReceiveDeveloperPageFilter : IDeveloperPageExceptionFilter
{
    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        if (errorContext.Exception is ContentReceiveException receiveException && !errorContext.HttpContext.Response.HasStarted)
        {
            // The developer page middleware has already cleared the response; the problem sets the status.
            await NegotiationProblems.WriteAsync(errorContext.HttpContext, receiveException.ToProblemDetails());
            return;
        }

        await next(errorContext);
    }
}
