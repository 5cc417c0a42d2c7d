using System.Security.Cryptography.X509Certificates;
using Herald.Client.Tests.Redirects;

namespace Herald.Client.Tests.Cookies;

/// <summary>Builds Herald clients over the loopback transport, and reads what the cookie test server saw.</summary>
internal static class CookieClients
{
    public static HeraldClient Create(Action<CookieJarOptions>? configure = null, X509Certificate2? trusted = null) =>
        new(o =>
        {
            o.TransportHandler = () => LoopbackTransport.Create(trusted);
            configure?.Invoke(o.Cookies);
        });

    /// <summary>Sends a GET and returns the <c>Cookie</c> header the server received ("" when none).</summary>
    public static async Task<string> SeenCookieAsync(this HeraldClient client, string url)
    {
        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, url));
        return response.Message.Headers.GetValues("X-Seen-Cookie").Single();
    }

    /// <summary>Sends a GET and returns the response (dispose it).</summary>
    public static Task<HeraldResponse> GetAsync(this HeraldClient client, string url) =>
        client.SendAsync(new HeraldRequest(HttpMethod.Get, url));

    /// <summary>Sends a GET only for its side effects (the cookies its response sets).</summary>
    public static async Task VisitAsync(this HeraldClient client, string url)
    {
        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, url));
    }

    public static string[] Names(this ICookieStore store) => store.GetAllCookies().Select(c => c.Name).Order(StringComparer.Ordinal).ToArray();
}
