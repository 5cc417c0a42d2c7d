using System.Text.Json;
using HandlebarsDotNet;
using Herald.Templating.Handlebars;
using Herald.Templating.Tests.Infrastructure;

namespace Herald.Templating.Tests.Handlebars;

public sealed class HandlebarsEngineTests
{
    [Fact]
    public async Task RenderAsync_PocoModel_WritesItsValues()
    {
        using var folder = new TemplateFolder(("index.hbs", "<p>{{Id}}: {{Name}}</p>"));
        var renderer = Engines.Handlebars(folder.Root);

        Assert.Equal("<p>1: John</p>", await renderer.RenderToStringAsync("index", new User(1, "John")));
    }

    [Fact]
    public async Task RenderAsync_ScriptInModel_IsEscapedUnlessTripleStash()
    {
        using var folder = new TemplateFolder(("page.hbs", "{{value}}|{{{value}}}"));
        var renderer = Engines.Handlebars(folder.Root);

        var html = await renderer.RenderToStringAsync("page", new { value = "<script>alert('x')</script>" });

        Assert.Equal("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;|<script>alert('x')</script>", html);
    }

    [Fact]
    public async Task RenderAsync_DictionaryModel_ReadsKeys()
    {
        using var folder = new TemplateFolder(("page.hbs", "{{title}} {{count}} {{nested.inner}}"));
        var renderer = Engines.Handlebars(folder.Root);

        var model = new Dictionary<string, object?> { ["title"] = "Hi", ["count"] = 3, ["nested"] = new Dictionary<string, object> { ["inner"] = "deep" } };

        Assert.Equal("Hi 3 deep", await renderer.RenderToStringAsync("page", model));
    }

    [Fact]
    public async Task RenderAsync_JsonElementModel_ReadsPropertiesArraysAndScalars()
    {
        using var folder = new TemplateFolder(("page.hbs",
            "{{user.name}} ({{user.id}}, {{user.score}}){{#if user.admin}} admin{{/if}}{{#unless user.blocked}} active{{/unless}}" +
            "|{{#each user.roles}}[{{@index}}:{{this}}]{{/each}}|{{user.roles.length}}|{{#each user.tags}}{{@key}}={{this}};{{/each}}|{{user.bio}}"));
        var renderer = Engines.Handlebars(folder.Root);
        using var document = JsonDocument.Parse("""
            {"user":{"id":7,"name":"Ada <Lovelace>","score":1.5,"admin":true,"blocked":false,"roles":["a","b"],"tags":{"x":"1","y":"2"},"bio":null}}
            """);

        var html = await renderer.RenderToStringAsync("page", document.RootElement);

        Assert.Equal("Ada &lt;Lovelace&gt; (7, 1.5) admin active|[0:a][1:b]|2|x=1;y=2;|", html);
        Assert.Equal(html, await renderer.RenderToStringAsync("page", document));
    }

    [Fact]
    public async Task RenderAsync_JsonArray_IsReadInPlaceWithLengthIndexAndNesting()
    {
        using var folder = new TemplateFolder(("page.hbs",
            "{{items.length}}|{{#each items}}{{#if @first}}<{{/if}}{{@index}}={{name}}{{#if @last}}>{{else}},{{/if}}{{/each}}" +
            "|{{items.[1].name}}|{{#each matrix}}[{{#each this}}{{@index}}:{{this}};{{/each}}]{{/each}}|{{#each items as |item i|}}{{i}}{{item.name}}{{/each}}" +
            "|{{#each empty}}x{{else}}none{{/each}}|{{empty.length}}"));
        var renderer = Engines.Handlebars(folder.Root);
        using var document = JsonDocument.Parse("""
            {"items":[{"name":"a"},{"name":"b"},{"name":"c"}],"matrix":[[1,2],["x"]],"empty":[]}
            """);

        var html = await renderer.RenderToStringAsync("page", document);

        Assert.Equal("3|<0=a,1=b,2=c>|b|[0:1;1:2;][0:x;]|0a1b2c|none|0", html);

        // Read in place: a template reading an array gets the element itself, not a copy of its items.
        Assert.IsType<JsonElement>(JsonElementDescriptorProvider.Unwrap(document.RootElement.GetProperty("items")));
    }

