using Herald.Client.Internal;

namespace Herald.Client.Tests.Responses;

public sealed class LinkHeaderParserTests
{
    private static readonly Uri Request = new("https://api.example.com/items?page=2");

    [Fact]
    public void Parse_SeveralLinks_ResolvesTargetsAgainstTheRequest()
    {
        var links = LinkHeaderParser.Parse(["</items?page=3>; rel=\"next\", <https://api.example.com/items?page=1>; rel=first"], Request);

        Assert.Equal(2, links.Count);
        Assert.Equal("https://api.example.com/items?page=3", links[0].Target.ToString());
        Assert.Equal(["next"], links[0].Relations);
        Assert.Equal(["first"], links[1].Relations);
    }

    [Fact]
    public void Parse_QuotedValuesWithCommasAndSemicolons_StayWhole()
    {
        var links = LinkHeaderParser.Parse(["<a>; rel=\"next\"; title=\"one, two; three\", <b>; rel=prev"], Request);

        Assert.Equal("one, two; three", links[0].Title);
        Assert.Equal("https://api.example.com/b", links[1].Target.ToString());
    }

    [Fact]
    public void Parse_SeveralRelations_AndParameterCaseAndFirstOccurrence()
    {
        var links = LinkHeaderParser.Parse(["<x>; REL=\"Next  LAST\"; Type=\"text/html\"; type=\"ignored\"; hreflang=de"], Request);

        Assert.Equal(["next", "last"], links[0].Relations);
        Assert.Equal("text/html", links[0].Type);
        Assert.Equal("de", links[0].Parameters["hreflang"]);
    }

    [Fact]
    public void Parse_ExtendedTitle_IsDecoded()
    {
        var links = LinkHeaderParser.Parse(["</rates>; rel=\"alternate\"; title*=UTF-8'de'n%c3%a4chstes%20Kapitel"], Request);

        Assert.Equal("nächstes Kapitel", links[0].Title);
        Assert.Equal("nächstes Kapitel", links[0].Parameters["title*"]);
    }

    [Fact]
    public void Parse_SeveralHeaderLines_AreAllRead()
    {
        var links = LinkHeaderParser.Parse(["<a>; rel=next", "<b>; rel=prev"], Request);

        Assert.Equal(["next", "prev"], links.Select(l => l.Relations[0]));
    }

    [Fact]
    public void Parse_Anchor_ChangesTheContextOfRelativeTargets()
    {
        var links = LinkHeaderParser.Parse(["<c>; rel=next; anchor=\"/other/\""], Request);

        Assert.Equal("https://api.example.com/other/c", links[0].Target.ToString());
    }

    [Fact]
    public void Parse_Malformed_SkipsWhatCannotBeRead()
    {
        var links = LinkHeaderParser.Parse(["garbage, <ok>; rel=next, <unterminated"], Request);

        var link = Assert.Single(links);
        Assert.Equal(["next"], link.Relations);
    }
}
