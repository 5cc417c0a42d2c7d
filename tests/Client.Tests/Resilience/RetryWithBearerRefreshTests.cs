using System.Net;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Resilience;

/// <summary>Retry and bearer-token refresh together: a 401 refreshes once, inside an attempt, and retries use the new token.</summary>
public sealed class RetryWithBearerRefreshTests(ResilienceServer fixture) : IClassFixture<ResilienceServer>
{
    [Fact]
    public async Task GetAsync_BearerRefreshThen503Then200_RefreshesOnceAndRetriesWithTheNewToken()
    {
        var script = fixture.NewScript()
            .Status(401, headers: h => h.WWWAuthenticate = "Bearer")
            .Status(503);
        var loads = 0;
        var refreshes = 0;
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = fixture.Server.BaseAddress;
            o.Auth.LoadBearerToken = _ =>
            {
                Interlocked.Increment(ref loads);
                return ValueTask.FromResult("first");
            };
            o.Auth.RefreshBearerToken = _ =>
            {
                Interlocked.Increment(ref refreshes);
                return ValueTask.FromResult("second");
            };
            o.AddRetry(r => r.Delay = TimeSpan.Zero);
        });

        using var response = await client.GetAsync(script.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, loads);
        Assert.Equal(1, refreshes);
        Assert.Equal(2, response.Attempts); // the refresh is inside the first attempt, not an attempt of its own
        Assert.Equal(["Bearer first", "Bearer second", "Bearer second"], script.Arrivals.Select(a => a.Authorization));
    }

    [Fact]
    public async Task PutAsync_BearerRefreshThen503_ReplaysTheBodyEveryTime()
    {
        var script = fixture.NewScript()
            .Status(401, headers: h => h.WWWAuthenticate = "Bearer")
            .Status(503);
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = fixture.Server.BaseAddress;
            o.Auth.LoadBearerToken = _ => ValueTask.FromResult("first");
            o.Auth.RefreshBearerToken = _ => ValueTask.FromResult("second");
            o.AddRetry(r => r.Delay = TimeSpan.Zero);
        });
        var body = new ForwardOnlyStream(new MemoryStream("payload"u8.ToArray()));

        using var response = await client.PutAsync(script.Path, r => r.Body(body));

        Assert.Equal(["payload", "payload", "payload"], script.Arrivals.Select(a => a.Body));
    }
}
