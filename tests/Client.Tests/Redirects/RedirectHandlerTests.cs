using System.Net;
using Herald.Client.Internal;

namespace Herald.Client.Tests.Redirects;

/// <summary>The redirect middleware through <see cref="HeraldClient"/> and real HTTP: limits, trace, Location handling.</summary>
public sealed class RedirectHandlerTests(RedirectTestServer server) : IClassFixture<RedirectTestServer>
{
    [Fact]
    public async Task SendAsync_ChainOfRedirects_RecordsEveryFollowedUrlInOrder()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("chain/3").ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal([server.Url("chain/2"), server.Url("chain/1"), server.Url("chain/0")], response.RedirectTrace);
        Assert.Equal(server.Url("chain/0"), response.Message.RequestMessage?.RequestUri);
    }

    [Fact]
    public async Task SendAsync_NoRedirect_TraceIsEmpty()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("target").ToString()));

        Assert.Equal(200, response.Status);
        Assert.Empty(response.RedirectTrace);
    }

    [Fact]
    public async Task SendAsync_RedirectLoop_ThrowsTooManyRedirectsWithTrace()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<HeraldRedirectException>(
            () => client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("loop").ToString())));

        Assert.Equal(RedirectError.TooManyRedirects, error.Error);
        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        Assert.Equal(20, error.RedirectTrace.Count);
        Assert.All(error.RedirectTrace, url => Assert.Equal(server.Url("loop"), url));
        Assert.Equal("/loop", error.Location);
        Assert.Contains("MaxRedirects", error.Message, StringComparison.Ordinal);
        Assert.Contains("Graceful", error.Message, StringComparison.Ordinal);
        Assert.Equal(server.Url("loop"), error.RequestUri);
        Assert.Equal("/loop", error.Headers["Location"]);
    }

    [Fact]
    public void HeraldRedirectException_HasNoPublicConstructor()
    {
        // Only the middleware raises it, with the refused response; callers catch it, never build one.
        Assert.Empty(typeof(HeraldRedirectException).GetConstructors());
    }

    [Fact]
    public async Task SendAsync_ChainLongerThanMaxRedirects_Throws()
    {
        using var client = Client(o => o.Redirects.MaxRedirects = 2);

        var error = await Assert.ThrowsAsync<HeraldRedirectException>(
            () => client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("chain/3").ToString())));

        Assert.Equal(RedirectError.TooManyRedirects, error.Error);
        Assert.Equal([server.Url("chain/2"), server.Url("chain/1")], error.RedirectTrace);
        Assert.Equal("/chain/0", error.Location);
    }

    [Fact]
    public async Task SendAsync_ChainAsLongAsMaxRedirects_Succeeds()
    {
        using var client = Client(o => o.Redirects.MaxRedirects = 3);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("chain/3").ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal(3, response.RedirectTrace.Count);
    }

    [Fact]
    public async Task SendAsync_GracefulAtLimit_ReturnsLastRedirectResponse()
    {
        using var client = Client(o =>
        {
            o.Redirects.Strategy = RedirectStrategy.Graceful;
            o.Redirects.MaxRedirects = 2;
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("chain/5").ToString()));

        Assert.Equal(302, response.Status);
        Assert.Equal("/chain/2", response.Message.Headers.Location?.OriginalString);
        Assert.Equal([server.Url("chain/4"), server.Url("chain/3")], response.RedirectTrace);
    }

    [Fact]
    public async Task SendAsync_GracefulLoop_ReturnsRedirectResponseAfterLimit()
    {
        using var client = Client(o => o.Redirects.Strategy = RedirectStrategy.Graceful);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("loop").ToString()));

        Assert.Equal(302, response.Status);
        Assert.Equal(20, response.RedirectTrace.Count);
    }

    [Fact]
    public async Task FollowRedirects_PerRequestNone_ReturnsRedirectResponse()
    {
        using var client = Client();
        var before = server.Hits;

        using var response = await client.SendAsync(
            new HeraldRequest(HttpMethod.Get, server.Url("chain/2").ToString()).FollowRedirects(RedirectStrategy.None));

        Assert.Equal(302, response.Status);
        Assert.Empty(response.RedirectTrace);
        Assert.Equal(1, server.Hits - before);
    }

    [Fact]
    public async Task FollowRedirects_PerRequestLax_OverridesClientNone()
    {
        using var client = Client(o => o.Redirects.Strategy = RedirectStrategy.None);

        using var response = await client.SendAsync(
            new HeraldRequest(HttpMethod.Post, server.Url("r/302").ToString()).FollowRedirects(RedirectStrategy.Lax));

        Assert.Equal(200, response.Status);
        Assert.Equal("GET", response.Message.Headers.GetValues("X-Method").Single());
    }

    [Fact]
    public async Task MaxRedirects_PerRequest_OverridesClientLimit()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<HeraldRedirectException>(
            () => client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("chain/3").ToString()).MaxRedirects(1)));

        Assert.Equal(RedirectError.TooManyRedirects, error.Error);
        Assert.Single(error.RedirectTrace);
    }

    [Fact]
    public async Task MaxRedirects_Zero_FailsOnFirstRedirect()
    {
        using var client = Client(o => o.Redirects.MaxRedirects = 0);

        var error = await Assert.ThrowsAsync<HeraldRedirectException>(
            () => client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("chain/1").ToString())));

        Assert.Equal(RedirectError.TooManyRedirects, error.Error);
        Assert.Empty(error.RedirectTrace);
    }

    [Theory]
    [InlineData("../c/d", "rd/a/c/d")]
    [InlineData("sibling", "rd/a/b/sibling")]
    [InlineData("./", "rd/a/b/")]
    [InlineData("/rd/root", "rd/root")]
    [InlineData("?page=2", "rd/a/b/start?page=2")]
    public async Task SendAsync_RelativeLocation_ResolvesAgainstCurrentUrl(string location, string expected)
    {
        using var client = Client();

        using var response = await client.SendAsync(
            new HeraldRequest(HttpMethod.Get, server.Url($"rd/a/b/start?to={Uri.EscapeDataString(location)}").ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal(server.Url(expected), response.RedirectTrace.Single());
        Assert.Equal(server.Url(expected).AbsolutePath, response.Message.Headers.GetValues("X-Path").Single());
    }

    [Fact]
    public async Task SendAsync_SchemeRelativeLocation_KeepsScheme()
    {
        using var client = Client();
        var location = $"//127.0.0.1:{server.Server.Port}/target";

        using var response = await client.SendAsync(
            new HeraldRequest(HttpMethod.Get, server.Url($"r/302?to={Uri.EscapeDataString(location)}").ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal(new Uri($"http:{location}"), response.RedirectTrace.Single());
    }

    [Fact]
    public async Task SendAsync_LocationWithoutFragment_InheritsTheRequestFragment()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("chain/2#section").ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal(["#section", "#section"], response.RedirectTrace.Select(u => u.Fragment));
    }

    [Fact]
    public async Task SendAsync_LocationWithFragment_KeepsItsOwn()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(
            HttpMethod.Get, server.Url($"r/302?to={Uri.EscapeDataString("/target#theirs")}#mine").ToString()));

        Assert.Equal("#theirs", response.RedirectTrace.Single().Fragment);
    }

    [Fact]
    public async Task SendAsync_OriginalQuery_IsNotCarriedToTarget()
    {
        using var client = Client();

        using var response = await client.SendAsync(
            new HeraldRequest(HttpMethod.Get, server.Url("r/302?to=/target&secret=s3cr3t&page=1").ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal(string.Empty, response.Message.Headers.GetValues("X-Query").Single());
        Assert.Equal(server.Url("target"), response.RedirectTrace.Single());
    }

    [Fact]
    public async Task SendAsync_TargetQuery_IsUsedAsGiven()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(
            HttpMethod.Get, server.Url($"r/302?to={Uri.EscapeDataString("/target?x=1&y=a%20b")}&z=9").ToString()));

        Assert.Equal("?x=1&y=a%20b", response.Message.Headers.GetValues("X-Query").Single());
    }

    [Theory]
    [InlineData("http:///x")]
    [InlineData("http://:80/")]
    [InlineData("http://exa mple.com/")]
    [InlineData("http://example.com:99999/")]
    [InlineData("ftp://example.com/file")]
    [InlineData("javascript:alert(1)")]
    public async Task SendAsync_InvalidLocation_ThrowsInvalidLocation(string location)
    {
        using var client = Client();
        var before = server.Hits;

        var error = await Assert.ThrowsAsync<HeraldRedirectException>(() => client.SendAsync(
            new HeraldRequest(HttpMethod.Get, server.Url($"r/302?to={Uri.EscapeDataString(location)}").ToString())));

        Assert.Equal(RedirectError.InvalidLocation, error.Error);
        Assert.Equal(location, error.Location);
        Assert.Contains("ValidateLocation", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Hits - before);
    }

    [Theory]
    [InlineData("http:///x")]
    [InlineData("http://:80/")]
    [InlineData("ftp://example.com/file")]
    public async Task SendAsync_InvalidLocationWithValidationOff_ReturnsRedirectResponse(string location)
    {
        using var client = Client(o => o.Redirects.ValidateLocation = false);

        using var response = await client.SendAsync(
            new HeraldRequest(HttpMethod.Get, server.Url($"r/302?to={Uri.EscapeDataString(location)}").ToString()));

        Assert.Equal(302, response.Status);
        Assert.Empty(response.RedirectTrace);
    }

    [Fact]
    public async Task SendAsync_RedirectWithoutLocation_ReturnsIt()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("no-location").ToString()));

        Assert.Equal(302, response.Status);
        Assert.Empty(response.RedirectTrace);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(304)]
    [InlineData(305)]
    public async Task SendAsync_OtherThreeHundreds_AreNotFollowed(int status)
    {
        using var client = Client(o => o.Redirects.Strategy = RedirectStrategy.Lax);

        // 305 is outside the client's success set; returned, not thrown, so the test can see it was not followed.
        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url($"r/{status}").ToString()).ThrowOnError(false));

        Assert.Equal(status, response.Status);
        Assert.Empty(response.RedirectTrace);
    }

    [Fact]
    public async Task SendAsync_EveryHop_CarriesTheOptionsOfTheFirstMessage()
    {
        var key = new HttpRequestOptionsKey<string>("Test.Marker");
        var seen = new List<(string? Marker, HeraldExchange? Exchange)>();
        var recorder = new RecordingHandler(request =>
        {
            request.Options.TryGetValue(key, out var marker);
            request.Options.TryGetValue(HeraldExchange.Key, out var exchange);
            lock (seen)
            {
                seen.Add((marker, exchange));
            }
        })
        {
            InnerHandler = LoopbackTransport.Create(),
        };
        using var http = new HttpClient(new RedirectHandler(new RedirectOptions()) { InnerHandler = recorder });
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url("chain/2"));
        request.Options.Set(key, "kept");

        using var response = await http.SendAsync(request);

        Assert.Equal(3, seen.Count);
        Assert.All(seen, s => Assert.Equal("kept", s.Marker));
        Assert.All(seen, s => Assert.Same(HeraldExchange.Of(request), s.Exchange));
    }

    [Fact]
    public void Constructor_NegativeMaxRedirects_ThrowsNamingTheProperty()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HeraldClient(o => o.Redirects.MaxRedirects = -1));

        Assert.Contains("RedirectOptions.MaxRedirects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UndefinedStrategy_ThrowsNamingTheProperty()
    {
        var error = Assert.Throws<ArgumentException>(() => new HeraldClient(o => o.Redirects.Strategy = (RedirectStrategy)42));

        Assert.Contains("RedirectOptions.Strategy", error.Message, StringComparison.Ordinal);
    }

    private static HeraldClient Client(Action<HeraldClientOptions>? configure = null) =>
        new(o =>
        {
            o.TransportHandler = () => LoopbackTransport.Create();
            configure?.Invoke(o);
        });
}
