using System.IO.Pipelines;
using System.Text;
using Herald.Templating.Tests.Infrastructure;

namespace Herald.Templating.Tests.TemplateEngines;

/// <summary>The <see cref="PipeWriter"/> and <see cref="Stream"/> overloads: the bytes, their encoding, and nothing written when a render fails.</summary>
public sealed class TemplateEngineExtensionsTests
{
    private static TemplateFolder Folder() => new(
        ("page.hbs", "<p>{{name}} é ✓</p>"),
        ("failing.hbs", "<h1>half a page</h1>{{explode}}<p>never</p>"),
        ("waiting.hbs", "<h1>half a page</h1>{{wait}}<p>rest</p>"));

    private static ITemplateRenderer Renderer(TemplateFolder folder, Gate? gate = null) => Infrastructure.Engines.Handlebars(folder.Root, h => h
        .AddHelper("explode", (writer, context, arguments) => throw new InvalidOperationException("helper failed"))
        .AddHelper("wait", (writer, context, arguments) => gate?.Block()));

    private static async Task<byte[]> ReadAllAsync(Pipe pipe)
    {
        await pipe.Writer.CompleteAsync();
        using var bytes = new MemoryStream();
        await pipe.Reader.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    [Fact]
    public async Task RenderAsync_PipeWriter_WritesUtf8AndFlushes()
    {
        using var folder = Folder();
        var pipe = new Pipe();

        await Renderer(folder).RenderAsync("page", new { name = "<Ada>" }, pipe.Writer);

        Assert.Equal(Encoding.UTF8.GetBytes("<p>&lt;Ada&gt; é ✓</p>"), await ReadAllAsync(pipe));
    }

    [Fact]
    public async Task RenderAsync_PipeWriterLongTextWithSurrogatePairs_KeepsEveryPairWhole()
    {
        using var folder = Folder();
        var pipe = new Pipe();

        // An odd prefix puts a pair across each 16K-char chunk the text is encoded in.
        var name = "x" + string.Concat(Enumerable.Repeat("😀", 10_000));
        await Renderer(folder).RenderAsync("page", new { name }, pipe.Writer);

        Assert.Equal(Encoding.UTF8.GetBytes($"<p>{name} é ✓</p>"), await ReadAllAsync(pipe));
    }

    [Fact]
    public async Task RenderAsync_Stream_WritesUtf8WithoutBomAndLeavesTheStreamOpen()
    {
        using var folder = Folder();
        using var stream = new MemoryStream();

        await Renderer(folder).RenderAsync("page", new { name = "Ada" }, stream);

        Assert.Equal(Encoding.UTF8.GetBytes("<p>Ada é ✓</p>"), stream.ToArray());
        Assert.True(stream.CanWrite);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public async Task RenderAsync_StreamWithEncoding_WritesThatEncodingWithoutBom(string encodingName)
    {
        using var folder = Folder();
        using var stream = new MemoryStream();
        var encoding = Encoding.GetEncoding(encodingName);

        await Renderer(folder).RenderAsync("page", new { name = "Ada" }, stream, encoding);

        Assert.Equal(encoding.GetBytes("<p>Ada é ✓</p>"), stream.ToArray());
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("us-ascii")]
    public async Task RenderAsync_StreamWithANarrowEncoding_WritesWhatItCannotHoldAsCharacterReferences(string encodingName)
    {
        using var folder = Folder();
        using var stream = new MemoryStream();
        var encoding = Encoding.GetEncoding(encodingName);

        await Renderer(folder).RenderAsync("page", new { name = "Ada 😀" }, stream, encoding);

        // Nothing becomes '?': what the encoding holds is written as is, the rest as references a browser shows.
        var expected = encodingName == "us-ascii" ? "<p>Ada &#x1F600; &#xE9; &#x2713;</p>" : "<p>Ada &#x1F600; é &#x2713;</p>";
        Assert.Equal(encoding.GetBytes(expected), stream.ToArray());
    }

    [Fact]
    public async Task RenderAsync_StreamLongTextWithSurrogatePairs_KeepsEveryPairWhole()
    {
        using var folder = Folder();
        using var stream = new MemoryStream();
        var name = "x" + string.Concat(Enumerable.Repeat("😀", 10_000));

        await Renderer(folder).RenderAsync("page", new { name }, stream, Encoding.Unicode);

        Assert.Equal(Encoding.Unicode.GetBytes($"<p>{name} é ✓</p>"), stream.ToArray());
    }

    [Fact]
    public async Task RenderAsync_FailingRenderToPipeWriter_WritesNothing()
    {
        using var folder = Folder();
        var pipe = new Pipe();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Renderer(folder).RenderAsync("failing", null, pipe.Writer));

        Assert.Equal("helper failed", e.Message);
        Assert.Empty(await ReadAllAsync(pipe));
    }

    [Fact]
    public async Task RenderAsync_FailingRenderToStream_WritesNothing()
    {
        using var folder = Folder();
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Renderer(folder).RenderAsync("failing", null, stream));

        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task RenderAsync_SyntaxErrorToStream_WritesNothing()
    {
        using var folder = new TemplateFolder(("broken.hbs", "<h1>text</h1>{{#if x}}"));
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<TemplateSyntaxException>(async () => await Infrastructure.Engines.Handlebars(folder.Root).RenderAsync("broken", null, stream));

        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task RenderAsync_CancelledMidRenderToStreamAndPipe_ThrowsAndWritesNothing()
    {
        using var folder = Folder();
        using var stream = new MemoryStream();
        var pipe = new Pipe();

        foreach (var render in new Func<ITemplateRenderer, CancellationToken, ValueTask>[]
        {
            (renderer, token) => renderer.RenderAsync("waiting", null, stream, cancellationToken: token),
            (renderer, token) => renderer.RenderAsync("waiting", null, pipe.Writer, token),
        })
        {
            var gate = new Gate();
            var renderer = Renderer(folder, gate);
            using var cancellation = new CancellationTokenSource();
            var task = Task.Run(async () => await render(renderer, cancellation.Token));
            await gate.Entered.Task;
            await cancellation.CancelAsync();
            gate.Release.SetResult();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        }

        Assert.Equal(0, stream.Length);
        Assert.Empty(await ReadAllAsync(pipe));
    }

    [Fact]
    public async Task RenderAsync_NullArguments_Throw()
    {
        using var folder = Folder();
        var renderer = Renderer(folder);

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await renderer.RenderAsync("page", null, (PipeWriter)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await renderer.RenderAsync("page", null, (Stream)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await renderer.RenderAsync(null!, null, new MemoryStream()));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await ((ITemplateEngine)null!).RenderAsync("page", null, new Pipe().Writer));
    }
}
