using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Herald.Responses.Internal;

namespace Herald.Responses;

/// <summary>
/// Writes an HTML document element by element, in the spirit of kotlinx.html (Ktor's <c>respondHtml { }</c>): text and
/// attribute values are HTML-encoded, <see cref="Raw"/> is the explicit opt-out, void elements get no end tag.
/// </summary>
/// <remarks>
/// <para>
/// Each element method writes the element and runs its lambda with the same builder positioned inside it, so the
/// document reads as nested calls: <c>html.Head(h =&gt; h.Title("Herald")).Body(b =&gt; b.H1("Hello"))</c>. Attributes
/// (<see cref="Id"/>, <see cref="Class"/>, <see cref="Attr(string, string?)"/>) belong to the element being written and
/// come first in its lambda: <c>b.Div(d =&gt; d.Class("card").P("Text"))</c>.
/// </para>
/// <para>
/// Output goes straight to a <see cref="TextWriter"/> (a pooled buffer when responding); nothing builds strings. The
/// builder given to <see cref="Respond.Html(Action{HtmlBuilder}, int?, string?, DateTimeOffset?)"/> is the document's
/// <c>&lt;html&gt;</c> element, written after <c>&lt;!DOCTYPE html&gt;</c>.
/// </para>
/// <para>
/// The typed URL parameters (<see cref="A(string, string?)"/>, <see cref="Img(string, string)"/>,
/// <see cref="Script(string)"/>, <see cref="Link(string, string)"/>) check what a URL does, not only how it is written:
/// http, https, mailto, tel and relative URLs are written as given (and <c>Img</c> also takes inline raster images,
/// <c>data:image/png;...</c>); any other scheme, <c>javascript:</c>, <c>vbscript:</c> and <c>data:</c> among them, is
/// replaced by <c>about:blank#blocked</c>, so a link taken from user data cannot run script and the page still renders.
/// Browsers' tricks (case, leading spaces, tabs inside the scheme) are read as a browser reads them. To write a URL
/// with another scheme the application trusts, set the attribute with <see cref="Attr(string, string?)"/>, which is not
/// checked.
/// </para>
/// </remarks>
public sealed partial class HtmlBuilder
{
    // Everything outside ASCII may stay literal: the output is UTF-8. The encoder still escapes < > & " ' and
    // characters that are unsafe in HTML, as Razor's does.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly SearchValues<char> ElementNameChars = SearchValues.Create(
        "-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    // Attribute names may not hold controls, spaces, quotes, '>', '/', '=' (HTML, section 13.1.2.3), nor '<', '&'
    // and '`', which some parsers and sanitisers read as markup.
    private static readonly SearchValues<char> AttributeNameForbidden = SearchValues.Create(
        " \"'<>/=&`\u007f");

