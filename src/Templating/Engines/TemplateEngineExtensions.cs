using System.IO.Pipelines;
using System.Text;
using Herald.Responses.Internal;
using Herald.Templating.Internal;

namespace Herald.Templating;

/// <summary>Convenience on <see cref="ITemplateEngine"/>: render to a string, a <see cref="PipeWriter"/> or a <see cref="Stream"/>.</summary>
/// <remarks>
/// The writer and stream overloads render into a pooled buffer first and write only when rendering has succeeded, so a
/// template that fails halfway leaves nothing half-written behind.
/// </remarks>
public static class TemplateEngineExtensions
{
    /// <summary>Renders a template to a string (an e-mail body, a document).</summary>
    /// <param name="engine">The engine or <see cref="ITemplateRenderer"/>.</param>
    /// <param name="name">The template's name.</param>
    /// <param name="model">The model; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops rendering.</param>
    /// <returns>The rendered text.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="engine"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="TemplateNotFoundException">Thrown when the template does not exist.</exception>
    /// <exception cref="TemplateSyntaxException">Thrown when the template cannot be compiled.</exception>
    public static async ValueTask<string> RenderToStringAsync(this ITemplateEngine engine, string name, object? model = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(name);
        using var buffer = new PooledTextWriter();
        await engine.RenderAsync(name, model, buffer, cancellationToken);
        return buffer.ToString();
    }

    /// <summary>Renders a template and writes it to <paramref name="writer"/> as UTF-8, then flushes.</summary>
    /// <param name="engine">The engine or <see cref="ITemplateRenderer"/>.</param>
    /// <param name="name">The template's name.</param>
    /// <param name="model">The model; may be <see langword="null"/>.</param>
    /// <param name="writer">Receives the UTF-8 bytes.</param>
    /// <param name="cancellationToken">Stops rendering and writing.</param>
    /// <returns>A task that completes when the bytes have been flushed.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="engine"/>, <paramref name="name"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="TemplateNotFoundException">Thrown when the template does not exist.</exception>
    /// <exception cref="TemplateSyntaxException">Thrown when the template cannot be compiled.</exception>
    public static async ValueTask RenderAsync(this ITemplateEngine engine, string name, object? model, PipeWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(writer);
        using var buffer = new PooledTextWriter();
        await engine.RenderAsync(name, model, buffer, cancellationToken);
        await RenderedText.WriteAsync(writer, buffer.Written, Encoding.UTF8, cancellationToken);
    }

    /// <summary>Renders a template and writes it to <paramref name="stream"/> in <paramref name="encoding"/> (UTF-8 without a BOM by default).</summary>
    /// <param name="engine">The engine or <see cref="ITemplateRenderer"/>.</param>
    /// <param name="name">The template's name.</param>
    /// <param name="model">The model; may be <see langword="null"/>.</param>
    /// <param name="stream">Receives the bytes; left open.</param>
    /// <param name="encoding">The encoding; UTF-8 when <see langword="null"/>. A character it cannot hold (a <c>✓</c> in
    /// ISO-8859-1) is written as an HTML character reference (<c>&amp;#x2713;</c>), never as <c>?</c>.</param>
    /// <param name="cancellationToken">Stops rendering and writing.</param>
    /// <returns>A task that completes when the bytes have been written and the stream flushed.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="engine"/>, <paramref name="name"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="TemplateNotFoundException">Thrown when the template does not exist.</exception>
    /// <exception cref="TemplateSyntaxException">Thrown when the template cannot be compiled.</exception>
    public static async ValueTask RenderAsync(this ITemplateEngine engine, string name, object? model, Stream stream, Encoding? encoding = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new PooledTextWriter();
        await engine.RenderAsync(name, model, buffer, cancellationToken);
        var pipe = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        await RenderedText.WriteAsync(pipe, buffer.Written, HtmlCharacterReferenceFallback.For(encoding ?? Encoding.UTF8), cancellationToken);
        await pipe.CompleteAsync();
    }
}
