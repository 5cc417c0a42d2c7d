using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Herald.Templating;

/// <summary>
/// The base of a Razor slice: a <c>.cshtml</c> file compiled at build time by the Razor SDK into a class that writes
/// straight to a <see cref="TextWriter"/>, without MVC's view engine or the component renderer. Slices with a model
/// derive from <see cref="RazorSlice{TModel}"/>.
/// </summary>
/// <remarks>
/// <para>
/// Put <c>@inherits Herald.Templating.RazorSlice&lt;TModel&gt;</c> and <c>@removeTagHelper *, Microsoft.AspNetCore.Mvc.Razor</c>
/// (MVC's default tag helpers for <c>&lt;head&gt;</c>, <c>&lt;body&gt;</c> and <c>~/</c> URLs) in a <c>_ViewImports.cshtml</c> next to the slices and
/// <c>@model MyModel</c> at the top of each slice (a slice without <c>@model</c> gets a <c>dynamic</c> model), and set
/// <c>&lt;AddRazorSupportForMvc&gt;true&lt;/AddRazorSupportForMvc&gt;</c> in the project, so the SDK compiles <c>.cshtml</c> files.
/// The generated class is named after the file's path (<c>Slices/Products.cshtml</c> becomes <c>Slices_Products</c>) in
/// the namespace given by <c>@namespace</c>.
/// </para>
/// <para>
/// Supported: markup, code (<c>@if</c>, <c>@foreach</c>, <c>@{ }</c>, <c>@functions</c>), expressions (HTML-encoded),
/// attributes (values encoded; an attribute whose only value is <see langword="null"/> or <see langword="false"/> is
/// left out, as MVC does), raw output through <see cref="Raw"/> or any <see cref="IHtmlContent"/>, and one slice
/// rendering another (<c>@await RenderPartialAsync&lt;Header&gt;()</c>). Not supported: MVC's helpers (<c>Html</c>,
/// <c>Url</c>, <c>Json</c>, <c>Component</c> are declared by the SDK but never set: use <see cref="Raw"/> in place of
/// <c>Html.Raw</c>), <c>@inject</c>, tag helpers, <c>@section</c>, <c>Layout</c> and templated delegates
/// (<c>@&lt;p&gt;...&lt;/p&gt;</c>). Pass what a slice needs in its model.
/// </para>
/// <para>
/// An instance renders one page at a time and is not thread-safe; the engine creates a fresh instance for every render
/// (with <c>new()</c>, no reflection).
/// </para>
/// </remarks>
public abstract class RazorSlice
{
    // MVC's default imports add its <head>, <body> and ~/ URL tag helpers to every .cshtml; a slice has no view context
    // to run them in, so the project's _ViewImports.cshtml removes them.
    private const string TagHelpersNotSupported =
        "Tag helpers are not supported in a Razor slice. Add '@removeTagHelper *, Microsoft.AspNetCore.Mvc.Razor' to the slices' _ViewImports.cshtml (MVC adds its <head>, <body> and ~/ URL tag helpers by default), and remove any @addTagHelper.";

    // Hand-written rather than taken from the RazorSlices package, which does not restore from this package source: it
    // is the small set of members the Razor SDK's generated code calls, writing to a TextWriter. Nothing is buffered
    // here; TemplateResult buffers the whole page so that a failing slice never sends half of one.
    private TextWriter? _writer;
    private AttributeInfo _attribute;

    /// <summary>Gets the token that stops the current render; a slice doing slow work in code may pass it on.</summary>
    protected CancellationToken CancellationToken { get; private set; }

    /// <summary>The encoder for every value written with <see cref="Write(object?)"/> and in attributes.</summary>
    private static HtmlEncoder Encoder => HtmlEncoder.Default;

    private TextWriter Output => _writer ?? throw new InvalidOperationException(
        $"{GetType().Name} wrote outside a render. Render a slice with RenderAsync(writer), Respond.Slice or Respond.Template, not by calling ExecuteAsync.");

