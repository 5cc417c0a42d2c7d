using Herald.Templating.Tests.Infrastructure;
using Herald.Templating.Tests.Razor.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Templating.Tests.Razor;

public sealed class RazorComponentRendererTests
{
    private static ServiceProvider Services() =>
        new ServiceCollection().AddLogging().AddTemplating(o => o.AddRazor(r => r.Map<Greeting>("greeting").Map<Plain>())).BuildServiceProvider();

    [Fact]
    public async Task RenderToStringAsync_OutsideARequest_AppliesLayoutAndChildComponents()
    {
        await using var services = Services();
        var renderer = services.GetRequiredService<RazorComponentRenderer>();

        var html = await renderer.RenderToStringAsync<Greeting>(new Dictionary<string, object?> { ["Model"] = new GreetingModel(1, "<John>") });

        Assert.Equal("<html><body><header>Layout</header><h1>Hello, &lt;John&gt;!</h1><span class=\"badge\">#1</span></body></html>", html.ReplaceLineEndings("").Trim());
    }

    [Fact]
    public async Task RenderAsync_WithoutLayout_RendersTheComponentAlone()
    {
        await using var services = Services();
        var renderer = services.GetRequiredService<RazorComponentRenderer>();
        using var writer = new StringWriter();

        await renderer.RenderAsync<Plain>(new Dictionary<string, object?> { ["Text"] = "a < b" }, writer);

        Assert.Equal("<p>a &lt; b</p>", writer.ToString());
    }

    [Fact]
    public async Task TemplateRenderer_MappedName_RendersComponentWithModel()
    {
        await using var services = Services();
        var renderer = services.GetRequiredService<ITemplateRenderer>();

        Assert.True(renderer.CanRender("greeting"));
        Assert.True(renderer.CanRender("Plain.razor"));
        Assert.False(renderer.CanRender("other"));
        var html = await renderer.RenderToStringAsync("greeting", new GreetingModel(2, "Ada"));
        Assert.Contains("<h1>Hello, Ada!</h1><span class=\"badge\">#2</span>", html, StringComparison.Ordinal);
        Assert.Equal("<p>x</p>", await renderer.RenderToStringAsync("Plain", new Dictionary<string, object?> { ["Text"] = "x" }));
    }

    [Fact]
    public async Task RenderAsync_ComponentThrows_PropagatesTheError()
    {
        await using var services = Services();
        var renderer = services.GetRequiredService<RazorComponentRenderer>();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => renderer.RenderToStringAsync<Failing>());

        Assert.Equal("component failed halfway", e.Message);
    }

    [Fact]
    public void Map_SameNameTwice_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Engines.Create(o => o.AddRazor(r => r.Map<Plain>("x").Map<Greeting>("x"))));

        Assert.Contains("'x' is already mapped", e.Message, StringComparison.Ordinal);
    }
}
