using System.Net;
using Herald.Client.Internal;
using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Transport;

public sealed class TransportFactoryTests
{
    [Fact]
    public void CreateSocketsHandler_Always_TurnsOffRedirectsCookiesAndDecompression()
    {
        using var handler = TransportFactory.CreateSocketsHandler(new HeraldClientOptions());

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseCookies);
        Assert.Equal(DecompressionMethods.None, handler.AutomaticDecompression);
    }

    [Fact]
    public void CreateSocketsHandler_PoolAndTimeouts_AreApplied()
    {
        var options = Pipeline.Options(o =>
        {
            o.Transport.MaxConnectionsPerServer = 7;
            o.Transport.PooledConnectionIdleTimeout = TimeSpan.FromSeconds(11);
            o.Transport.PooledConnectionLifetime = TimeSpan.FromSeconds(13);
            o.Transport.ConnectTimeout = TimeSpan.FromSeconds(3);
        });

        using var handler = TransportFactory.CreateSocketsHandler(options);

        Assert.Equal(7, handler.MaxConnectionsPerServer);
        Assert.Equal(TimeSpan.FromSeconds(11), handler.PooledConnectionIdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(13), handler.PooledConnectionLifetime);
        Assert.Equal(TimeSpan.FromSeconds(3), handler.ConnectTimeout);
    }

    [Fact]
    public void CreateSocketsHandler_ProxyWithUserInfo_BecomesCredentialsAndBypassList()
    {
        var options = Pipeline.Options(o =>
        {
            o.Transport.Proxy = new Uri("http://ann%40corp:p%3Ass@proxy.example:3128");
            o.Transport.ProxyBypass.Add("*.internal");
        });

        using var handler = TransportFactory.CreateSocketsHandler(options);

        Assert.True(handler.UseProxy);
        var proxy = Assert.IsType<HeraldWebProxy>(handler.Proxy);
        Assert.Equal(new Uri("http://proxy.example:3128/"), proxy.Address);
        var credential = proxy.Credentials!.GetCredential(proxy.Address, "Basic")!;
        Assert.Equal("ann@corp", credential.UserName);
        Assert.Equal("p:ss", credential.Password);
        Assert.Null(proxy.GetProxy(new Uri("http://db.internal/")));
        Assert.Equal(proxy.Address, proxy.GetProxy(new Uri("http://example.com/")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CreateSocketsHandler_NoProxy_FollowsUseSystemProxy(bool useSystem)
    {
        using var handler = TransportFactory.CreateSocketsHandler(Pipeline.Options(o => o.Transport.UseSystemProxy = useSystem));

        Assert.Equal(useSystem, handler.UseProxy);
        Assert.Null(handler.Proxy);
    }

    [Fact]
    public void Create_WrapsTheSocketsHandlerInThePolicyHandler()
    {
        using var transport = TransportFactory.Create(new HeraldClientOptions());

        var policy = Assert.IsType<TransportPolicyHandler>(transport);
        Assert.IsType<SocketsHttpHandler>(policy.InnerHandler);
    }

    [Theory]
    [InlineData("MaxConnectionsPerServer")]
    [InlineData("PooledConnectionIdleTimeout")]
    [InlineData("PooledConnectionLifetime")]
    [InlineData("ConnectTimeout")]
    [InlineData("ReadTimeout")]
    [InlineData("HttpVersion")]
    [InlineData("Proxy")]
    [InlineData("ProxyPath")]
    [InlineData("ProxyBypass")]
    public void HeraldClient_InvalidTransportOption_ThrowsNamingIt(string option)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new HeraldClient(o =>
        {
            var t = o.Transport;
            switch (option)
            {
                case "MaxConnectionsPerServer": t.MaxConnectionsPerServer = 0; break;
                case "PooledConnectionIdleTimeout": t.PooledConnectionIdleTimeout = TimeSpan.FromSeconds(-2); break;
                case "PooledConnectionLifetime": t.PooledConnectionLifetime = TimeSpan.FromSeconds(-2); break;
                case "ConnectTimeout": t.ConnectTimeout = TimeSpan.Zero; break;
                case "ReadTimeout": t.ReadTimeout = TimeSpan.FromSeconds(-1); break;
                case "HttpVersion": t.HttpVersion = new Version(1, 2); break;
                case "Proxy": t.Proxy = new Uri("ftp://proxy.example:21"); break;
                case "ProxyPath": t.Proxy = new Uri("http://proxy.example:3128/some/path"); break;
                case "ProxyBypass": t.Proxy = new Uri("http://proxy.example:3128"); t.ProxyBypass.Add("http://not-a-host/"); break;
            }
        }));

        Assert.Contains("TransportOptions." + option.Replace("Path", string.Empty, StringComparison.Ordinal), ex.Message);
    }

    [Fact]
    public void HeraldClient_InvalidProxyWithPassword_ThrowsWithoutShowingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HeraldClient(o => o.Transport.Proxy = new Uri("http://ann:hunter2@proxy.corp:3128/path?key=k3y")));

        Assert.Contains("'http://proxy.corp:3128/path?*' has a path or query", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("k3y", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeraldClient_InsecureWithTrustedRoots_ThrowsBecauseOneWouldBeIgnored()
    {
        using var ca = TestCertificates.CreateAuthority();

        var ex = Assert.Throws<InvalidOperationException>(() => new HeraldClient(o =>
        {
            o.Transport.Insecure = true;
            o.Transport.TrustedRootCertificates.Add(ca);
        }));

        Assert.Contains("TrustedRootCertificates", ex.Message);
    }

    [Fact]
    public void HeraldClient_ClientCertificateWithoutKey_Throws()
    {
        using var withKey = TestCertificates.CreateClientCertificate();
        using var publicOnly = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(withKey.RawData);

        var ex = Assert.Throws<ArgumentException>(() => new HeraldClient(o => o.Transport.ClientCertificates.Add(publicOnly)));

        Assert.Contains("private key", ex.Message);
    }

    [Fact]
    public void HeraldClient_ProxyCredentialsWithoutProxy_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new HeraldClient(o => o.Transport.ProxyCredentials = new NetworkCredential("a", "b")));

        Assert.Contains("TransportOptions.Proxy", ex.Message);
    }
}
