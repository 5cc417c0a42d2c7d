using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Responses.Tests.Internal;

/// <summary>
/// The imperative helpers that write a body take the caller's <see cref="CancellationToken"/> as well as honouring
/// <c>RequestAborted</c>: a cancelled token stops them with <see cref="OperationCanceledException"/>, and a streaming
/// callback is handed a token that fires for either.
/// </summary>
public sealed class CallerCancellationTests
{
    private static Task Invoke(HttpContext ctx, string kind, CancellationToken token) => kind switch
    {
        "text" => ctx.RespondTextAsync("hello", cancellationToken: token),
        "bytes" => ctx.RespondBytesAsync(new byte[] { 1, 2, 3 }, cancellationToken: token),
        "html" => ctx.RespondHtmlAsync("<p>x</p>", cancellationToken: token),
        "html-builder" => ctx.RespondHtmlAsync(h => h.Body(b => b.P("x")), cancellationToken: token),
        "negotiated" => ctx.RespondAsync(new { Name = "Jet" }, cancellationToken: token),
        "file" => ctx.RespondFileAsync(typeof(CallerCancellationTests).Assembly.Location, cancellationToken: token),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [InlineData("text")]
    [InlineData("bytes")]
    [InlineData("html")]
    [InlineData("html-builder")]
    [InlineData("negotiated")]
    [InlineData("file")]
    public async Task RespondHelper_CancelledToken_StopsWithOperationCanceledBeforeSending(string kind)
    {
        var caught = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/r", async (HttpContext ctx) =>
            {
                try
                {
                    await Invoke(ctx, kind, new CancellationToken(canceled: true));
                    caught.TrySetResult(null);
                }
                catch (Exception ex)
                {
                    caught.TrySetResult(ex);
                    await ctx.Response.WriteAsync(ctx.Response.HasStarted ? "started" : "not started");
                }
            }),
            s => s.AddContentNegotiation());

        using var response = await app.Client.GetAsync("/r");

        Assert.IsAssignableFrom<OperationCanceledException>(await caught.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("not started", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("stream")]
    [InlineData("writer")]
    [InlineData("pipe")]
    public async Task StreamingHelper_CallerCancels_CallbackTokenFires(string kind)
    {
        var observed = new TaskCompletionSource<(bool IsRequestAborted, bool CancelledWithCaller)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/s", async (HttpContext ctx) =>
        {
            using var caller = new CancellationTokenSource();
            Task Observe(CancellationToken token)
            {
                var before = token.IsCancellationRequested;
                caller.Cancel();
                observed.TrySetResult((token == ctx.RequestAborted, !before && token.IsCancellationRequested));
                return Task.CompletedTask;
            }

            await (kind switch
            {
                "stream" => ctx.RespondStreamAsync((_, token) => Observe(token), cancellationToken: caller.Token),
                "writer" => ctx.RespondWriterAsync((_, token) => Observe(token), cancellationToken: caller.Token),
                _ => ctx.RespondPipeAsync((_, token) => Observe(token), cancellationToken: caller.Token),
            });
        }));

        using var response = await app.Client.GetAsync("/s");

        var (isRequestAborted, cancelledWithCaller) = await observed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(isRequestAborted);
        Assert.True(cancelledWithCaller);
    }

    [Fact]
    public async Task StreamingHelper_NoCallerToken_CallbackGetsRequestAborted()
    {
        var observed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/s", (HttpContext ctx) =>
            ctx.RespondStreamAsync((_, token) =>
            {
                observed.TrySetResult(token == ctx.RequestAborted);
                return Task.CompletedTask;
            })));

        using var response = await app.Client.GetAsync("/s");

        Assert.True(await observed.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