    private static readonly SearchValues<string> VoidElements = SearchValues.Create(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> RawTextElements = SearchValues.Create(["script", "style"], StringComparison.OrdinalIgnoreCase);

    private readonly TextWriter _writer;
    private string _element = string.Empty;
    private Kind _kind = Kind.Document;
    private bool _startTagOpen;

    private HtmlBuilder(TextWriter writer)
    {
        _writer = writer;
    }

    private enum Kind
    {
        Document,
        Normal,
        Void,
        RawText,
    }

    /// <summary>Writes <c>&lt;!DOCTYPE html&gt;</c> and an <c>&lt;html&gt;</c> element built by <paramref name="build"/> to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where the document goes.</param>
    /// <param name="build">Builds the <c>&lt;html&gt;</c> element: its attributes (<c>lang</c>), head and body.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="writer"/> or <paramref name="build"/> is <see langword="null"/>.</exception>
    public static void WriteDocument(TextWriter writer, Action<HtmlBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(build);
        writer.Write("<!DOCTYPE html>");
        new HtmlBuilder(writer).Open("html", Kind.Normal, build, text: null);
    }

    /// <summary>Renders a whole document to a string, for use outside a request (e-mails, files).</summary>
    /// <param name="build">Builds the <c>&lt;html&gt;</c> element: its attributes (<c>lang</c>), head and body.</param>
    /// <returns>The document, starting with <c>&lt;!DOCTYPE html&gt;</c>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="build"/> is <see langword="null"/>.</exception>
    public static string RenderDocument(Action<HtmlBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        using var writer = new PooledTextWriter();
        WriteDocument(writer, build);
        return writer.ToString();
    }

    /// <summary>Sets the current element's <c>id</c> attribute.</summary>
    /// <param name="id">The id; HTML-encoded.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the element already has content: attributes come first.</exception>
    public HtmlBuilder Id(string id) => WriteAttribute("id", id);

    /// <summary>Sets the current element's <c>class</c> attribute.</summary>
    /// <param name="classes">One or more class names separated by spaces; HTML-encoded.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the element already has content: attributes come first.</exception>
    public HtmlBuilder Class(string classes) => WriteAttribute("class", classes);

    /// <summary>Sets an attribute of the current element.</summary>
    /// <param name="name">The attribute name (<c>href</c>, <c>data-id</c>, <c>aria-label</c>, <c>hx-get</c>, ...).</param>
    /// <param name="value">The value, HTML-encoded; <see langword="null"/> leaves the attribute out.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is empty or holds a space, quote, <c>&lt;</c>, <c>&gt;</c>, <c>/</c>, <c>=</c>, <c>&amp;</c> or a control character.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the element already has content: attributes come first.</exception>
    public HtmlBuilder Attr(string name, string? value)
    {
        CheckAttributeName(name);
        return WriteAttribute(name, value);
    }

    /// <summary>Sets a boolean attribute of the current element (<c>disabled</c>, <c>checked</c>, <c>required</c>, ...).</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is not a valid attribute name.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the element already has content: attributes come first.</exception>
    public HtmlBuilder Attr(string name)
    {
        CheckAttributeName(name);
        EnsureStartTagOpen(name);
        _writer.Write(' ');
        _writer.Write(name);
        return this;
    }

    /// <summary>Writes text into the current element, HTML-encoded (<c>&lt;</c> becomes <c>&amp;lt;</c>).</summary>
    /// <param name="text">The text; <see langword="null"/> writes nothing.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">
    /// Thrown inside a void element, or inside <c>&lt;script&gt;</c> / <c>&lt;style&gt;</c>, whose content is not
    /// HTML-decoded by browsers: write it with <see cref="Raw"/>.
    /// </exception>
    public HtmlBuilder Text(string? text)
    {
        BeginContent(isText: true);
        if (!string.IsNullOrEmpty(text))
        {
            Encoder.Encode(_writer, text);
        }

        return this;
    }

    /// <summary>Writes a number, date or other formattable value as text, formatted with the invariant culture.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">A format string (<c>"N2"</c>, <c>"yyyy-MM-dd"</c>), or <see langword="null"/> for the default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">Thrown where <see cref="Text(string?)"/> is not allowed.</exception>
    public HtmlBuilder Text<T>(T value, string? format = null)
        where T : ISpanFormattable
    {
        BeginContent(isText: true);
        Span<char> buffer = stackalloc char[64];
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            WriteEncoded(buffer[..written]);
        }
        else
        {
            Encoder.Encode(_writer, value.ToString(format, CultureInfo.InvariantCulture));
        }

        return this;
    }

    /// <summary>
    /// Writes <paramref name="html"/> as it is, without encoding: the explicit opt-out for trusted markup and for the
    /// content of <c>&lt;script&gt;</c>. Never pass text that came from a user.
    /// </summary>
    /// <param name="html">Trusted HTML; <see langword="null"/> writes nothing.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">Thrown inside a void element.</exception>
    public HtmlBuilder Raw(string? html)
    {
        BeginContent(isText: false);
        _writer.Write(html);
        return this;
    }

    /// <summary>Writes an element this builder has no method for (<c>details</c>, <c>my-widget</c>, ...).</summary>
    /// <param name="name">The element name: a letter, then letters, digits, <c>-</c>, <c>_</c>, <c>.</c> or <c>:</c>.</param>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/> or <paramref name="content"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is not a valid element name.</exception>
    public HtmlBuilder Element(string name, Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open(CheckElementName(name), KindOf(name), content, text: null);
    }

