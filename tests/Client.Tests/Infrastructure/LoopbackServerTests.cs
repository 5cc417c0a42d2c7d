using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Infrastructure;

public sealed class LoopbackServerTests
{
    [Fact]
    public async Task HeraldClient_SendsThroughDefaultPipeline_ToLoopbackServer()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/ping", () => "pong"));
        using var client = new HeraldClient(o => o.BaseAddress = server.BaseAddress);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "ping"));

        Assert.Equal(200, response.Status);
        Assert.Equal("pong", await response.Message.Content.ReadAsStringAsync());
    }
}
