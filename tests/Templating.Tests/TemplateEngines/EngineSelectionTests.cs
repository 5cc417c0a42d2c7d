using Herald.Responses;
using Herald.Templating.Handlebars;
using Herald.Templating.Razor;
using Herald.Templating.Tests.Infrastructure;
using Herald.Templating.Tests.Razor.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Templating.Tests.TemplateEngines;

/// <summary>Which engine renders a name: by its extension, by a Razor mapping, else the default engine first.</summary>
public sealed class EngineSelectionTests
{
    // Both engines can render "page": templates/page.hbs and the Plain component mapped as "page".
    private static readonly Dictionary<string, object?> Model = new() { ["Text"] = "<x>" };
    private const string HandlebarsPage = "hbs:&lt;x&gt;";
    private const string RazorPage = "<p>&lt;x&gt;</p>";

    private static Task<TestApp> StartAsync(TemplateFolder folder, Action<TemplatingOptions> configure) =>
        TestApp.StartAsync(a => a.MapGet("/{**name}", (string name) => Respond.Template(name, Model)), services => services.AddTemplating(configure));

    private static TemplateFolder Folder() => new(("page.hbs", "hbs:{{Text}}"));

    private static Action<TemplatingOptions> BothEngines(TemplateFolder folder, bool razorFirst, string? defaultEngine) => o =>
    {
        if (razorFirst)
        {
            o.AddRazor(r => r.Map<Plain>("page").Map<Greeting>("greeting")).AddHandlebars(h => h.RootPath = folder.Root);
        }
        else
        {
            o.AddHandlebars(h => h.RootPath = folder.Root).AddRazor(r => r.Map<Plain>("page").Map<Greeting>("greeting"));
        }

        o.DefaultEngine = defaultEngine;
    };

    [Theory]
    [InlineData(false, null)]
    [InlineData(false, "razor")]
    [InlineData(true, null)]
    [InlineData(true, "handlebars")]
    public async Task Template_NameWithHbsExtension_IsHandlebarsWhateverTheDefault(bool razorFirst, string? defaultEngine)
    {
        using var folder = Folder();
        await using var app = await StartAsync(folder, BothEngines(folder, razorFirst, defaultEngine));

        Assert.Equal(HandlebarsPage, await app.Client.GetStringAsync("/page.hbs"));
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(false, "handlebars")]
    [InlineData(true, "razor")]
    public async Task Template_NameWithRazorExtension_IsTheMappedComponentWhateverTheDefault(bool razorFirst, string? defaultEngine)
    {
        using var folder = Folder();
        await using var app = await StartAsync(folder, BothEngines(folder, razorFirst, defaultEngine));

        Assert.Equal(RazorPage, await app.Client.GetStringAsync("/page.razor"));
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(false, "handlebars")]
    [InlineData(true, "handlebars")]
    public async Task Template_RazorMappedNameWithoutAFile_IsRazorEvenWhenHandlebarsIsTheDefault(bool razorFirst, string? defaultEngine)
    {
        using var folder = Folder();
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/", () => Respond.Template("greeting", new GreetingModel(7, "Ada"))),
            services => services.AddTemplating(BothEngines(folder, razorFirst, defaultEngine)));

        Assert.Contains("<h1>Hello, Ada!</h1><span class=\"badge\">#7</span>", await app.Client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null, HandlebarsPage)]
    [InlineData(true, null, RazorPage)]
    [InlineData(false, "razor", RazorPage)]
    [InlineData(false, "RAZOR", RazorPage)]
    [InlineData(true, "handlebars", HandlebarsPage)]
    [InlineData(false, "handlebars", HandlebarsPage)]
    public async Task Template_BareNameBothEnginesHave_GoesToTheDefaultEngine(bool razorFirst, string? defaultEngine, string expected)
    {
        using var folder = Folder();
        await using var app = await StartAsync(folder, BothEngines(folder, razorFirst, defaultEngine));

        Assert.Equal(expected, await app.Client.GetStringAsync("/page"));
    }

    [Fact]
    public void Engines_DefaultEngineSet_IsListedFirst()
    {
        using var folder = Folder();
        var renderer = Infrastructure.Engines.Create(BothEngines(folder, razorFirst: false, defaultEngine: "razor"));

        Assert.Collection(
            renderer.Engines,
            e => Assert.IsType<RazorTemplateEngine>(e),
            e => Assert.IsType<HandlebarsTemplateEngine>(e));
    }

    [Fact]
    public void AddTemplating_DefaultEngineNamingNoRegisteredEngine_ThrowsNamingItAndTheRegisteredOnes()
    {
        using var folder = Folder();
        var services = new ServiceCollection();

        var e = Assert.Throws<InvalidOperationException>(() => services.AddTemplating(o =>
        {
            o.AddHandlebars(h => h.RootPath = folder.Root).AddRazor();
            o.DefaultEngine = "fluid";
        }));

        Assert.Contains("DefaultEngine is 'fluid'", e.Message, StringComparison.Ordinal);
        Assert.Contains("handlebars, razor", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(ITemplateRenderer));
    }

    [Fact]
    public void AddTemplating_DefaultEngineNamingAnUnnamedCustomEngine_Throws()
    {
        var services = new ServiceCollection();

        var e = Assert.Throws<InvalidOperationException>(() => services.AddTemplating(o =>
        {
            o.AddEngine(_ => new FixedEngine("x"));
            o.DefaultEngine = "custom";
        }));

        Assert.Contains("Registered: (unnamed)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_CustomEngineNamedAsDefault_GetsBareNamesFirst()
    {
        using var folder = Folder();
        await using var app = await StartAsync(folder, o =>
        {
            o.AddHandlebars(h => h.RootPath = folder.Root).AddEngine("custom", _ => new FixedEngine("page"));
            o.DefaultEngine = "custom";
        });

        Assert.Equal("custom:page", await app.Client.GetStringAsync("/page"));
        Assert.Equal(HandlebarsPage, await app.Client.GetStringAsync("/page.hbs"));
    }

    /// <summary>An engine with one template, to show that a custom engine takes part in the choice like a built-in one.</summary>
    private sealed class FixedEngine(string name) : ITemplateEngine
    {
        public bool CanRender(string template) => template == name;

        public ValueTask RenderAsync(string template, object? model, TextWriter writer, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (template != name)
            {
                throw new TemplateNotFoundException(template, [$"custom: only '{name}'"]);
            }

            writer.Write("custom:" + template);
            return ValueTask.CompletedTask;
        }
    }
}
