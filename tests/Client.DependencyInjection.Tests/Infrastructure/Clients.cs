namespace Herald.Client.DependencyInjection.Tests.Infrastructure;

/// <summary>Helpers for reading what the test server echoed.</summary>
public static class Clients
{
    /// <summary>Sends GET <paramref name="url"/> and reads the echo.</summary>
    public static async Task<Echo> EchoAsync(this HeraldClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (await response.ReadJsonAsync<Echo>())!;
    }
}