    [Fact]
    public async Task RenderAsync_TemplateNamingMethods_NeverInvokesThem()
    {
        using var folder = new TemplateFolder(("page.hbs",
            "[{{Delete}}][{{Delete.Length}}][{{#with Delete}}x{{/with}}][{{ToString}}][{{GetType}}][{{#if Delete}}y{{/if}}][{{lookup this \"Delete\"}}][{{Name}}]" +
            "[{{this}}][{{{this}}}][{{Inner}}][{{Inner.Label}}][{{#each Items}}{{this}},{{/each}}][{{Callback}}][{{Callback.Method.Name}}]" +
            "[{{Callback.Method.DeclaringType.Assembly.FullName}}][{{#each Callback.Method}}z{{/each}}][{{Kind}}][{{Id}}][{{When}}][{{Link}}][{{Price}}]"));
        var renderer = Engines.Handlebars(folder.Root);
        var model = new Dangerous();

        var html = await renderer.RenderToStringAsync("page", model);

        Assert.Equal(0, model.Calls);
        Assert.Equal(0, model.Inner.Calls);
        Assert.Equal(
            "[][][][][][][][safe][][][][inner][inner-item,,,][][][][][Monday][00000000-0000-0000-0000-000000000001][2024-05-06T07:08:09.0000000Z][https://example.com/a?b&#x3D;1&amp;c&#x3D;2][1.25]",
            html);
    }

    [Fact]
    public async Task RenderAsync_Partial_IsReadFromPartialsFolder()
    {
        using var folder = new TemplateFolder(
            ("page.hbs", "{{> header}}<main>{{body}}</main>{{> nav/footer}}"),
            ("partials/header.hbs", "<header>{{title}}</header>"),
            ("partials/nav/footer.hbs", "<footer>end</footer>"));
        var renderer = Engines.Handlebars(folder.Root);

        var html = await renderer.RenderToStringAsync("page", new { title = "T", body = "B" });

        Assert.Equal("<header>T</header><main>B</main><footer>end</footer>", html);
    }

    [Fact]
    public async Task RenderAsync_LayoutAsPartialBlock_WrapsThePage()
    {
        using var folder = new TemplateFolder(
            ("page.hbs", "{{#> layout title=\"Home\"}}<p>{{text}}</p>{{/layout}}"),
            ("partials/layout.hbs", "<html><title>{{title}}</title><body>{{> @partial-block}}</body></html>"));
        var renderer = Engines.Handlebars(folder.Root);

        Assert.Equal(
            "<html><title>Home</title><body><p>a &amp; b</p></body></html>",
            await renderer.RenderToStringAsync("page", new { text = "a & b" }));
    }

