using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Herald.Responses.Tests.Infrastructure;

/// <summary>
/// The imperative helpers follow one convention: the receiver is <c>httpContext</c>, and every helper that writes a body
/// takes a <see cref="CancellationToken"/> last (linked with <c>RequestAborted</c>); redirects, which write no body, take
/// none. Result types implement <c>PopulateMetadata</c> explicitly, so it is not part of their public surface.
/// </summary>
public sealed class ApiConsistencyTests
{
    private static readonly string[] WithoutBody = [nameof(HeraldHttpContextExtensions.RespondRedirectAsync), nameof(HeraldHttpContextExtensions.RespondLocalRedirectAsync)];

    private static MethodInfo[] AsyncHelpers => typeof(HeraldHttpContextExtensions)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void HttpContextHelpers_NameTheReceiverHttpContext()
    {
        var helpers = typeof(HeraldHttpContextExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static);

        Assert.NotEmpty(helpers);
        Assert.All(helpers, m => Assert.Equal("httpContext", m.GetParameters()[0].Name));
    }

    [Fact]
    public void HttpContextHelpers_ThatWriteOrReadABody_TakeCancellationTokenLast()
    {
        var withBody = AsyncHelpers.Where(m => !WithoutBody.Contains(m.Name)).ToArray();

        Assert.Contains(withBody, m => m.Name == nameof(HeraldHttpContextExtensions.RespondTextAsync));
        Assert.All(withBody, m =>
        {
            var last = m.GetParameters()[^1];
            Assert.True(last.ParameterType == typeof(CancellationToken), $"{m.Name} does not take a CancellationToken last.");
            Assert.Equal("cancellationToken", last.Name);
            Assert.True(last.IsOptional, $"{m.Name}'s CancellationToken is not optional.");
        });
    }

    [Fact]
    public void RedirectHelpers_WriteNoBody_TakeNoCancellationToken() =>
        Assert.All(
            AsyncHelpers.Where(m => WithoutBody.Contains(m.Name)),
            m => Assert.DoesNotContain(m.GetParameters(), p => p.ParameterType == typeof(CancellationToken)));

    [Fact]
    public void RespondAsync_TakesWhatRespondNegotiatedTakes()
    {
        var factory = typeof(Respond).GetMethod(nameof(Respond.Negotiated))!.GetParameters()
            .Select(p => (p.Name, p.ParameterType.IsGenericParameter ? "T" : p.ParameterType.Name));
        var helper = typeof(HeraldHttpContextExtensions).GetMethod(nameof(HeraldHttpContextExtensions.RespondAsync))!.GetParameters()
            .Skip(1)
            .Where(p => p.ParameterType != typeof(CancellationToken))
            .Select(p => (p.Name, p.ParameterType.IsGenericParameter ? "T" : p.ParameterType.Name));

        Assert.Equal(factory, helper);
    }

    [Fact]
    public void PublicTypes_ImplementPopulateMetadataExplicitly()
    {
        var providers = typeof(Respond).Assembly.GetExportedTypes()
            .Where(t => t.GetInterfaces().Any(i => i == typeof(IEndpointMetadataProvider) || i == typeof(IEndpointParameterMetadataProvider)))
            .ToArray();

        Assert.Contains(typeof(LocalFileResult), providers);
        Assert.All(providers, t => Assert.Null(t.GetMethod("PopulateMetadata", BindingFlags.Public | BindingFlags.Static)));
    }
}
