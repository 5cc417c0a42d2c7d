using Herald.Client.Internal;

namespace Herald.Client.Tests.Requests;

/// <summary>The URL rules on the builder itself; <see cref="UrlEndToEndTests"/> checks them on the wire.</summary>
public sealed class UrlResolverTests
{
    private static string Resolve(string? baseUrl, string url, params FlatParam[] query) =>
        UrlResolver.Resolve(baseUrl is null ? null : ParsedUrl.Parse(baseUrl), url, query).Uri.AbsoluteUri;

    [Theory]
    // Ktor's DefaultRequest examples and rules.
    [InlineData("https://example.com/dir/", "file.html", "https://example.com/dir/file.html")]
    [InlineData("https://example.com/dir/default_file.html", "file.html", "https://example.com/dir/file.html")]
    [InlineData("https://example.com/dir/default_file.html", "/root/file.html", "https://example.com/root/file.html")]
    [InlineData("https://a/b/", "c", "https://a/b/c")]
    [InlineData("https://a/b", "c", "https://a/c")]
    [InlineData("https://a", "c", "https://a/c")]
    [InlineData("https://a/b/", "/c", "https://a/c")]
    [InlineData("https://a/b/", "//other.host/path", "https://other.host/path")]
    [InlineData("https://a/b/", "http://some.url/x", "http://some.url/x")]
    [InlineData("https://a/b/", "", "https://a/b/")]
    [InlineData("https://a/b/c", "", "https://a/b/c")]
    [InlineData("https://a:8443/b/", "c/d", "https://a:8443/b/c/d")]
    [InlineData("https://a/b/c/", "../d", "https://a/b/d")]
    [InlineData("https://a/b/", "./c/./d", "https://a/b/c/d")]
    [InlineData("https://a/b/", "c#fragment", "https://a/b/c#fragment")]
    [InlineData(null, "http://host/x/../y", "http://host/y")]
    [InlineData(null, "HTTP://Host:80/x", "http://host/x")]
    public void Resolve_MergesLikeKtorDefaultRequest(string? baseUrl, string url, string expected)
    {
        Assert.Equal(expected, Resolve(baseUrl, url));
    }

    [Theory]
    [InlineData("https://a/b/?key=1&lang=en", "c", "https://a/b/c?key=1&lang=en")]
    [InlineData("https://a/b/?key=1&lang=en", "c?lang=fr", "https://a/b/c?lang=fr&key=1")]
    [InlineData("https://a/b/?key=1", "?x=2", "https://a/b/?x=2&key=1")]
    [InlineData("https://a/b/?key=1", "https://other/x?y=1", "https://other/x?y=1")]
    public void Resolve_BaseQueryParameters_AreDefaults(string baseUrl, string url, string expected)
    {
        Assert.Equal(expected, Resolve(baseUrl, url));
    }

    [Fact]
    public void Resolve_QueryParamOfTheSameName_ReplacesBaseDefault()
    {
        Assert.Equal("https://a/b/c?lang=de&key=1", Resolve("https://a/b/?key=1&lang=en", "c", new FlatParam("lang", "de")));
    }

    [Theory]
    [InlineData("http://h/a b", "http://h/a%20b")]
    [InlineData("http://h/a%20b", "http://h/a%20b")]
    [InlineData("http://h/a%2520b", "http://h/a%2520b")]
    [InlineData("http://h/caf\u00e9", "http://h/caf%C3%A9")]
    [InlineData("http://h/\u4f60\u597d?q=\u4f60", "http://h/%E4%BD%A0%E5%A5%BD?q=%E4%BD%A0")]
    [InlineData("http://h/\"quoted\"<tag>|pipe", "http://h/%22quoted%22%3Ctag%3E%7Cpipe")]
    [InlineData("http://h/?foo bar+baz[]75", "http://h/?foo%20bar+baz%5B%5D75")]
    [InlineData("http://h/baz foo?bar=bat bit?", "http://h/baz%20foo?bar=bat%20bit?")]
    [InlineData("http://h/100%?x=%zz&y=%4", "http://h/100%25?x=%25zz&y=%254")]
    [InlineData("http://h/:@-._~!$&'()*+,;=?/?:@-._~!$'()*+,;=", "http://h/:@-._~!$&'()*+,;=?/?:@-._~!$'()*+,;=")]
    [InlineData("http://h/%7E%41", "http://h/%7E%41")]
    [InlineData("http://h/a%2e%2e/b", "http://h/a%2e%2e/b")]
    public void Resolve_IllegalCharacters_AreEncodedOnce(string url, string expected)
    {
        var once = Resolve(null, url);
        var twice = Resolve(null, once);

        Assert.Equal(expected, once);
        Assert.Equal(once, twice);
    }

