using System.Globalization;
using HandlebarsDotNet;
using Microsoft.Extensions.FileProviders;

namespace Herald.Templating;

/// <summary>Configures the Handlebars engine: where templates live, partials, helpers and formatting.</summary>
/// <remarks>
/// Templates are HTML-escaped: <c>{{value}}</c> encodes <c>&amp; &lt; &gt; " ' ` =</c>, and only the triple-stash
/// <c>{{{value}}}</c> (or a helper that writes a safe string) writes raw text. There is no switch to turn escaping off.
/// </remarks>
public sealed class HandlebarsTemplateOptions
{
    private readonly Dictionary<string, HandlebarsHelper> _helpers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HandlebarsBlockHelper> _blockHelpers = new(StringComparer.Ordinal);

    /// <summary>Gets or sets where templates are read from.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: a <see cref="PhysicalFileProvider"/> over <see cref="RootPath"/> under the
    /// application's content root. Any provider works (embedded files, a composite); names are resolved inside it only.
    /// </value>
    public IFileProvider? FileProvider { get; set; }

    /// <summary>Gets or sets the template folder, relative to the content root (or absolute), used when <see cref="FileProvider"/> is not set.</summary>
    /// <value>The default value is <c>templates</c>.</value>
    public string RootPath { get; set; } = "templates";

    /// <summary>Gets or sets the folder, inside the template root, that partials are read from: <c>{{&gt; header}}</c> reads <c>partials/header.hbs</c>.</summary>
    /// <value>The default value is <c>partials</c>.</value>
    public string PartialsFolder { get; set; } = "partials";

    /// <summary>Gets the file extensions a template name without one is tried with, in order; a name ending in one of them is read as is.</summary>
    /// <value>The default value is <c>.hbs</c>, then <c>.handlebars</c>.</value>
    public IList<string> Extensions { get; } = [".hbs", ".handlebars"];

    /// <summary>Gets or sets the culture numbers and dates are written in.</summary>
    /// <value>The default value is <see cref="CultureInfo.InvariantCulture"/>, so a page does not change with the server's locale.</value>
    public IFormatProvider FormatProvider { get; set; } = CultureInfo.InvariantCulture;

    /// <summary>
    /// Gets or sets a value indicating whether templates and partials are recompiled when their files change. Turn it
    /// off where template files never change while the app runs (a deployed app): nothing is watched, and names found
    /// missing are remembered (up to 1,024 of them), so a name another engine renders costs no file-system lookup.
    /// </summary>
    /// <value>The default value is <see langword="true"/>. Each template is compiled once and then watched through
    /// <see cref="IFileProvider.Watch"/>, and a missing name is looked for again on every render, so a file saved later
    /// is found at once.</value>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>Gets the helpers registered so far.</summary>
    internal IReadOnlyDictionary<string, HandlebarsHelper> Helpers => _helpers;

    /// <summary>Gets the block helpers registered so far.</summary>
    internal IReadOnlyDictionary<string, HandlebarsBlockHelper> BlockHelpers => _blockHelpers;

    /// <summary>Registers a helper used as <c>{{name arg ...}}</c>. What it writes with <c>WriteSafeString</c> is not escaped; <c>Write</c> escapes.</summary>
    /// <param name="name">The helper's name.</param>
    /// <param name="helper">The helper.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is empty or already registered.</exception>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public HandlebarsTemplateOptions AddHelper(string name, HandlebarsHelper helper)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(helper);
        if (!_helpers.TryAdd(name, helper))
        {
            throw new ArgumentException($"A Handlebars helper named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>Registers a block helper used as <c>{{#name arg}}...{{/name}}</c>.</summary>
    /// <param name="name">The helper's name.</param>
    /// <param name="helper">The helper.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is empty or already registered.</exception>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public HandlebarsTemplateOptions AddBlockHelper(string name, HandlebarsBlockHelper helper)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(helper);
        if (!_blockHelpers.TryAdd(name, helper))
        {
            throw new ArgumentException($"A Handlebars block helper named '{name}' is already registered.", nameof(name));
        }

        return this;
    }
}
