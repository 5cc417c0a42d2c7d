using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Infrastructure;

public sealed class TestAppTests
{
    [Fact]
    public async Task StartAsync_MapsEndpoints_OnLoopback()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/ping", () => "pong"));

        Assert.Equal("127.0.0.1", app.BaseAddress.Host);
        Assert.Equal("pong", await app.Client.GetStringAsync("/ping"));
    }
}
