namespace Herald.Client.Tests.Cookies;

/// <summary>A plain-http and an https <see cref="CookieTestServer"/>, started once per test class.</summary>
public sealed class CookieServers : IAsyncLifetime
{
    public CookieTestServer Http { get; private set; } = null!;

    public CookieTestServer Https { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Http = await CookieTestServer.StartAsync(https: false);
        Https = await CookieTestServer.StartAsync(https: true);
    }

    public async Task DisposeAsync()
    {
        await Http.DisposeAsync();
        await Https.DisposeAsync();
    }
}
