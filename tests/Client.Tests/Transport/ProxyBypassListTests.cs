using Herald.Client.Internal;

namespace Herald.Client.Tests.Transport;

public sealed class ProxyBypassListTests
{
    [Theory]
    [InlineData("api.internal", "http://api.internal/x", true)]
    [InlineData("api.internal", "https://API.Internal:8443/", true)]
    [InlineData("internal", "http://notinternal.com/", false)]
    [InlineData("internal", "http://internal.evil.com/", false)]
    [InlineData("a.b", "http://aXb/", false)]
    [InlineData("*.internal", "http://db.internal/", true)]
    [InlineData("*.internal", "http://deep.db.internal/", true)]
    [InlineData("*.internal", "http://internal/", false)]
    [InlineData(".internal", "http://internal/", true)]
    [InlineData(".internal", "http://db.internal/", true)]
    [InlineData(".internal", "http://xinternal/", false)]
    [InlineData("10.0.*", "http://10.0.3.4/", true)]
    [InlineData("10.0.*", "http://10.1.3.4/", false)]
    [InlineData("127.0.0.1", "http://127.0.0.1:5000/", true)]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5000/", true)]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5001/", false)]
    [InlineData("[::1]", "http://[::1]:80/", true)]
    [InlineData("[::1]:8080", "http://[::1]:8080/", true)]
    [InlineData("<local>", "http://127.0.0.1/", true)]
    [InlineData("<local>", "http://[::1]/", true)]
    [InlineData("<local>", "http://intranet/", true)]
    [InlineData("<local>", "http://app.localhost/", true)]
    [InlineData("<local>", "http://example.com/", false)]
    [InlineData("<local>", "http://10.0.0.1/", false)]
    public void Matches_Entry_MatchesWholeHosts(string entry, string url, bool expected)
    {
        var list = ProxyBypassList.Parse([entry]);

        Assert.Equal(expected, list.Matches(new Uri(url)));
    }

    [Fact]
    public void Matches_Empty_MatchesNothing()
    {
        var list = ProxyBypassList.Parse([]);

        Assert.True(list.IsEmpty);
        Assert.False(list.Matches(new Uri("http://localhost/")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("http://host/")]
    [InlineData("user@host")]
    [InlineData("host:notaport")]
    [InlineData("host:70000")]
    [InlineData("[::1")]
    public void Parse_InvalidEntry_ThrowsNamingIt(string entry)
    {
        var ex = Assert.Throws<ArgumentException>(() => ProxyBypassList.Parse([entry]));

        Assert.Contains("TransportOptions.ProxyBypass", ex.Message);
        Assert.Contains($"'{entry}'", ex.Message);
    }
}