    [Fact]
    public void Resolve_EveryCharacterTwice_IsIdempotent()
    {
        // clj-http's check: encoding the encoded form of every char from 0 to 255 changes nothing.
        var all = new string(Enumerable.Range(1, 255).Select(i => (char)i).Where(c => c is not ('#' or '?')).ToArray());
        var once = Resolve(null, "http://h/" + all);

        Assert.Equal(once, Resolve(null, once));
        Assert.DoesNotContain(' ', once);
    }

    [Theory]
    // WHATWG URL: in http(s) URLs a backslash before the query is a slash, so the host is the one a browser shows.
    [InlineData(null, "http://good.example\\@evil.example/x", "http://good.example/@evil.example/x")]
    [InlineData(null, "http://u:p@good.example\\@evil.example/x", "http://good.example/@evil.example/x")]
    [InlineData(null, "http:\\\\good.example\\x", "http://good.example/x")]
    [InlineData("https://base.example/", "//good.example\\@evil.example/x", "https://good.example/@evil.example/x")]
    [InlineData("https://base.example/a/", "b\\c", "https://base.example/a/b/c")]
    [InlineData(null, "http://h/a\\b?q=c\\d", "http://h/a/b?q=c%5Cd")]
    public void Resolve_Backslash_IsASlashBeforeTheQuery(string? baseUrl, string url, string expected)
    {
        Assert.Equal(expected, Resolve(baseUrl, url));
    }

    [Fact]
    public void Resolve_UserInfo_IsTakenOutAndDecoded()
    {
        var resolved = UrlResolver.Resolve(null, "http://fred%27s%20diner:fred%27s%20p%40ss@example.com/foo", []);

        Assert.Equal("http://example.com/foo", resolved.Uri.AbsoluteUri);
        Assert.Equal("fred's diner", resolved.UserName);
        Assert.Equal("fred's p@ss", resolved.Password);
    }

    [Fact]
    public void Resolve_QueryParams_AreAppendedToAnExistingQuery()
    {
        Assert.Equal("http://h/x?a=1&b=2", Resolve(null, "http://h/x?a=1", new FlatParam("b", "2")));
        Assert.Equal("http://h/x?a=1&b=2", Resolve(null, "http://h/x?a=1&", new FlatParam("b", "2")));
        Assert.Equal("http://h/x?b=2", Resolve(null, "http://h/x?", new FlatParam("b", "2")));
    }

    [Fact]
    public void Resolve_RelativeWithoutBase_ThrowsNamingTheFix()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Resolve(null, "users/1"));

        Assert.Contains("BaseAddress", ex.Message);
        Assert.Contains("users/1", ex.Message);
    }

    [Theory]
    [InlineData("ftp://h/x")]
    [InlineData("file:///etc/passwd")]
    public void Resolve_OtherSchemes_Throw(string url)
    {
        var ex = Assert.Throws<ArgumentException>(() => Resolve(null, url));

        Assert.Contains("http and https", ex.Message);
    }

    [Theory]
    [InlineData("http:///x")]
    [InlineData("http://bad host/x")]
    [InlineData("http://h:99999/x")]
    public void Resolve_NoOrInvalidHost_Throws(string url)
    {
        Assert.Throws<ArgumentException>(() => Resolve(null, url));
    }

    [Fact]
    public void Resolve_OrdinaryUrl_EqualsAnOrdinaryUri()
    {
        var resolved = UrlResolver.Resolve(null, "http://h/a%20b?q=1", []).Uri;

        Assert.Equal(new Uri("http://h/a%20b?q=1"), resolved);
    }

    [Fact]
    public void Resolve_UrlCanonicalizationWouldChange_IsKeptExactly()
    {
        var resolved = UrlResolver.Resolve(null, "http://h/files/%2e%2e/%7E", []).Uri;

        Assert.Equal("/files/%2e%2e/%7E", resolved.PathAndQuery);
    }
}