    /// <summary>Renders the slice to <paramref name="writer"/>.</summary>
    /// <param name="writer">Receives the HTML.</param>
    /// <param name="cancellationToken">Stops rendering: checked before the slice starts and before each nested slice.</param>
    /// <returns>A task that completes when the slice has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when this instance is already rendering.</exception>
    public async ValueTask RenderAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_writer is not null)
        {
            throw new InvalidOperationException($"{GetType().Name} is already rendering. A slice instance renders one page at a time: create one per render.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        _writer = writer;
        CancellationToken = cancellationToken;
        try
        {
            await ExecuteAsync();
        }
        finally
        {
            _writer = null;
            CancellationToken = default;
        }
    }

    /// <summary>Renders the slice to a string (an e-mail body, a fragment).</summary>
    /// <param name="cancellationToken">Stops rendering.</param>
    /// <returns>The HTML.</returns>
    public async ValueTask<string> RenderToStringAsync(CancellationToken cancellationToken = default)
    {
        using var writer = new Herald.Responses.Internal.PooledTextWriter();
        await RenderAsync(writer, cancellationToken);
        return writer.ToString();
    }

    /// <summary>Writes the page. Generated by the Razor SDK from the <c>.cshtml</c> file; call <see cref="RenderAsync"/> instead.</summary>
    /// <returns>A task that completes when the page has been written.</returns>
    public abstract Task ExecuteAsync();

    /// <summary>Sets the model before a render; a slice without a model accepts only <see langword="null"/>.</summary>
    /// <param name="model">The model.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="model"/> is not <see langword="null"/>.</exception>
    internal virtual void SetModel(object? model)
    {
        if (model is not null)
        {
            throw new ArgumentException(
                $"The slice {GetType().Name} takes no model, but was given a {model.GetType().Name}. Declare one with @model (and @inherits RazorSlice<TModel>), or pass null.",
                nameof(model));
        }
    }

    /// <summary>Marks <paramref name="html"/> as HTML to write as it is, unencoded: the explicit opt-out of encoding (MVC's <c>Html.Raw</c>).</summary>
    /// <param name="html">Trusted HTML; never text that came from a user.</param>
    /// <returns>An <see cref="HtmlString"/> that <c>@</c> writes unencoded.</returns>
    protected static HtmlString Raw(string? html) => html is null ? HtmlString.Empty : new HtmlString(html);

    /// <summary>Renders <paramref name="slice"/> here, into this slice's output.</summary>
    /// <param name="slice">The slice to render, with its model set.</param>
    /// <returns><see cref="HtmlString.Empty"/>, so that <c>@await RenderPartialAsync(...)</c> writes nothing more.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="slice"/> is <see langword="null"/>.</exception>
    protected async ValueTask<HtmlString> RenderPartialAsync(RazorSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        await slice.RenderAsync(Output, CancellationToken);
        return HtmlString.Empty;
    }

    /// <summary>Renders a new <typeparamref name="TSlice"/> (a slice without a model) here.</summary>
    /// <typeparam name="TSlice">The slice.</typeparam>
    /// <returns><see cref="HtmlString.Empty"/>.</returns>
    protected ValueTask<HtmlString> RenderPartialAsync<TSlice>()
        where TSlice : RazorSlice, new() =>
        RenderPartialAsync(new TSlice());

    /// <summary>Renders a new <typeparamref name="TSlice"/> with <paramref name="model"/> here.</summary>
    /// <typeparam name="TSlice">The slice.</typeparam>
    /// <typeparam name="TModel">The slice's model type.</typeparam>
    /// <param name="model">The model.</param>
    /// <returns><see cref="HtmlString.Empty"/>.</returns>
    protected ValueTask<HtmlString> RenderPartialAsync<TSlice, TModel>(TModel model)
        where TSlice : RazorSlice<TModel>, new() =>
        RenderPartialAsync(new TSlice { Model = model });

    /// <summary>Writes markup from the <c>.cshtml</c> file as it is. Called by the generated code.</summary>
    /// <param name="value">The markup.</param>
    protected void WriteLiteral(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Output.Write(value);
        }
    }

    /// <summary>Writes text, HTML-encoded. Called by the generated code for <c>@expression</c>.</summary>
    /// <param name="value">The text.</param>
    protected void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Encoder.Encode(Output, value);
        }
    }

    /// <summary>
    /// Writes a value HTML-encoded: an <see cref="IHtmlContent"/> (<see cref="Raw"/>) as it is, anything else as its text in
    /// the current culture, as MVC does. Called by the generated code for <c>@expression</c>.
    /// </summary>
    /// <param name="value">The value; <see langword="null"/> writes nothing.</param>
    protected void Write(object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                Write(text);
                return;
            case IHtmlContent html:
                html.WriteTo(Output, Encoder);
                return;
            case ISpanFormattable formattable:
                WriteFormattable(formattable);
                return;
            default:
                Write(value.ToString());
                return;
        }
    }

    /// <summary>Starts an attribute that has code in its value. Called by the generated code.</summary>
    /// <param name="name">The attribute's name.</param>
    /// <param name="prefix">The markup before the value (<c> class="</c>).</param>
    /// <param name="prefixOffset">The prefix's position in the file.</param>
    /// <param name="suffix">The markup after the value (<c>"</c>).</param>
    /// <param name="suffixOffset">The suffix's position in the file.</param>
    /// <param name="attributeValuesCount">How many values the attribute has.</param>
    protected void BeginWriteAttribute(string name, string prefix, int prefixOffset, string suffix, int suffixOffset, int attributeValuesCount)
    {
        _attribute = new AttributeInfo(name, prefix, suffix, attributeValuesCount);

        // An attribute with a single value is left out altogether when that value is null or false, so its prefix waits
        // for the value (MVC's conditional attributes).
        if (attributeValuesCount != 1)
        {
            WriteLiteral(prefix);
        }
    }

    /// <summary>Writes one value of an attribute: literal text as it is, code HTML-encoded. Called by the generated code.</summary>
    /// <param name="prefix">The whitespace before the value.</param>
    /// <param name="prefixOffset">The prefix's position in the file.</param>
    /// <param name="value">The value.</param>
    /// <param name="valueOffset">The value's position in the file.</param>
    /// <param name="valueLength">The value's length in the file.</param>
    /// <param name="isLiteral">Whether the value is markup from the file rather than code.</param>
    protected void WriteAttributeValue(string prefix, int prefixOffset, object? value, int valueOffset, int valueLength, bool isLiteral)
    {
        if (_attribute.ValuesCount == 1)
        {
            if (string.IsNullOrEmpty(prefix) && value is null or false)
            {
                _attribute.Suppressed = true;
                return;
            }

            WriteLiteral(_attribute.Prefix);
            if (string.IsNullOrEmpty(prefix) && value is true)
            {
                // checked="@isChecked" writes checked="checked", as MVC does.
                value = _attribute.Name;
            }
        }

        if (value is null)
        {
            return;
        }

        WriteLiteral(prefix);
        if (isLiteral && value is string literal)
        {
            WriteLiteral(literal);
        }
        else
        {
            Write(value);
        }
    }

    /// <summary>Ends an attribute started with <see cref="BeginWriteAttribute"/>. Called by the generated code.</summary>
    protected void EndWriteAttribute()
    {
        if (!_attribute.Suppressed)
        {
            WriteLiteral(_attribute.Suffix);
        }

        _attribute = default;
    }

    /// <summary>Not supported in a slice: a compile error explains it when a slice uses <c>@section</c>.</summary>
    /// <param name="name">The section's name.</param>
    /// <param name="section">The section's content.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    [Obsolete("@section is not supported in a Razor slice: render the part with RenderPartialAsync, or pass it in the model.", error: true)]
    protected void DefineSection(string name, Func<Task> section) =>
        throw new NotSupportedException("@section is not supported in a Razor slice.");

    /// <summary>Not supported in a slice: a compile error explains it when a tag helper matches an element.</summary>
    /// <typeparam name="TTagHelper">The tag helper.</typeparam>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    [Obsolete(TagHelpersNotSupported, error: true)]
    protected TTagHelper CreateTagHelper<TTagHelper>()
        where TTagHelper : ITagHelper =>
        throw new NotSupportedException(TagHelpersNotSupported);

    /// <summary>Not supported in a slice: a compile error explains it when a tag helper matches an element.</summary>
    /// <param name="encoder">The tag helper's encoder.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    [Obsolete(TagHelpersNotSupported, error: true)]
    protected void StartTagHelperWritingScope(HtmlEncoder encoder) =>
        throw new NotSupportedException(TagHelpersNotSupported);

    /// <summary>Not supported in a slice: a compile error explains it when a tag helper matches an element.</summary>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    [Obsolete(TagHelpersNotSupported, error: true)]
    protected TagHelperContent EndTagHelperWritingScope() =>
        throw new NotSupportedException(TagHelpersNotSupported);

    private void WriteFormattable(ISpanFormattable value)
    {
        // Numbers, dates and the like are formatted on the stack and encoded from there, without a string per value.
        Span<char> formatted = stackalloc char[64];
        if (!value.TryFormat(formatted, out var length, default, provider: null))
        {
            Write(value.ToString());
            return;
        }

        var text = formatted[..length];
        Span<char> encoded = stackalloc char[128];
        var output = Output;
        while (true)
        {
            var status = Encoder.Encode(text, encoded, out var consumed, out var written, isFinalBlock: true);
            output.Write(encoded[..written]);
            if (status != System.Buffers.OperationStatus.DestinationTooSmall)
            {
                return;
            }

            text = text[consumed..];
        }
    }

    /// <summary>The attribute being written, between <see cref="BeginWriteAttribute"/> and <see cref="EndWriteAttribute"/>.</summary>
    private struct AttributeInfo(string name, string prefix, string suffix, int valuesCount)
    {
        public readonly string Name = name;
        public readonly string Prefix = prefix;
        public readonly string Suffix = suffix;
        public readonly int ValuesCount = valuesCount;
        public bool Suppressed;
    }
}
