using System.Collections.Concurrent;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Transport;

public sealed class ConnectionPoolTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private readonly ConcurrentBag<string> _connections = [];
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _twoInFlight = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _maxInFlight;
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app => app.MapGet("/hold", async (HttpContext c) =>
        {
            _connections.Add(c.Connection.Id);
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _maxInFlight, now);
            if (now >= 2)
            {
                _twoInFlight.TrySetResult();
            }

            await _release.Task.WaitAsync(Limit);
            Interlocked.Decrement(ref _inFlight);
            return "done";
        }));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MaxConnectionsPerServer_One_SendsConcurrentRequestsOverOneConnection()
    {
        var entered = new CountdownEvent(3);
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Transport.MaxConnectionsPerServer = 1;
            o.Middleware.Add("count", () => new Counting(entered));
        });

        var calls = Enumerable.Range(0, 3).Select(_ => Read(client)).ToArray();
        // Every request has reached the transport (and queued for the one connection) before the first is answered.
        Assert.True(entered.Wait(Limit));
        _release.SetResult();
        var bodies = await Task.WhenAll(calls).WaitAsync(Limit);

        Assert.All(bodies, b => Assert.Equal("done", b));
        Assert.Equal(1, Volatile.Read(ref _maxInFlight));
        Assert.Single(_connections.Distinct());
    }

    [Fact]
    public async Task MaxConnectionsPerServer_Two_OpensASecondConnectionForAConcurrentRequest()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Transport.MaxConnectionsPerServer = 2;
        });

        var calls = Enumerable.Range(0, 2).Select(_ => Read(client)).ToArray();
        await _twoInFlight.Task.WaitAsync(Limit);
        _release.SetResult();
        await Task.WhenAll(calls).WaitAsync(Limit);

        Assert.Equal(2, Volatile.Read(ref _maxInFlight));
        Assert.Equal(2, _connections.Distinct().Count());
    }

    private static async Task<string> Read(HeraldClient client)
    {
        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hold"));
        return await response.Message.Content.ReadAsStringAsync();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class Counting(CountdownEvent entered) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sending = base.SendAsync(request, cancellationToken);
            entered.Signal();
            return sending;
        }
    }
}
