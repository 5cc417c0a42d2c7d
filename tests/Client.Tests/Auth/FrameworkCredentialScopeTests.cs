using System.Collections.Concurrent;
using System.Net;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Auth;

/// <summary>
/// <see cref="AuthOptions.Credentials"/> answer challenges only inside the client's credential scope. Two real servers:
/// A redirects to B (another port, so another origin), and B challenges with Basic or Digest. B must never see an
/// <c>Authorization</c> header; A, challenging the same way, gets the credentials.
/// </summary>
public sealed class FrameworkCredentialScopeTests : IAsyncLifetime
{
    private static readonly NetworkCredential Ann = new("ann", "s3cret");

    private readonly ConcurrentQueue<(int Port, string Authorization)> _seen = new();
    private LoopbackServer _a = null!;
    private LoopbackServer _b = null!;

    public async Task InitializeAsync()
    {
        _a = await LoopbackServer.StartAsync(Map);
        _b = await LoopbackServer.StartAsync(Map);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Digest")]
    public async Task RedirectToAnotherOrigin_ThatChallenges_GetsNothing(string scheme)
    {
        using var client = Client(o => o.BaseAddress = _a.BaseAddress);

        using var response = await client.GetAsync(Go(_b.Url($"challenge/{scheme}")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(_b.Url($"challenge/{scheme}"), response.RequestUri);
        Assert.All(SeenBy(_b), a => Assert.Equal(string.Empty, a));
        Assert.NotEmpty(SeenBy(_b));
    }

    [Fact]
    public async Task TheScopedOrigin_ThatChallenges_GetsTheCredentials()
    {
        using var client = Client(o => o.BaseAddress = _a.BaseAddress);

        using var response = await client.GetAsync("challenge/Basic");

        Assert.Equal("hello ann", response.Body);
        Assert.Contains("Basic YW5uOnMzY3JldA==", SeenBy(_a));
    }

    [Fact]
    public async Task NoBaseAddressNorOrigins_ScopeIsTheFirstOriginOfEachCall()
    {
        using var client = Client();

        using var home = await client.GetAsync(_a.Url("challenge/Basic").ToString());
        using var away = await client.GetAsync(_a.Url($"go?to={Uri.EscapeDataString(_b.Url("challenge/Basic").ToString())}").ToString());
        using var direct = await client.GetAsync(_b.Url("challenge/Basic").ToString());

        // A call that starts at A answers A only; one that starts at B answers B: a redirect never extends the scope.
        Assert.Equal("hello ann", home.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, away.StatusCode);
        Assert.Equal("hello ann", direct.Body);
        Assert.Equal(["", "Basic YW5uOnMzY3JldA=="], SeenBy(_b).Distinct().Order());
        Assert.Equal(1, SeenBy(_b).Count(a => a.Length > 0));
    }

    [Fact]
    public async Task Origins_LimitTheScope_EvenForAbsoluteUrls()
    {
        using var client = Client(o => o.Auth.Origins.Add(_a.BaseAddress));

        using var response = await client.GetAsync(_b.Url("challenge/Basic").ToString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.All(SeenBy(_b), a => Assert.Equal(string.Empty, a));
    }

    [Fact]
    public async Task CredentialCacheCoveringBothOrigins_IsStillLimitedToTheScope()
    {
        var cache = new CredentialCache
        {
            { _a.BaseAddress, "Basic", Ann },
            { _b.BaseAddress, "Basic", Ann },
        };
        using var client = Client(o =>
        {
            o.BaseAddress = _a.BaseAddress;
            o.Auth.Credentials = cache;
        });

        using var home = await client.GetAsync("challenge/Basic");
        using var away = await client.GetAsync(Go(_b.Url("challenge/Basic")));

        Assert.Equal("hello ann", home.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, away.StatusCode);
        Assert.All(SeenBy(_b), a => Assert.Equal(string.Empty, a));
    }

    private static string Go(Uri to) => $"go?to={Uri.EscapeDataString(to.ToString())}";

    private List<string> SeenBy(LoopbackServer server) => [.. _seen.Where(s => s.Port == server.Port).Select(s => s.Authorization)];

    private HeraldClient Client(Action<HeraldClientOptions>? configure = null) => new(o =>
    {
        o.ThrowOnError = false;
        o.Auth.Credentials = Ann;
        configure?.Invoke(o);
    });

    private void Map(WebApplication app)
    {
        app.MapGet("/go", (HttpContext c, string to) =>
        {
            c.Response.Headers.Location = to;
            c.Response.StatusCode = StatusCodes.Status302Found;
        });

        // Challenges with the scheme in the path until some Authorization arrives; records every attempt.
        app.MapGet("/challenge/{scheme}", (HttpContext c, string scheme) =>
        {
            var authorization = c.Request.Headers.Authorization.ToString();
            _seen.Enqueue((c.Connection.LocalPort, authorization));
            if (authorization.Length > 0)
            {
                return Results.Text("hello ann");
            }

            c.Response.Headers.WWWAuthenticate = scheme == "Digest"
                ? "Digest realm=\"b\", qop=\"auth\", algorithm=MD5, nonce=\"abc123\", opaque=\"o\""
                : "Basic realm=\"b\"";
            return Results.StatusCode(401);
        });
    }
}
