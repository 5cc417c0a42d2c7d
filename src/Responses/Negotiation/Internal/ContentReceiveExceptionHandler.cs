using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Negotiation;

/// <summary>
/// Answers a <see cref="ContentReceiveException"/> inside the application's <c>UseExceptionHandler()</c> with its status
/// (400, 413, 415) and problem-details body. The app's exception handler sits inside the middleware
/// <see cref="ContentReceiveStartupFilter"/> installs, so it catches the exception first and would otherwise answer 500;
/// the framework asks every registered <see cref="IExceptionHandler"/> before its own page or problem.
/// </summary>
internal sealed class ContentReceiveExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ContentReceiveException receiveException || httpContext.Response.HasStarted)
        {
            return false;
        }

        // The exception handler middleware has already cleared the response and set 500; the problem sets the status.
        await NegotiationProblems.WriteAsync(httpContext, receiveException.ToProblemDetails());
        return true;
    }
}
