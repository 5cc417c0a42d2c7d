using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Errors;

/// <summary>
/// Exception messages end up in logs, so the URLs they name lose their query (shown as <c>?*</c>, as .NET's own
/// logging does) and user-info; the exceptions' properties keep the whole URL for code.
/// </summary>
public sealed class UrlRedactionTests(SignalServer signals) : IClassFixture<SignalServer>
{
    private const string Secret = "SECRET123";

    private HeraldClient NewClient(Action<HeraldClientOptions>? configure = null) => new(o =>
    {
        o.BaseAddress = signals.Server.BaseAddress;
        configure?.Invoke(o);
    });

    [Fact]
    public async Task HeraldHttpException_Message_HidesTheQuery_RequestUriKeepsIt()
    {
        using var client = NewClient();

        var ex = await Assert.ThrowsAsync<HeraldHttpException>(() => client.GetAsync($"status/500?access_token={Secret}"));

        Assert.Equal($"GET {signals.Server.BaseAddress}status/500?* answered 500 Internal Server Error", ex.Message);
        Assert.Equal(signals.Server.Url($"status/500?access_token={Secret}"), ex.RequestUri);
        ex.Response.Dispose();
    }

    [Fact]
    public async Task HeraldHttpException_LogQueryStrings_ShowsTheQuery()
    {
        using var client = NewClient(o => o.Logging.LogQueryStrings = true);

        var ex = await Assert.ThrowsAsync<HeraldHttpException>(() => client.GetAsync("status/404?page=2"));

        Assert.Contains("status/404?page=2 answered 404", ex.Message, StringComparison.Ordinal);
        ex.Response.Dispose();
    }

    [Fact]
    public async Task HeraldCoercionException_Message_HidesTheQuery()
    {
        using var client = NewClient();

        var ex = await Assert.ThrowsAsync<HeraldCoercionException>(
            () => client.GetAsync($"status/200?sig={Secret}", r => r.As(ResponseBodyKind.Json)));

        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        Assert.Contains("status/200?* answered 200", ex.Message, StringComparison.Ordinal);
        Assert.Equal(signals.Server.Url($"status/200?sig={Secret}"), ex.Response.RequestUri);
        ex.Response.Dispose();
    }

    [Fact]
    public async Task HeraldTimeoutException_Message_HidesTheQuery_RequestUriKeepsIt()
    {
        var time = new ManualTimeProvider();
        using var client = NewClient(o =>
        {
            o.TimeProvider = time;
            o.Timeout = TimeSpan.FromSeconds(5);
        });
        var id = SignalServer.NewId();

        var call = client.GetAsync($"hang?id={id}&api_key={Secret}");
        await signals.Arrived(id).Task.WaitAsync(SignalServer.Guard);
        time.Advance(TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<HeraldTimeoutException>(() => call);

        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        Assert.Contains("hang?* timed out", ex.Message, StringComparison.Ordinal);
        Assert.Equal(signals.Server.Url($"hang?id={id}&api_key={Secret}"), ex.RequestUri);
    }

    [Theory]
    [InlineData("http://h/a%7Eb/x?q=1", "http://h/a%7Eb/x?*")]
    [InlineData("https://u:p@h:8443/p?", "https://h:8443/p")]
    [InlineData("http://h/p#frag", "http://h/p")]
    [InlineData("http://h/p?a=1#frag", "http://h/p?*")]
    public void DisplayUrl_ResolvedUrls_KeepSchemeHostPortAndPathOnly(string url, string expected)
    {
        // Through the resolver, so URLs built with canonicalization off (as %7E keeps them) are covered too.
        var uri = Herald.Client.Internal.UrlResolver.Resolve(null, url, []).Uri;

        Assert.Equal(expected, Herald.Client.Internal.DisplayUrl.Of(uri, showQuery: false));
    }

    [Fact]
    public async Task InvalidUrl_Message_HidesUserInfoAndQuery()
    {
        using var client = NewClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.GetAsync($"http://alice:{Secret}@:8080/x?token={Secret}"));

        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'http://*@:8080/x?*' has no host", ex.Message, StringComparison.Ordinal);
    }
}
