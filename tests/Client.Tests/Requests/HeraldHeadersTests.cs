namespace Herald.Client.Tests.Requests;

public sealed class HeraldHeadersTests
{
    [Fact]
    public void Lookup_IgnoresCase_AndKeepsTheFirstCasing()
    {
        var headers = new HeraldHeaders().Add("X-Request-ID", "1").Add("x-request-id", "2");

        Assert.Equal("1", headers["x-REQUEST-id"]);
        Assert.Equal(["1", "2"], headers.GetValues("X-REQUEST-ID"));
        Assert.Equal(["X-Request-ID"], headers.Names);
        Assert.All(headers, h => Assert.Equal("X-Request-ID", h.Key));
        Assert.True(headers.Contains("x-request-id"));
    }

    [Fact]
    public void RepeatedValues_KeepTheirOrder()
    {
        var headers = new HeraldHeaders().Add("A", "1").Add("B", "x").Add("A", "2").Add("A", new[] { "3", "4" });

        Assert.Equal(["1", "2", "3", "4"], headers.GetValues("a"));
        Assert.Equal(5, headers.Count);
        Assert.Equal(["A", "B"], headers.Names);
    }

    [Fact]
    public void Values_NumbersDatesAndBooleans_AreFormatted()
    {
        var headers = new HeraldHeaders()
            .Add("Int", 42)
            .Add("Double", 1.5)
            .Add("Date", new DateTimeOffset(1994, 11, 6, 8, 49, 37, TimeSpan.Zero))
            .Add("Local", new DateTimeOffset(1994, 11, 6, 10, 49, 37, TimeSpan.FromHours(2)))
            .Add("Retry-After", TimeSpan.FromMinutes(2))
            .Add("Flag", true);

        Assert.Equal("42", headers["int"]);
        Assert.Equal("1.5", headers["double"]);
        Assert.Equal("Sun, 06 Nov 1994 08:49:37 GMT", headers["date"]);
        Assert.Equal("Sun, 06 Nov 1994 08:49:37 GMT", headers["local"]);
        Assert.Equal("120", headers["retry-after"]);
        Assert.Equal("true", headers["flag"]);
    }

    [Fact]
    public void Set_ReplacesEveryValue_InPlace_AndNullRemoves()
    {
        var headers = new HeraldHeaders().Add("A", "1").Add("B", "2").Add("a", "3");

        headers.Set("A", "new");
        Assert.Equal(["A", "B"], headers.Names);
        Assert.Equal(["new"], headers.GetValues("A"));

        headers["b"] = null;
        Assert.False(headers.Contains("B"));
        Assert.False(headers.Remove("B"));
        Assert.True(headers.Remove("a"));
        Assert.Equal(0, headers.Count);
    }

    [Theory]
    [InlineData("evil\r\nX-Injected: 1")]
    [InlineData("line\nbreak")]
    [InlineData("nul\0byte")]
    public void Add_ValueWithCrLfOrNul_Throws(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => new HeraldHeaders().Add("X", value));

        Assert.Contains("CR, LF or NUL", ex.Message);
    }

    [Theory]
    [InlineData("Bad Name")]
    [InlineData("Bad:Name")]
    [InlineData("Ünicode")]
    [InlineData("")]
    public void Add_InvalidName_Throws(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new HeraldHeaders().Add(name, "v"));
    }

    [Fact]
    public void Clone_IsIndependent()
    {
        var headers = new HeraldHeaders().Add("A", "1");
        var copy = headers.Clone().Add("A", "2");

        Assert.Equal(["1"], headers.GetValues("A"));
        Assert.Equal(["1", "2"], copy.GetValues("A"));
    }
}
