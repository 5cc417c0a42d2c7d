namespace Herald.Responses;

// The common HTML elements. Each container element has a lambda overload (attributes first, then content) and,
// where it holds phrasing content, a text overload that HTML-encodes the text.
public sealed partial class HtmlBuilder
{
    // Document structure

    /// <summary>Writes a <c>&lt;head&gt;</c> element (document metadata).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Head(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("head", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;title&gt;</c> element (the document title) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Title(string? text) => Open("title", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;meta&gt;</c> element (document metadata): a void element, attributes only.</summary>
    /// <param name="attributes">Sets its attributes.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="attributes"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Meta(Action<HtmlBuilder> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return Open("meta", Kind.Void, attributes, text: null);
    }

    /// <summary>Writes <c>&lt;meta name="..." content="..."&gt;</c>.</summary>
    /// <param name="name">The metadata name (<c>description</c>, <c>viewport</c>, ...).</param>
    /// <param name="content">Its value, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Meta(string name, string content)
    {
        var outer = Start("meta", Kind.Void);
        WriteAttribute("name", name).WriteAttribute("content", content);
        return End(outer);
    }

    /// <summary>Writes a <c>&lt;link&gt;</c> element (a link to an external resource): a void element, attributes only.</summary>
    /// <param name="attributes">Sets its attributes.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="attributes"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Link(Action<HtmlBuilder> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return Open("link", Kind.Void, attributes, text: null);
    }

    /// <summary>Writes <c>&lt;link rel="..." href="..."&gt;</c>.</summary>
    /// <param name="rel">The relation (<c>stylesheet</c>, <c>icon</c>, ...).</param>
    /// <param name="href">The resource's URL, HTML-encoded; one with a scheme other than http, https, mailto or tel is written as <c>about:blank#blocked</c> (see <see cref="HtmlBuilder"/>).</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Link(string rel, string href)
    {
        var outer = Start("link", Kind.Void);
        WriteAttribute("rel", rel).WriteAttribute("href", HtmlUrls.Sanitize(href, allowDataImage: false));
        return End(outer);
    }

    /// <summary>Writes a <c>&lt;script&gt;</c> element. Its content is not HTML-decoded by browsers: write code with <see cref="Raw"/>.</summary>
    /// <param name="content">Sets its attributes (<c>type</c>, <c>nonce</c>) and writes trusted code with <see cref="Raw"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Script(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("script", Kind.RawText, content, text: null);
    }

    /// <summary>Writes <c>&lt;script src="..."&gt;&lt;/script&gt;</c>, an external script.</summary>
    /// <param name="src">The script's URL, HTML-encoded; one with a scheme other than http, https, mailto or tel is written as <c>about:blank#blocked</c> (see <see cref="HtmlBuilder"/>).</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Script(string src)
    {
        var outer = Start("script", Kind.RawText);
        WriteAttribute("src", HtmlUrls.Sanitize(src, allowDataImage: false));
        return End(outer);
    }

    /// <summary>Writes a <c>&lt;style&gt;</c> element holding <paramref name="css"/>, which is written as it is.</summary>
    /// <param name="css">Trusted CSS. It may not contain <c>&lt;/style</c>, which would end the element early.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="css"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="css"/> contains <c>&lt;/style</c>.</exception>
    public HtmlBuilder Style(string css)
    {
        ArgumentNullException.ThrowIfNull(css);
        if (css.Contains("</style", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The CSS contains '</style', which would end the <style> element early and let the rest be read as HTML. Remove it.", nameof(css));
        }

        var outer = Start("style", Kind.RawText);
        Raw(css);
        return End(outer);
    }

    /// <summary>Writes a <c>&lt;body&gt;</c> element (the document body).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Body(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("body", Kind.Normal, content, text: null);
    }

    // Sections and grouping

    /// <summary>Writes a <c>&lt;div&gt;</c> element (a generic container).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Div(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("div", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;div&gt;</c> element (a generic container) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Div(string? text) => Open("div", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;span&gt;</c> element (a generic inline container).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Span(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("span", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;span&gt;</c> element (a generic inline container) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Span(string? text) => Open("span", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;p&gt;</c> element (a paragraph).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder P(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("p", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;p&gt;</c> element (a paragraph) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder P(string? text) => Open("p", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;nav&gt;</c> element (navigation links).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Nav(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("nav", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;nav&gt;</c> element (navigation links) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Nav(string? text) => Open("nav", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;header&gt;</c> element (introductory content).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Header(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("header", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;header&gt;</c> element (introductory content) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Header(string? text) => Open("header", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;footer&gt;</c> element (footer content).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Footer(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("footer", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;footer&gt;</c> element (footer content) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Footer(string? text) => Open("footer", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;main&gt;</c> element (the main content).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Main(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("main", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;main&gt;</c> element (the main content) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Main(string? text) => Open("main", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;section&gt;</c> element (a section).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Section(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("section", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;section&gt;</c> element (a section) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Section(string? text) => Open("section", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;article&gt;</c> element (a self-contained composition).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Article(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("article", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;article&gt;</c> element (a self-contained composition) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Article(string? text) => Open("article", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;h1&gt;</c> element (a level 1 heading).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder H1(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("h1", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;h1&gt;</c> element (a level 1 heading) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder H1(string? text) => Open("h1", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;h2&gt;</c> element (a level 2 heading).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder H2(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("h2", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;h2&gt;</c> element (a level 2 heading) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder H2(string? text) => Open("h2", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;h3&gt;</c> element (a level 3 heading).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder H3(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("h3", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;h3&gt;</c> element (a level 3 heading) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder H3(string? text) => Open("h3", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;h4&gt;</c> element (a level 4 heading).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder H4(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("h4", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;h4&gt;</c> element (a level 4 heading) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder H4(string? text) => Open("h4", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;h5&gt;</c> element (a level 5 heading).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder H5(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("h5", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;h5&gt;</c> element (a level 5 heading) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder H5(string? text) => Open("h5", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;h6&gt;</c> element (a level 6 heading).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder H6(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("h6", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;h6&gt;</c> element (a level 6 heading) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder H6(string? text) => Open("h6", Kind.Normal, content: null, text);

    // Lists

    /// <summary>Writes a <c>&lt;ul&gt;</c> element (an unordered list).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Ul(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("ul", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;ol&gt;</c> element (an ordered list).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Ol(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("ol", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;li&gt;</c> element (a list item).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Li(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("li", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;li&gt;</c> element (a list item) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Li(string? text) => Open("li", Kind.Normal, content: null, text);

    // Text-level

    /// <summary>Writes <c>&lt;a href="..."&gt;</c> holding <paramref name="text"/>.</summary>
    /// <param name="href">The link target, HTML-encoded; one with a scheme other than http, https, mailto or tel (<c>javascript:</c>, <c>data:</c>, ...) is written as <c>about:blank#blocked</c> (see <see cref="HtmlBuilder"/>).</param>
    /// <param name="text">The link text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder A(string href, string? text)
    {
        var outer = Start("a", Kind.Normal);
        WriteAttribute("href", HtmlUrls.Sanitize(href, allowDataImage: false)).Text(text);
        return End(outer);
    }

    /// <summary>Writes <c>&lt;a href="..."&gt;</c> with content.</summary>
    /// <param name="href">The link target, HTML-encoded; one with a scheme other than http, https, mailto or tel (<c>javascript:</c>, <c>data:</c>, ...) is written as <c>about:blank#blocked</c> (see <see cref="HtmlBuilder"/>).</param>
    /// <param name="content">Sets further attributes and writes the link's content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder A(string href, Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var safeHref = HtmlUrls.Sanitize(href, allowDataImage: false);
        var outer = Start("a", Kind.Normal);
        content(WriteAttribute("href", safeHref));
        return End(outer);
    }

    /// <summary>Writes a <c>&lt;pre&gt;</c> element (preformatted text).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Pre(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("pre", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;pre&gt;</c> element (preformatted text) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Pre(string? text) => Open("pre", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;code&gt;</c> element (a fragment of code).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Code(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("code", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;code&gt;</c> element (a fragment of code) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Code(string? text) => Open("code", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;em&gt;</c> element (stress emphasis).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Em(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("em", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;em&gt;</c> element (stress emphasis) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Em(string? text) => Open("em", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;strong&gt;</c> element (strong importance).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Strong(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("strong", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;strong&gt;</c> element (strong importance) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Strong(string? text) => Open("strong", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;br&gt;</c> line break.</summary>
    /// <returns>This builder.</returns>
    public HtmlBuilder Br() => Open("br", Kind.Void, content: null, text: null);

    /// <summary>Writes a <c>&lt;hr&gt;</c> thematic break.</summary>
    /// <returns>This builder.</returns>
    public HtmlBuilder Hr() => Open("hr", Kind.Void, content: null, text: null);

    /// <summary>Writes a <c>&lt;img&gt;</c> element (an image): a void element, attributes only.</summary>
    /// <param name="attributes">Sets its attributes.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="attributes"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Img(Action<HtmlBuilder> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return Open("img", Kind.Void, attributes, text: null);
    }

    /// <summary>Writes <c>&lt;img src="..." alt="..."&gt;</c>.</summary>
    /// <param name="src">
    /// The image's URL, HTML-encoded: http, https, relative, or inline <c>data:</c> of a raster image type (png, jpeg,
    /// gif, webp, avif, bmp). Anything else (<c>javascript:</c>, <c>data:image/svg+xml</c>, ...) is written as
    /// <c>about:blank#blocked</c> (see <see cref="HtmlBuilder"/>).
    /// </param>
    /// <param name="alt">The text alternative, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Img(string src, string alt)
    {
        var outer = Start("img", Kind.Void);
        WriteAttribute("src", HtmlUrls.Sanitize(src, allowDataImage: true)).WriteAttribute("alt", alt);
        return End(outer);
    }

    // Tables

    /// <summary>Writes a <c>&lt;table&gt;</c> element (a table).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Table(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("table", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;thead&gt;</c> element (the table head).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Thead(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("thead", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;tbody&gt;</c> element (the table body).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Tbody(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("tbody", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;tr&gt;</c> element (a table row).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Tr(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("tr", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;th&gt;</c> element (a header cell).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Th(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("th", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;th&gt;</c> element (a header cell) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Th(string? text) => Open("th", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;td&gt;</c> element (a data cell).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Td(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("td", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;td&gt;</c> element (a data cell) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Td(string? text) => Open("td", Kind.Normal, content: null, text);

    // Forms

    /// <summary>Writes a <c>&lt;form&gt;</c> element (a form).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Form(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("form", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;input&gt;</c> element (a form control): a void element, attributes only.</summary>
    /// <param name="attributes">Sets its attributes.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="attributes"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Input(Action<HtmlBuilder> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return Open("input", Kind.Void, attributes, text: null);
    }

    /// <summary>Writes <c>&lt;input type="..." name="..." value="..."&gt;</c>.</summary>
    /// <param name="type">The control type (<c>text</c>, <c>email</c>, <c>checkbox</c>, ...).</param>
    /// <param name="name">The field name.</param>
    /// <param name="value">The initial value, HTML-encoded; <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Input(string type, string name, string? value = null)
    {
        var outer = Start("input", Kind.Void);
        WriteAttribute("type", type).WriteAttribute("name", name).WriteAttribute("value", value);
        return End(outer);
    }

    /// <summary>Writes a <c>&lt;label&gt;</c> element (a caption for a control).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Label(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("label", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;label&gt;</c> element (a caption for a control) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Label(string? text) => Open("label", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;button&gt;</c> element (a button).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Button(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("button", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;button&gt;</c> element (a button) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Button(string? text) => Open("button", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;textarea&gt;</c> element (a multi-line text control).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Textarea(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("textarea", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;textarea&gt;</c> element (a multi-line text control) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Textarea(string? text) => Open("textarea", Kind.Normal, content: null, text);

    /// <summary>Writes a <c>&lt;select&gt;</c> element (a list of options).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Select(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("select", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;option&gt;</c> element (an option).</summary>
    /// <param name="content">Sets its attributes and writes its content.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="content"/> is <see langword="null"/>.</exception>
    public HtmlBuilder Option(Action<HtmlBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open("option", Kind.Normal, content, text: null);
    }

    /// <summary>Writes a <c>&lt;option&gt;</c> element (an option) holding <paramref name="text"/>.</summary>
    /// <param name="text">The text, HTML-encoded.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Option(string? text) => Open("option", Kind.Normal, content: null, text);

    /// <summary>Writes <c>&lt;option value="..."&gt;</c> holding <paramref name="text"/>.</summary>
    /// <param name="value">The value submitted when the option is chosen.</param>
    /// <param name="text">The text shown, HTML-encoded.</param>
    /// <param name="selected">Whether the option is initially selected.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Option(string value, string? text, bool selected = false)
    {
        var outer = Start("option", Kind.Normal);
        WriteAttribute("value", value);
        if (selected)
        {
            Attr("selected");
        }

        Text(text);
        return End(outer);
    }
}
