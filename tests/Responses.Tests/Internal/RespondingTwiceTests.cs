using System.Net;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Tests.Internal;

/// <summary>
/// Each endpoint <c>/{name}</c> writes and flushes a first body, then responds again with the named result, extension
/// or helper; what that second call throws is handed to the test through a signal.
/// </summary>
public sealed class RespondingTwiceApp : IAsyncLifetime
{
    public static readonly Dictionary<string, Func<HttpContext, Task>> SecondResponses = new()
    {
        ["Respond.Text"] = ctx => Respond.Text("again").ExecuteAsync(ctx),
        ["Respond.Html(string)"] = ctx => Respond.Html("<p>again</p>").ExecuteAsync(ctx),
        ["Respond.Html(builder)"] = ctx => Respond.Html(h => h.Body(b => b.P("again"))).ExecuteAsync(ctx),
        ["Respond.Bytes"] = ctx => Respond.Bytes([1, 2, 3]).ExecuteAsync(ctx),
        ["Respond.Stream"] = ctx => Respond.Stream((s, ct) => throw new InvalidProgramException("callback ran")).ExecuteAsync(ctx),
        ["Respond.Writer"] = ctx => Respond.Writer((w, ct) => throw new InvalidProgramException("callback ran")).ExecuteAsync(ctx),
        ["Respond.Pipe"] = ctx => Respond.Pipe((p, ct) => throw new InvalidProgramException("callback ran")).ExecuteAsync(ctx),
        ["Respond.Status"] = ctx => Respond.Status(418, "I'm a tea pot").ExecuteAsync(ctx),
        ["Respond.Redirect"] = ctx => Respond.Redirect("/elsewhere").ExecuteAsync(ctx),
        ["Respond.LocalRedirect"] = ctx => Respond.LocalRedirect("/elsewhere").ExecuteAsync(ctx),
        ["Respond.LocalRedirect(off-site)"] = ctx => Respond.LocalRedirect("//evil.example").ExecuteAsync(ctx),
        ["RespondTextAsync"] = ctx => ctx.RespondTextAsync("again"),
        ["RespondHtmlAsync(string)"] = ctx => ctx.RespondHtmlAsync("<p>again</p>"),
        ["RespondHtmlAsync(builder)"] = ctx => ctx.RespondHtmlAsync(h => h.Body(b => b.P("again"))),
        ["RespondBytesAsync"] = ctx => ctx.RespondBytesAsync(new byte[] { 1 }),
        ["RespondStreamAsync"] = ctx => ctx.RespondStreamAsync((s, ct) => throw new InvalidProgramException("callback ran")),
        ["RespondWriterAsync"] = ctx => ctx.RespondWriterAsync((w, ct) => throw new InvalidProgramException("callback ran")),
        ["RespondPipeAsync"] = ctx => ctx.RespondPipeAsync((p, ct) => throw new InvalidProgramException("callback ran")),
        ["RespondRedirectAsync"] = ctx => ctx.RespondRedirectAsync("/elsewhere"),
        ["RespondLocalRedirectAsync"] = ctx => ctx.RespondLocalRedirectAsync("/elsewhere"),
        ["Response.Status"] = ctx => Sync(() => ctx.Response.Status(418, "I'm a tea pot")),
        ["Response.Header"] = ctx => Sync(() => ctx.Response.Header("X-Late", 1)),
        ["Response.ETag"] = ctx => Sync(() => ctx.Response.ETag("late")),
        ["Response.Link"] = ctx => Sync(() => ctx.Response.Link("/next", "next")),
        ["Response.CacheControl(options)"] = ctx => Sync(() => ctx.Response.CacheControl(new CacheControlOptions { NoStore = true })),
        ["Response.CacheControl(value)"] = ctx => Sync(() => ctx.Response.CacheControl(new CacheControlHeaderValue { NoStore = true })),
        ["Response.LastModified"] = ctx => Sync(() => ctx.Response.LastModified(DateTimeOffset.UnixEpoch)),
        ["Response.Expires"] = ctx => Sync(() => ctx.Response.Expires(DateTimeOffset.UnixEpoch)),
        ["Response.AppendCookie"] = ctx => Sync(() => ctx.Response.AppendCookie("late", "cookie")),
        ["Response.AppendExpired"] = ctx => Sync(() => ctx.Response.AppendExpired("late")),
    };

    public Dictionary<string, TaskCompletionSource<Exception?>> Outcomes { get; } =
        SecondResponses.Keys.ToDictionary(k => k, _ => new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously));

    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(a => a.MapGet("/{name}", async (HttpContext ctx, string name) =>
    {
        await ctx.Response.WriteAsync("first");
        await ctx.Response.Body.FlushAsync();
        try
        {
            await SecondResponses[name](ctx);
            Outcomes[name].SetResult(null);
        }
        catch (Exception e)
        {
            Outcomes[name].SetResult(e);
        }
    }));

    public async Task DisposeAsync() => await App.DisposeAsync();

    private static Task Sync(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}

public sealed class RespondingTwiceTests(RespondingTwiceApp fixture) : IClassFixture<RespondingTwiceApp>
{
    // A bound on waiting for the endpoint's signal; it is set before the response completes, so it is never reached.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Names => [.. RespondingTwiceApp.SecondResponses.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task RespondingAfterStart_ThrowsInvalidOperation_AndFirstBodyArrives(string name)
    {
        using var response = await fixture.App.Client.GetAsync("/" + Uri.EscapeDataString(name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("first", await response.Content.ReadAsStringAsync());
        var thrown = await fixture.Outcomes[name].Task.WaitAsync(Bound);
        var e = Assert.IsType<InvalidOperationException>(thrown);
        Assert.Contains("the response has already started", e.Message, StringComparison.Ordinal);
        Assert.Contains("Respond once per request", e.Message, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Location"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
