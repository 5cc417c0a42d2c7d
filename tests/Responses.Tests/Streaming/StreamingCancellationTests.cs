using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Streaming;

public sealed class StreamingCancellationTests
{
    // A bound on waiting for the server to notice the disconnect; passing never takes it, failing cannot hang.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("stream")]
    [InlineData("pipe")]
    [InlineData("writer")]
    public async Task ClientDisconnects_WriterObservesRequestAborted(string kind)
    {
        var tokenIsRequestAborted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tokenCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writerFinished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var chunk = new byte[16 * 1024];
        var text = new string('x', 16 * 1024);
        const int MaxChunks = 1_000_000;

        async Task WriteUntilCancelledAsync(HttpContext ctx, Func<CancellationToken, Task> writeChunkAsync, CancellationToken ct)
        {
            tokenIsRequestAborted.TrySetResult(ct == ctx.RequestAborted);
            // Kept registered after the writer returns: Kestrel may fail a write on the broken connection a moment
            // before it cancels the token, and the test waits for the token itself.
            ct.Register(() => tokenCancelled.TrySetResult());
            try
            {
                for (var i = 0; i < MaxChunks && !ct.IsCancellationRequested; i++)
                {
                    await writeChunkAsync(ct);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
            {
                // The write failed because the client went away; the token says so too (asserted below).
            }
            finally
            {
                writerFinished.TrySetResult();
            }
        }

        await using var app = await TestApp.StartAsync(a => a.MapGet("/endless", (HttpContext ctx) => kind switch
        {
            "stream" => (IResult)Respond.Stream((body, ct) => WriteUntilCancelledAsync(ctx, t => body.WriteAsync(chunk, t).AsTask(), ct)),
            "pipe" => Respond.Pipe((pipe, ct) => WriteUntilCancelledAsync(ctx, t => pipe.WriteAsync(chunk, t).AsTask(), ct)),
            _ => Respond.Writer((writer, ct) => WriteUntilCancelledAsync(ctx, async t =>
            {
                await writer.WriteAsync(text.AsMemory(), t);
                await writer.FlushAsync(t);
            }, ct)),
        }));

        using (var client = app.CreateClient())
        using (var bound = new CancellationTokenSource(Bound))
        {
            using var response = await client.GetAsync("/endless", HttpCompletionOption.ResponseHeadersRead, bound.Token);
            await using var body = await response.Content.ReadAsStreamAsync(bound.Token);
            var buffer = new byte[1024];
            Assert.True(await body.ReadAsync(buffer, bound.Token) > 0);
            // Leaving the block closes the connection mid-body.
        }

        Assert.True(await tokenIsRequestAborted.Task.WaitAsync(Bound));
        await tokenCancelled.Task.WaitAsync(Bound);
        await writerFinished.Task.WaitAsync(Bound);
    }
}