    [Fact]
    public async Task RenderAsync_MissingPartial_NamesThePartialAndWhereItLooked()
    {
        using var folder = new TemplateFolder(("page.hbs", "{{#> nolayout}}x{{/nolayout}}"));
        var renderer = Engines.Handlebars(folder.Root);

        var e = await Assert.ThrowsAnyAsync<Exception>(async () => await renderer.RenderToStringAsync("page"));

        var notFound = Assert.IsType<TemplateNotFoundException>(e as TemplateNotFoundException ?? e.InnerException);
        Assert.Contains("nolayout", notFound.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder.Root, "partials", "nolayout.hbs"), notFound.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_HelperRegisteredAtStartup_IsAvailable()
    {
        using var folder = new TemplateFolder(("page.hbs", "{{shout name}} {{#twice}}<b>{{name}}</b>{{/twice}}"));
        var renderer = Engines.Handlebars(folder.Root, h => h
            .AddHelper("shout", (writer, context, arguments) => writer.Write(arguments[0]?.ToString()?.ToUpperInvariant() + "!"))
            .AddBlockHelper("twice", (writer, options, context, arguments) =>
            {
                options.Template(writer, context);
                options.Template(writer, context);
            }));

        Assert.Equal("&lt;X&gt;! <b>&lt;x&gt;</b><b>&lt;x&gt;</b>", await renderer.RenderToStringAsync("page", new { name = "<x>" }));
    }

    [Fact]
    public async Task RenderAsync_NumbersAndDates_UseInvariantCulture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            using var folder = new TemplateFolder(("page.hbs", "{{price}}"));
            var renderer = Engines.Handlebars(folder.Root);
            Assert.Equal("1.5", await renderer.RenderToStringAsync("page", new { price = 1.5 }));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task RenderAsync_MissingTemplate_NamesEveryLocationSearched()
    {
        using var folder = new TemplateFolder();
        var renderer = Engines.Create(o => o.AddHandlebars(h => h.RootPath = folder.Root).AddRazor(r => r.Map<Razor.Components.Greeting>("greeting")));

        var e = await Assert.ThrowsAsync<TemplateNotFoundException>(async () => await renderer.RenderToStringAsync("nope"));

        Assert.Equal("nope", e.TemplateName);
        Assert.Equal(
            [Path.Combine(folder.Root, "nope.hbs"), Path.Combine(folder.Root, "nope.handlebars"), "Razor components mapped by name (greeting)"],
            e.SearchedLocations);
        Assert.Contains("'nope'", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder.Root, "nope.hbs"), e.Message, StringComparison.Ordinal);
        Assert.Contains("greeting", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line one\n{{#if ok}}\nno close", 2, 1, "'if'")]
    [InlineData("line one\n  {{#each items}}<li>{{this}}</li>\n", 2, 3, "'#each'")]
    [InlineData("a\nb {{foo", 2, 8, "end of template")]
    [InlineData("ok\n  {{/each}}", 2, 3, "'/each'")]
    public async Task RenderAsync_SyntaxError_NamesTemplateLineAndColumn(string source, int line, int column, string detail)
    {
        using var folder = new TemplateFolder(("broken.hbs", source));
        var renderer = Engines.Handlebars(folder.Root);

        var e = await Assert.ThrowsAsync<TemplateSyntaxException>(async () => await renderer.RenderToStringAsync("broken"));

        Assert.Equal("broken.hbs", e.TemplateName);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains($"'broken.hbs' has a syntax error at line {line}, column {column}", e.Message, StringComparison.Ordinal);
        Assert.Contains(detail, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("../secret.hbs")]
    [InlineData("partials/../../secret")]
    [InlineData("..\\secret")]
    [InlineData("/etc/passwd")]
    [InlineData("./../secret")]
    [InlineData("C:/secret")]
    [InlineData("..%2Fsecret")]
    [InlineData("%2e%2e/secret")]
    [InlineData("..%5Csecret")]
    [InlineData("%2Fetc%2Fpasswd")]
    public async Task RenderAsync_NameLeavingTheRoot_IsNotFoundAndReadsNothing(string name)
    {
        using var folder = new TemplateFolder(("partials/x.hbs", "x"));
        var files = new PermissiveFileProvider(folder.Root);
        var renderer = Engines.Create(o => o.AddHandlebars(h => h.FileProvider = files));

        var e = await Assert.ThrowsAsync<TemplateNotFoundException>(async () => await renderer.RenderToStringAsync(name));

        Assert.False(renderer.CanRender(name));
        Assert.Empty(files.Lookups);
        Assert.Equal(0, files.Reads);
        Assert.DoesNotContain("TOP SECRET", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PermissiveFileProvider_DotDot_ReachesTheSecret()
    {
        // What the tests above rely on: this provider itself would hand out the file outside the root.
        using var folder = new TemplateFolder();
        var files = new PermissiveFileProvider(folder.Root);

        using var reader = new StreamReader(files.GetFileInfo("../secret.hbs").CreateReadStream());

        Assert.Contains("TOP SECRET", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_AbsolutePathOfAFileOutsideTheRoot_IsNotFoundAndNeverLookedUp()
    {
        using var folder = new TemplateFolder();
        var files = new PermissiveFileProvider(folder.Root);
        var renderer = Engines.Create(o => o.AddHandlebars(h => h.FileProvider = files));

        await Assert.ThrowsAsync<TemplateNotFoundException>(async () => await renderer.RenderToStringAsync(Path.Combine(folder.Parent, "secret.hbs")));
        await Assert.ThrowsAsync<TemplateNotFoundException>(async () => await renderer.RenderToStringAsync(Path.Combine(folder.Parent, "secret")));

        Assert.Empty(files.Lookups);
    }

    [Fact]
    public async Task RenderAsync_PartialNameLeavingTheRoot_IsRefusedWithoutLookingItUp()
    {
        using var folder = new TemplateFolder(("page.hbs", "{{> ../../secret}}"));
        var files = new PermissiveFileProvider(folder.Root);
        var renderer = Engines.Create(o => o.AddHandlebars(h => h.FileProvider = files));

        var e = await Assert.ThrowsAnyAsync<Exception>(async () => await renderer.RenderToStringAsync("page"));

        Assert.DoesNotContain("TOP SECRET", e.ToString(), StringComparison.Ordinal);
        Assert.All(files.Lookups, path => Assert.DoesNotContain("..", path, StringComparison.Ordinal));
        Assert.Equal(1, files.Reads);
    }

    [Fact]
    public async Task RenderAsync_ConcurrentFirstRequests_CompileOnce()
    {
        using var folder = new TemplateFolder(("page.hbs", "<p>{{n}}</p>"));
        var files = new PermissiveFileProvider(folder.Root);
        var renderer = Engines.Create(o => o.AddHandlebars(h => h.FileProvider = files));

        // A read waits until a second read has begun: without single-flight several renders are reading at once and
        // the gate opens at once, so more than one read is certain. With it, the only read waits out the bound alone.
        using var secondRead = new ManualResetEventSlim();
        files.BeforeRead = (_, number) =>
        {
            if (number >= 2)
            {
                secondRead.Set();
            }

            secondRead.Wait(TimeSpan.FromSeconds(2));
        };
        using var start = new ManualResetEventSlim();

        var renders = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            start.Wait(TimeSpan.FromSeconds(10));
            return await renderer.RenderToStringAsync("page", new { n = i });
        })).ToArray();
        start.Set();
        var pages = await Task.WhenAll(renders).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"<p>{i}</p>"), pages);
        Assert.Equal(1, files.Reads);

        await renderer.RenderToStringAsync("page", new { n = 99 });
        Assert.Equal(1, files.Reads);
    }

    [Fact]
    public async Task RenderAsync_FirstReadFails_NextRenderReadsAgain()
    {
        using var folder = new TemplateFolder(("page.hbs", "<p>{{n}}</p>"));
        var files = new PermissiveFileProvider(folder.Root);
        files.BeforeRead = (path, number) =>
        {
            if (number == 1)
            {
                throw new IOException($"{path} is being saved.");
            }
        };
        var renderer = Engines.Create(o => o.AddHandlebars(h => h.FileProvider = files));

        await Assert.ThrowsAsync<IOException>(async () => await renderer.RenderToStringAsync("page", new { n = 1 }));

        Assert.Equal("<p>2</p>", await renderer.RenderToStringAsync("page", new { n = 2 }));
        Assert.Equal(2, files.Reads);
    }

    [Fact]
    public async Task RenderAsync_ThousandMissingNames_CacheDoesNotGrowAndALaterFileIsFound()
    {
        using var folder = new TemplateFolder(("page.hbs", "page"));
        var renderer = Engines.Handlebars(folder.Root);
        var engine = ((Internal.TemplateRenderer)renderer).Engines.OfType<Templating.Handlebars.HandlebarsTemplateEngine>().Single();
        Assert.Equal("page", await renderer.RenderToStringAsync("page"));
        var cached = engine.CachedCount;

        for (var i = 0; i < 1000; i++)
        {
            var name = $"pages/{i}";
            await Assert.ThrowsAsync<TemplateNotFoundException>(async () => await renderer.RenderToStringAsync(name));
            Assert.False(renderer.CanRender(name));
        }

        Assert.Equal(cached, engine.CachedCount);

        // Asked for while missing, then created: found on the next request, with no change notification to wait for.
        folder.Write("pages/7.hbs", "seven");
        Assert.Equal("seven", await renderer.RenderToStringAsync("pages/7"));
    }

    [Fact]
    public async Task CanRender_UnwatchedFiles_MissingNameIsLookedUpOnce_AndMissesStayBounded()
    {
        using var folder = new TemplateFolder(("page.hbs", "page"));
        var files = new PermissiveFileProvider(folder.Root);
        var renderer = Engines.Create(o => o.AddHandlebars(h =>
        {
            h.FileProvider = files;
            h.WatchForChanges = false;
        }));
        var engine = ((Internal.TemplateRenderer)renderer).Engines.OfType<Templating.Handlebars.HandlebarsTemplateEngine>().Single();

        // A name another engine renders (a Razor slice, say) is asked for on every render: the disk is asked once.
        Assert.False(renderer.CanRender("products-slice"));
        var lookups = files.Lookups.Count;
        for (var i = 0; i < 100; i++)
        {
            Assert.False(renderer.CanRender("products-slice"));
        }

        Assert.Equal(lookups, files.Lookups.Count);
        Assert.Equal("page", await renderer.RenderToStringAsync("page"));

        for (var i = 0; i < 3000; i++)
        {
            Assert.False(renderer.CanRender($"pages/{i}"));
        }

        Assert.InRange(engine.RememberedMisses, 1, 1024);
    }

    [Fact]
    public async Task RenderAsync_SyntaxErrorTwice_ThrowsANewExceptionEachTime()
    {
        using var folder = new TemplateFolder(("broken.hbs", "a\nb {{foo"));
        var renderer = Engines.Handlebars(folder.Root);

        var first = await Assert.ThrowsAsync<TemplateSyntaxException>(async () => await renderer.RenderToStringAsync("broken"));
        var second = await Assert.ThrowsAsync<TemplateSyntaxException>(async () => await renderer.RenderToStringAsync("broken"));

        Assert.NotSame(first, second);
        Assert.Equal(("broken.hbs", 2, 8), (second.TemplateName, second.Line, second.Column));
        Assert.Equal(first.Message, second.Message);
    }

    [Fact]
    public async Task RenderAsync_FileRewritten_IsRecompiled()
    {
        using var folder = new TemplateFolder(("page.hbs", "v1 {{n}}"));
        using var files = new ObservedFileProvider(folder.Root);
        var renderer = Engines.Create(o => o.AddHandlebars(h => h.FileProvider = files));
        Assert.Equal("v1 1", await renderer.RenderToStringAsync("page", new { n = 1 }));
        var changed = files.Changed("page.hbs");

        folder.Write("page.hbs", "v2 {{n}}");
        await changed.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("v2 2", await renderer.RenderToStringAsync("page", new { n = 2 }));
        Assert.Equal(2, files.Reads("page.hbs"));
    }

    [Fact]
    public async Task RenderAsync_TokenThatCallsBack_IsNotPolledPerRenderAndStillRecompiles()
    {
        using var folder = new TemplateFolder(("page.hbs", "v1 {{n}}"));
        using var files = new SignalledFileProvider(folder.Root);
        var renderer = Engines.Create(o => o.AddHandlebars(h => h.FileProvider = files));

        for (var n = 0; n < 3; n++)
        {
            Assert.Equal($"v1 {n}", await renderer.RenderToStringAsync("page", new { n }));
        }

        Assert.Equal(0, files.Polls);

        folder.Write("page.hbs", "v2 {{n}}");
        files.Fire();

        Assert.Equal("v2 3", await renderer.RenderToStringAsync("page", new { n = 3 }));
        Assert.Equal("v2 4", await renderer.RenderToStringAsync("page", new { n = 4 }));
        Assert.Equal(0, files.Polls);
    }

    [Fact]
    public async Task RenderAsync_PartialRewritten_IsRecompiledForEveryTemplate()
    {
        using var folder = new TemplateFolder(("page.hbs", "[{{> part}}]"), ("partials/part.hbs", "old"));
        using var files = new ObservedFileProvider(folder.Root);
        var renderer = Engines.Create(o => o.AddHandlebars(h => h.FileProvider = files));
        Assert.Equal("[old]", await renderer.RenderToStringAsync("page"));
        var changed = files.Changed("partials/part.hbs");
        var reads = files.Reads("partials/part.hbs");

        folder.Write("partials/part.hbs", "new");
        await changed.WaitAsync(TimeSpan.FromSeconds(30));

        // The reload runs in the change callback, right after the token fires: wait for its read, bounded by the count
        // of change notifications a single write can cause.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 1000 && clock.Elapsed < TimeSpan.FromSeconds(30) && await renderer.RenderToStringAsync("page") != "[new]"; i++)
        {
            await Task.Yield();
        }

        Assert.Equal("[new]", await renderer.RenderToStringAsync("page"));
        Assert.True(files.Reads("partials/part.hbs") > reads);
    }

    [Fact]
    public void AddTemplating_MissingTemplateFolder_SaysWhichFolder()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"herald-missing-{Guid.NewGuid():N}");

        var e = Assert.Throws<InvalidOperationException>(() => Engines.Handlebars(missing));

        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    public sealed record User(int Id, string Name);

    public sealed class Dangerous
    {
        public int Calls { get; private set; }

        public string Name => "safe";

        public Nested Inner { get; } = new();

        public object[] Items => ["inner-item", Inner, new Nested()];

        public Func<string> Callback => () =>
        {
            Calls++;
            return "called";
        };

        public DayOfWeek Kind => DayOfWeek.Monday;

        public Guid Id => new("00000000-0000-0000-0000-000000000001");

        public DateTime When => new(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);

        public Uri Link => new("https://example.com/a?b=1&c=2");

        public decimal Price => 1.25m;

        public string Delete()
        {
            Calls++;
            return "deleted";
        }

        public override string ToString()
        {
            Calls++;
            return "to-string";
        }
    }

    public sealed class Nested
    {
        public int Calls { get; private set; }

        public string Label => "inner";

        public override string ToString()
        {
            Calls++;
            return "nested-to-string";
        }
    }
}