    /// <summary>Writes an element this builder has no method for, with text content.</summary>
    /// <param name="name">The element name: a letter, then letters, digits, <c>-</c>, <c>_</c>, <c>.</c> or <c>:</c>.</param>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is not a valid element name.</exception>
    public HtmlBuilder Element(string name, string? text) => Open(CheckElementName(name), KindOf(name), content: null, text);

    private HtmlBuilder Open(string name, Kind kind, Action<HtmlBuilder>? content, string? text)
    {
        var outer = Start(name, kind);
        content?.Invoke(this);
        if (text is not null)
        {
            Text(text);
        }

        return End(outer);
    }

    /// <summary>Writes <c>&lt;name</c> and makes the element current; attributes may follow until content starts.</summary>
    private (string Element, Kind Kind) Start(string name, Kind kind)
    {
        BeginContent(isText: false);
        _writer.Write('<');
        _writer.Write(name);
        var outer = (_element, _kind);
        (_element, _kind, _startTagOpen) = (name, kind, true);
        return outer;
    }

    /// <summary>Closes the current element (no end tag for a void one) and makes its parent current again.</summary>
    private HtmlBuilder End((string Element, Kind Kind) outer)
    {
        CloseStartTag();
        if (_kind != Kind.Void)
        {
            _writer.Write("</");
            _writer.Write(_element);
            _writer.Write('>');
        }

        (_element, _kind) = outer;
        return this;
    }

    private HtmlBuilder WriteAttribute(string name, string? value)
    {
        EnsureStartTagOpen(name);
        if (value is null)
        {
            return this;
        }

        _writer.Write(' ');
        _writer.Write(name);
        _writer.Write("=\"");
        Encoder.Encode(_writer, value);
        _writer.Write('"');
        return this;
    }

    private void WriteEncoded(ReadOnlySpan<char> text)
    {
        Span<char> encoded = stackalloc char[256];
        while (!text.IsEmpty)
        {
            Encoder.Encode(text, encoded, out var consumed, out var written, isFinalBlock: true);
            _writer.Write(encoded[..written]);
            text = text[consumed..];
        }
    }

    private void EnsureStartTagOpen(string attribute)
    {
        if (!_startTagOpen)
        {
            throw new InvalidOperationException(_kind == Kind.Document
                ? $"Cannot set attribute '{attribute}' outside an element."
                : $"Cannot set attribute '{attribute}' on <{_element}> after its content: set attributes first in the element's lambda, for example b.Div(d => d.Class(\"card\").P(\"text\")).");
        }
    }

    private void BeginContent(bool isText)
    {
        switch (_kind)
        {
            case Kind.Void:
                throw new InvalidOperationException(
                    $"<{_element}> is a void element: it takes attributes only, never content or child elements.");
            case Kind.RawText when isText:
                throw new InvalidOperationException(
                    $"Text inside <{_element}> would be HTML-encoded, which browsers do not decode there. Write trusted code with Raw(...).");
            case Kind.RawText:
                break;
        }

        CloseStartTag();
    }

    private void CloseStartTag()
    {
        if (_startTagOpen)
        {
            _writer.Write('>');
            _startTagOpen = false;
        }
    }

    private static Kind KindOf(string name) =>
        VoidElements.Contains(name) ? Kind.Void : RawTextElements.Contains(name) ? Kind.RawText : Kind.Normal;

    private static string CheckElementName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]) || name.AsSpan().IndexOfAnyExcept(ElementNameChars) >= 0)
        {
            throw new ArgumentException(
                $"'{name}' is not a valid element name: start with a letter and use letters, digits, '-', '_', '.' or ':' (for example \"details\" or \"my-widget\").",
                nameof(name));
        }

        return name;
    }

    private static void CheckAttributeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bad = name.AsSpan().IndexOfAny(AttributeNameForbidden);
        if (bad < 0)
        {
            foreach (var c in name)
            {
                if (char.IsControl(c))
                {
                    bad = name.IndexOf(c, StringComparison.Ordinal);
                    break;
                }
            }
        }

        if (name.Length == 0 || bad >= 0)
        {
            throw new ArgumentException(
                $"'{name}' is not a valid attribute name: it may not be empty or contain spaces, quotes, '<', '>', '/', '=', '&', '`' or control characters (for example \"href\" or \"data-id\").",
                nameof(name));
        }
    }
}
