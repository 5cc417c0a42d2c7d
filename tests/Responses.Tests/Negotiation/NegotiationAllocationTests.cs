using Herald.Responses.Negotiation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Responses.Tests.Negotiation;

/// <summary>
/// The selection step (Accept → converter, media type, encoding) for common Accept values allocates nothing once warm.
/// Measured on a direct call, with <see cref="GC.GetAllocatedBytesForCurrentThread"/>: an allocation count, not a timing.
/// </summary>
public sealed class NegotiationAllocationTests
{
    public static TheoryData<string?> CommonAcceptValues => new()
    {
        null,
        "*/*",
        "application/json",
        "application/xml",
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "application/json, text/plain, */*",
    };

    private static ContentNegotiator CreateNegotiator(out IServiceProvider services)
    {
        var collection = new ServiceCollection();
        collection.AddOptions();
        collection.AddContentNegotiation(o => o.AddJson().AddXml().AddText());
        services = collection.BuildServiceProvider();
        return services.GetRequiredService<ContentNegotiator>();
    }

    [Theory]
    [MemberData(nameof(CommonAcceptValues))]
    public void TrySelect_CommonAccept_AllocatesNothingWhenWarm(string? accept)
    {
        var negotiator = CreateNegotiator(out var services);
        var httpContext = new DefaultHttpContext { RequestServices = services };
        if (accept is not null)
        {
            httpContext.Request.Headers.Accept = accept;
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.True(negotiator.TrySelect(httpContext, typeof(Customer), out _, out _));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var selected = negotiator.TrySelect(httpContext, typeof(Customer), out var selection, out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(selected);
        Assert.NotNull(selection.ContentType);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TrySelect_CacheDisabled_Allocates()
    {
        // The control for the test above: parsing Accept does allocate, so a zero there is the cache at work.
        var collection = new ServiceCollection();
        collection.AddOptions();
        collection.AddContentNegotiation(o =>
        {
            o.AddJson().AddXml();
            o.AcceptCacheSize = 0;
        });
        var services = collection.BuildServiceProvider();
        var negotiator = services.GetRequiredService<ContentNegotiator>();
        var httpContext = new DefaultHttpContext { RequestServices = services };
        httpContext.Request.Headers.Accept = "application/xml";
        negotiator.TrySelect(httpContext, typeof(Customer), out _, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        negotiator.TrySelect(httpContext, typeof(Customer), out _, out _);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before > 0);
    }

    [Fact]
    public void GetCandidates_CacheFull_StillNegotiatesCorrectly()
    {
        var collection = new ServiceCollection();
        collection.AddOptions();
        collection.AddContentNegotiation(o =>
        {
            o.AddJson().AddXml();
            o.AcceptCacheSize = 2;
        });
        var negotiator = collection.BuildServiceProvider().GetRequiredService<ContentNegotiator>();

        // Ten distinct Accept values, each preferring XML; only the first two fit in the cache.
        for (var i = 1; i <= 10; i++)
        {
            var candidates = negotiator.GetCandidates($"application/xml, application/json;q=0.{i}");
            Assert.Equal(["application/xml", "application/json"], candidates.Select(c => c.MediaType));
        }

        var uncached = negotiator.GetCandidates("application/xml, application/json;q=0.99");
        Assert.NotSame(uncached, negotiator.GetCandidates("application/xml, application/json;q=0.99"));
        Assert.Equal(["application/xml", "application/json"], uncached.Select(c => c.MediaType));
        Assert.Same(negotiator.GetCandidates("application/xml, application/json;q=0.1"), negotiator.GetCandidates("application/xml, application/json;q=0.1"));
    }
}
