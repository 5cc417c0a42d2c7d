using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Client;

/// <summary>Cancellation that frees the connection, streamed bodies that hold it until disposed, and callbacks.</summary>
public sealed class AsyncTests(SignalServer signals) : IClassFixture<SignalServer>
{
    /// <summary>One connection per server: a connection that is not freed makes the next call wait forever.</summary>
    private HeraldClient SingleConnectionClient(Action<HeraldClientOptions>? configure = null) => new(o =>
    {
        o.BaseAddress = signals.Server.BaseAddress;
        o.TransportHandler = () => new SocketsHttpHandler { MaxConnectionsPerServer = 1, AllowAutoRedirect = false, UseCookies = false };
        configure?.Invoke(o);
    });

    [Fact]
    public async Task Cancel_MidBody_AbortsTheRequestAndFreesTheConnection()
    {
        using var client = SingleConnectionClient();
        using var cts = new CancellationTokenSource();
        var id = SignalServer.NewId();

        var call = client.GetAsync($"slow-body?id={id}", cancellationToken: cts.Token);
        await signals.Arrived(id).Task.WaitAsync(SignalServer.Guard);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await signals.Aborted(id).Task.WaitAsync(SignalServer.Guard);
        using var guard = new CancellationTokenSource(SignalServer.Guard);
        using var next = await client.GetAsync("ping", cancellationToken: guard.Token);
        Assert.Equal("pong", next.Body);
    }

    [Fact]
    public async Task Cancel_WhileReadingAStreamedBody_FreesTheConnection()
    {
        using var client = SingleConnectionClient(o => o.ResponseBody = ResponseBodyKind.Stream);
        using var cts = new CancellationTokenSource();
        var id = SignalServer.NewId();

        using (var response = await client.GetAsync($"slow-body?id={id}"))
        {
            var stream = (Stream)response.Body!;
            var first = new byte[16 * 1024];
            await stream.ReadExactlyAsync(first); // all the server sent: the next read waits
            var read = stream.ReadAsync(new byte[1024], cts.Token).AsTask();
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        }

        await signals.Aborted(id).Task.WaitAsync(SignalServer.Guard);
        using var guard = new CancellationTokenSource(SignalServer.Guard);
        using var next = await client.GetAsync("ping", r => r.As(ResponseBodyKind.String), guard.Token);
        Assert.Equal("pong", next.Body);
    }

    [Fact]
    public async Task StreamBody_DisposingJustTheStream_FreesTheConnection()
    {
        using var client = SingleConnectionClient();
        var id = SignalServer.NewId();

        using var streamed = await client.GetAsync($"slow-body?id={id}", r => r.As(ResponseBodyKind.Stream));
        var stream = Assert.IsAssignableFrom<Stream>(streamed.Body);
        await stream.ReadExactlyAsync(new byte[100]);
        await stream.DisposeAsync();

        await signals.Aborted(id).Task.WaitAsync(SignalServer.Guard);
        using var guard = new CancellationTokenSource(SignalServer.Guard);
        using var next = await client.GetAsync("ping", cancellationToken: guard.Token);
        Assert.Equal("pong", next.Body);
    }

    [Fact]
    public async Task StreamBody_HoldsTheConnectionUntilDisposed_ThenTheNextCallGoesThrough()
    {
        using var client = SingleConnectionClient();
        var id = SignalServer.NewId();

        var streamed = await client.GetAsync($"slow-body?id={id}", r => r.As(ResponseBodyKind.Stream));
        var stream = Assert.IsAssignableFrom<Stream>(streamed.Body);
        var first = new byte[4096];
        await stream.ReadExactlyAsync(first);
        streamed.Dispose();

        await signals.Aborted(id).Task.WaitAsync(SignalServer.Guard);
        using var guard = new CancellationTokenSource(SignalServer.Guard);
        using var next = await client.GetAsync("ping", cancellationToken: guard.Token);
        Assert.Equal("pong", next.Body);
    }

    [Fact]
    public async Task StreamBody_IsNotBuffered_TheCallReturnsBeforeTheBodyEnds()
    {
        using var client = SingleConnectionClient();
        var id = SignalServer.NewId();

        // The server never finishes this body: only an unbuffered read can return.
        using var response = await client.GetAsync($"slow-body?id={id}", r => r.As(ResponseBodyKind.Stream)).WaitAsync(SignalServer.Guard);

        Assert.Equal(200, response.Status);
        Assert.IsAssignableFrom<Stream>(response.Body);
    }

    [Fact]
    public async Task Send_Success_CallsRespondOnly()
    {
        using var client = SingleConnectionClient();
        HeraldResponse? received = null;
        Exception? raised = null;

        await client.Send(new HeraldRequest(HttpMethod.Get, "ping"), r => received = r, e => raised = e);

        Assert.Null(raised);
        Assert.Equal("pong", received!.Body);
        received.Dispose();
    }

    [Fact]
    public async Task Send_ErrorStatus_CallsRaiseOnly()
    {
        using var client = SingleConnectionClient();
        var respondCalls = 0;
        var raised = new TaskCompletionSource<Exception>();

        _ = client.Send(new HeraldRequest(HttpMethod.Get, "status/500"), _ => respondCalls++, e => raised.SetResult(e));
        var exception = await raised.Task.WaitAsync(SignalServer.Guard);

        Assert.Equal(500, Assert.IsType<HeraldHttpException>(exception).Status);
        Assert.Equal(0, respondCalls);
    }

    [Fact]
    public async Task Send_Cancelled_RaisesTheCancellation()
    {
        using var client = SingleConnectionClient();
        using var cts = new CancellationTokenSource();
        var id = SignalServer.NewId();
        var respondCalls = 0;
        Exception? raised = null;

        var sent = client.Send(new HeraldRequest(HttpMethod.Get, $"hang?id={id}"), _ => respondCalls++, e => raised = e, cts.Token);
        await signals.Arrived(id).Task.WaitAsync(SignalServer.Guard);
        await cts.CancelAsync();
        await sent.WaitAsync(SignalServer.Guard);

        Assert.IsAssignableFrom<OperationCanceledException>(raised);
        Assert.Equal(0, respondCalls);
    }

    [Fact]
    public async Task Send_InvalidRequest_RaisesRatherThanThrowing()
    {
        using var client = new HeraldClient();
        Exception? raised = null;

        var sent = client.Send(new HeraldRequest(HttpMethod.Get, "relative/without/base"), _ => { }, e => raised = e);
        await sent;

        Assert.IsType<InvalidOperationException>(raised);
    }
}
