using System.Net;
using System.Text.Json;
using Herald.Responses;
using Herald.Templating.Tests.Infrastructure;
using Herald.Templating.Tests.Razor.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Templating.Tests.TemplateEngines;

/// <summary>
/// A cancelled render ends in <see cref="OperationCanceledException"/>, before it starts or while it waits in a helper or
/// a component, and no part of the page reaches a response.
/// </summary>
public sealed class CancellationTests
{
    private static ITemplateRenderer Renderer(TemplateFolder folder, Gate gate) => Infrastructure.Engines.Create(o => o
        .AddHandlebars(h =>
        {
            h.RootPath = folder.Root;
            h.AddHelper("wait", (writer, context, arguments) => gate.Block());
        })
        .AddRazor(r => r.Map<Waiting>("waiting").Map<Plain>("plain")));

    private static TemplateFolder Folder() => new(("page.hbs", "<p>before the wait</p>{{wait}}<p>after the wait</p>"), ("plain.hbs", "unused"));

    [Theory]
    [InlineData("page")]
    [InlineData("waiting")]
    [InlineData("plain.razor")]
    public async Task RenderAsync_TokenCancelledBeforeStart_ThrowsAndWritesNothing(string name)
    {
        using var folder = Folder();
        var gate = new Gate();
        var renderer = Renderer(folder, gate);
        using var writer = new StringWriter();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await renderer.RenderAsync(name, new Dictionary<string, object?> { ["Gate"] = gate }, writer, new CancellationToken(canceled: true)));

        Assert.Equal("", writer.ToString());
        Assert.False(gate.Entered.Task.IsCompleted);
    }

    [Fact]
    public async Task RenderAsync_HandlebarsHelperBlockedWhenCancelled_ThrowsOnceTheHelperReturns()
    {
        using var folder = Folder();
        var gate = new Gate();
        var renderer = Renderer(folder, gate);
        using var cancellation = new CancellationTokenSource();

        // Handlebars.Net helpers are synchronous and cannot see the token: the render can only stop once the helper
        // returns, and must then fail rather than pass for a finished page.
        var render = Task.Run(async () => await renderer.RenderToStringAsync("page", null, cancellation.Token));
        await gate.Entered.Task;
        await cancellation.CancelAsync();
        gate.Release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => render);
    }

    [Fact]
    public async Task RenderAsync_RazorComponentWaitingWhenCancelled_ThrowsWithoutWaitingForIt()
    {
        using var folder = Folder();
        var gate = new Gate();
        var renderer = Renderer(folder, gate);
        using var cancellation = new CancellationTokenSource();
        using var writer = new StringWriter();

        try
        {
            var render = renderer.RenderAsync("waiting", new Dictionary<string, object?> { ["Gate"] = gate }, writer, cancellation.Token).AsTask();
            await gate.Entered.Task;
            await cancellation.CancelAsync();

            // The gate stays shut: the render must end because of the token, not because the component finished. The
            // bound only keeps a regression from hanging the run.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => render.WaitAsync(Gate.Bound));
            Assert.Equal("", writer.ToString());
        }
        finally
        {
            gate.Release.TrySetResult();
        }
    }

    [Theory]
    [InlineData("page")]
    [InlineData("waiting")]
    public async Task RespondTemplateAsync_TokenCancelledMidRender_SendsNoPartOfThePage(string name)
    {
        using var folder = new TemplateFolder(("page.hbs", "<p>before the wait</p>{{wait}}<p>after the wait</p>"));
        var gate = new Gate();
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/", async (HttpContext context) =>
            {
                // A render deadline of the application's own, not the request's abort: it fires while the render waits,
                // and then lets the wait end, so a render that ignored it would finish and send its page.
                using var deadline = new CancellationTokenSource();
                _ = gate.Entered.Task.ContinueWith(
                    _ =>
                    {
                        deadline.Cancel();
                        gate.Release.TrySetResult();
                    },
                    TaskScheduler.Default);
                await context.RespondTemplateAsync(name, new Dictionary<string, object?> { ["Gate"] = gate }, cancellationToken: deadline.Token);
            }),
            services => services.AddTemplating(o => o
                .AddHandlebars(h =>
                {
                    h.RootPath = folder.Root;
                    h.AddHelper("wait", (writer, context, arguments) => gate.Block());
                })
                .AddRazor(r => r.Map<Waiting>("waiting"))));

        using var response = await app.Client.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("wait", body, StringComparison.Ordinal);
        Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("page")]
    [InlineData("waiting")]
    public async Task Template_RequestAbortedMidRender_LogsNoErrorAndNo500(string name)
    {
        using var folder = new TemplateFolder(("page.hbs", "<p>before the wait</p>{{wait}}<p>after the wait</p>"));
        var gate = new Gate();
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var logs = new LogCollector();
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/", (HttpContext context) =>
            {
                context.RequestAborted.Register(() => aborted.TrySetResult());
                return Respond.Template(name, new Dictionary<string, object?> { ["Gate"] = gate });
            }),
            services => services
                .AddSingleton<ILoggerProvider>(logs)
                .AddTemplating(o => o
                    .AddHandlebars(h =>
                    {
                        h.RootPath = folder.Root;
                        h.AddHelper("wait", (writer, context, arguments) => gate.Block());
                    })
                    .AddRazor(r => r.Map<Waiting>("waiting"))));

        using var client = new CancellationTokenSource();
        var request = app.Client.GetAsync("/", client.Token);
        await gate.Entered.Task;
        await client.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await aborted.Task;
        gate.Release.SetResult();

        var finished = await logs.RequestFinishedAsync();

        Assert.Equal(StatusCodes.Status499ClientClosedRequest, finished.Values["StatusCode"]);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
