using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Negotiation;

/// <summary>
/// Installs, first in the pipeline, a middleware that answers a <see cref="ContentReceiveException"/> escaping an
/// endpoint (from <c>HttpContext.ReceiveAsync</c>) with its status (400, 413, 415) and a problem-details body, as Ktor's
/// StatusPages answers a failed <c>receive</c>. Without it the exception would become a 500. It also gives routing's bare
/// 415 for a Herald endpoint its problem-details body (<see cref="UnsupportedMediaTypeResponder"/>). Being outermost, it
/// only sees the exception in an app without exception handling: <see cref="ContentReceiveExceptionHandler"/> and
/// <see cref="ContentReceiveDeveloperPageFilter"/> answer it inside <c>UseExceptionHandler()</c> and the developer page.
/// </summary>
internal sealed class ContentReceiveStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(AnswerReceiveFailuresAsync);
        next(app);
    };

    private static async Task AnswerReceiveFailuresAsync(HttpContext httpContext, RequestDelegate next)
    {
        try
        {
            await next(httpContext);
            if (UnsupportedMediaTypeResponder.IsRoutingRejection(httpContext))
            {
                await UnsupportedMediaTypeResponder.WriteAsync(httpContext);
            }
        }
        catch (ContentReceiveException e) when (!httpContext.Response.HasStarted)
        {
            httpContext.Response.Clear();
            await NegotiationProblems.WriteAsync(httpContext, e.ToProblemDetails());
        }
    }
}
