using System.Net;
using System.Text.Json;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Responses.Tests.Negotiation;

/// <summary>
/// <c>HttpContext.ReceiveAsync</c> failures keep their status (400, 413, 415) and problem-details body when the app has
/// its own exception handling, which sits inside the middleware <c>AddContentNegotiation</c> installs and so sees the
/// exception first.
/// </summary>
public sealed class ReceiveErrorHandlingTests
{
    private const long BodyLimit = 1024;

    private static Task<TestApp> StartAsync(Action<WebApplication> configure, Action<IServiceCollection>? services = null, string environment = "Production") =>
        NegotiationTestApp.StartAsync(
            app =>
            {
                configure(app);
                app.MapPost("/imperative", async (HttpContext ctx) =>
                {
                    var customer = await ctx.ReceiveAsync<Customer>(ctx.RequestAborted);
                    await ctx.RespondAsync(customer);
                });
                app.MapGet("/boom", IResult () => throw new InvalidOperationException("Something unrelated broke."));
            },
            services: s =>
            {
                s.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = BodyLimit);
                services?.Invoke(s);
            },
            environment: environment);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task AssertReceiveFailuresKeepTheirStatusAsync(TestApp app, string? accept = null)
    {
        using var malformed = await PostAsync(app, "{\"id\":", "application/json", accept);
        using var unsupported = await PostAsync(app, "{}", "image/png", accept);
        using var tooLarge = await PostAsync(app, "{\"firstName\":\"" + new string('x', (int)BodyLimit) + "\"}", "application/json", accept);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var problem = await ProblemAsync(malformed);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("The request body is malformed.", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);
        Assert.Equal(415, (await ProblemAsync(unsupported)).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(413, (await ProblemAsync(tooLarge)).GetProperty("status").GetInt32());
    }

    private static async Task<HttpResponseMessage> PostAsync(TestApp app, string body, string contentType, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/imperative") { Content = new StringContent(body) };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await app.Client.SendAsync(request);
    }

    [Fact]
    public async Task ReceiveAsync_UnderUseExceptionHandlerWithProblemDetails_KeepsStatusAndProblem()
    {
        await using var app = await StartAsync(a => a.UseExceptionHandler(), s => s.AddProblemDetails());

        await AssertReceiveFailuresKeepTheirStatusAsync(app);

        // Other exceptions are still the application's handler's to answer.
        using var other = await app.Client.GetAsync("/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, other.StatusCode);
    }

    [Fact]
    public async Task ReceiveAsync_UnderUseExceptionHandlerWithOwnPage_KeepsStatusAndProblem()
    {
        await using var app = await StartAsync(a => a.UseExceptionHandler(e => e.Run(async ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await ctx.Response.WriteAsync("The application's error page.");
        })));

        await AssertReceiveFailuresKeepTheirStatusAsync(app);

        using var other = await app.Client.GetAsync("/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, other.StatusCode);
        Assert.Equal("The application's error page.", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReceiveAsync_UnderDeveloperExceptionPage_AnswersProblemNotThePage()
    {
        // WebApplication adds the developer exception page by itself in Development; a browser asks for HTML.
        await using var app = await StartAsync(_ => { }, environment: "Development");

        await AssertReceiveFailuresKeepTheirStatusAsync(app, accept: "text/html,application/xhtml+xml,*/*;q=0.8");

        using var other = await app.Client.GetAsync("/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, other.StatusCode);
    }

    [Fact]
    public async Task ReceiveAsync_UnderExplicitDeveloperExceptionPage_AnswersProblemNotThePage()
    {
        await using var app = await StartAsync(a => a.UseDeveloperExceptionPage());

        await AssertReceiveFailuresKeepTheirStatusAsync(app, accept: "text/html");
    }

    [Fact]
    public async Task ReceiveAsync_WithoutExceptionHandling_StillAnsweredByNegotiationMiddleware()
    {
        await using var app = await StartAsync(_ => { });

        await AssertReceiveFailuresKeepTheirStatusAsync(app);
    }
}
