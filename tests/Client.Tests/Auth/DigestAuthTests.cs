using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Herald.Client.Internal;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Auth;

/// <summary>
/// Digest authentication through the framework's credentials, against an endpoint that implements RFC 7616 (MD5,
/// qop=auth) by hand: it issues a nonce and checks the client's response hash.
/// </summary>
public sealed class DigestAuthTests : IAsyncLifetime
{
    private const string Realm = "herald@loopback";
    private const string User = "Mufasa";
    private const string Password = "Circle of Life";

    private readonly ConcurrentDictionary<string, bool> _nonces = new();
    private int _verified;
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app => app.MapGet("/digest/{**rest}", (HttpContext c) => Digest(c)));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SendAsync_DigestChallenge_AuthenticatesWithCredentials()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Auth.Credentials = new NetworkCredential(User, Password);
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "digest/secret?x=1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"hello {User}", await response.Message.Content.ReadAsStringAsync());
        Assert.Equal(1, Volatile.Read(ref _verified));
    }

    [Fact]
    public async Task SendAsync_CredentialCacheForDigest_Authenticates()
    {
        var cache = new CredentialCache { { _server.BaseAddress, "Digest", new NetworkCredential(User, Password) } };
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Auth.Credentials = cache;
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "digest/cached"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_WrongPassword_Returns401()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Auth.Credentials = new NetworkCredential(User, "wrong");
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "digest/secret").ThrowOnError(false));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, Volatile.Read(ref _verified));
    }

    [Fact]
    public async Task SendAsync_NoCredentials_Returns401Challenge()
    {
        using var client = new HeraldClient(o => o.BaseAddress = _server.BaseAddress);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "digest/secret").ThrowOnError(false));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Digest", Assert.Single(response.Message.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public void CreateSocketsHandler_NtlmAndNegotiateCredentials_ReachTheHandler()
    {
        // No NTLM or Kerberos server runs here: what Herald owns is handing the credentials to SocketsHttpHandler,
        // which speaks NTLM and Negotiate itself (through GSSAPI on Linux).
        var cache = new CredentialCache
        {
            { new Uri("https://intranet.example/"), "NTLM", new NetworkCredential("ann", "pw", "CORP") },
            { new Uri("https://intranet.example/"), "Negotiate", new NetworkCredential("ann", "pw", "CORP") },
        };
        var options = Pipeline.Options(o =>
        {
            o.Auth.Credentials = cache;
            o.Auth.Origins.Add(new Uri("https://intranet.example/"));
            o.Auth.PreAuthenticate = true;
        });

        using var handler = TransportFactory.CreateSocketsHandler(options);

        // The transport gets them scoped to the client's origins (FrameworkCredentialScopeTests checks that on the wire).
        Assert.IsType<ScopedCredentials>(handler.Credentials);
        Assert.True(handler.PreAuthenticate);
        Assert.Equal("ann", handler.Credentials!.GetCredential(new Uri("https://intranet.example/x"), "NTLM")!.UserName);
        Assert.Equal("ann", handler.Credentials.GetCredential(new Uri("https://intranet.example/y"), "Negotiate")!.UserName);
        Assert.Null(handler.Credentials.GetCredential(new Uri("https://elsewhere.example/x"), "NTLM"));
    }

    private IResult Digest(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return Challenge(context);
        }

        var p = ParseParameters(header["Digest ".Length..]);
        var uri = context.Request.Path + context.Request.QueryString;
        if (p.GetValueOrDefault("username") != User
            || p.GetValueOrDefault("realm") != Realm
            || p.GetValueOrDefault("uri") != uri
            || p.GetValueOrDefault("qop") != "auth"
            || p.GetValueOrDefault("opaque") != "herald-opaque"
            || p.GetValueOrDefault("algorithm", "MD5") is not ("MD5" or "md5")
            || p.GetValueOrDefault("nonce") is not { } nonce
            || !_nonces.ContainsKey(nonce)
            || p.GetValueOrDefault("nc") is not { } nc
            || p.GetValueOrDefault("cnonce") is not { } cnonce
            || p.GetValueOrDefault("response") is not { } response)
        {
            return Challenge(context);
        }

        var ha1 = Md5($"{User}:{Realm}:{Password}");
        var ha2 = Md5($"{context.Request.Method}:{uri}");
        var expected = Md5($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}");
        if (!string.Equals(expected, response, StringComparison.OrdinalIgnoreCase))
        {
            return Challenge(context);
        }

        Interlocked.Increment(ref _verified);
        return Results.Text($"hello {User}");
    }

    private IResult Challenge(HttpContext context)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _nonces[nonce] = true;
        context.Response.Headers.WWWAuthenticate =
            $"Digest realm=\"{Realm}\", qop=\"auth\", algorithm=MD5, nonce=\"{nonce}\", opaque=\"herald-opaque\"";
        return Results.StatusCode(401);
    }

    // RFC 7616 parameters: name=token or name="quoted string" (which may hold commas and \-escapes), comma-separated.
    private static Dictionary<string, string> ParseParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == ','))
            {
                i++;
            }

            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            var name = text[i..eq].Trim();
            i = eq + 1;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i]);
                }

                i++;
            }
            else
            {
                for (; i < text.Length && text[i] != ','; i++)
                {
                    value.Append(text[i]);
                }
            }

            result[name] = value.ToString().Trim();
        }

        return result;
    }

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
