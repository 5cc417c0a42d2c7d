using System.Collections.Concurrent;
using System.Text.Json;
using HandlebarsDotNet;
using Herald.Templating.Internal;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Herald.Templating.Handlebars;

/// <summary>
/// Handlebars.Net templates read through an <see cref="IFileProvider"/>: compiled once per name (concurrent first
/// requests wait for one compilation), cached, and recompiled when the file's change token fires.
/// </summary>
internal sealed class HandlebarsTemplateEngine : ITemplateEngine, IDisposable
{
    private readonly IHandlebars _handlebars;
    private readonly IFileProvider _files;
    private readonly string _rootDescription;
    private readonly string _partialsFolder;
    private readonly string[] _extensions;
    private readonly bool _watch;
    private readonly ILogger _logger;
    private readonly IDisposable? _ownedFiles;
    private readonly ConcurrentDictionary<string, Lazy<CompiledTemplate>> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _watchedPartials = new(StringComparer.Ordinal);

    // Names found missing, kept only when files are not watched (they never change then): a name that a later engine
    // renders (a Razor component or slice) must not cost a file-system lookup on every render. Bounded, so names taken
    // from requests cannot grow it without limit.
    private const int MaxRememberedMisses = 1024;
    private readonly ConcurrentDictionary<string, byte> _misses = new(StringComparer.Ordinal);

    public HandlebarsTemplateEngine(HandlebarsTemplateOptions options, IFileProvider files, string rootDescription, ILogger logger, bool ownsFiles)
    {
        _files = files;
        _ownedFiles = ownsFiles ? files as IDisposable : null;
        _rootDescription = rootDescription;
        _partialsFolder = options.PartialsFolder.Trim('/');
        _extensions = [.. options.Extensions];
        _watch = options.WatchForChanges;
        _logger = logger;

        var configuration = new HandlebarsConfiguration
        {
            FormatProvider = options.FormatProvider,
            PartialTemplateResolver = new PartialResolver(this),

            // The configuration's default, restated: encoding is the point of this engine and must not depend on a default.
            NoEscape = false,
        };
        configuration.ObjectDescriptorProviders.Add(new JsonElementDescriptorProvider());
        configuration.ObjectDescriptorProviders.Add(new OpaqueTypeDescriptorProvider());
        configuration.FormatterProviders.Add(new LeafValueFormatterProvider());
        _handlebars = HandlebarsDotNet.Handlebars.Create(configuration);
        foreach (var (name, helper) in options.Helpers)
        {
            _handlebars.RegisterHelper(name, helper);
        }

        foreach (var (name, helper) in options.BlockHelpers)
        {
            _handlebars.RegisterHelper(name, helper);
        }
    }

    /// <summary>Stops watching the template folder when the engine created its file provider.</summary>
    public void Dispose() => _ownedFiles?.Dispose();

    public bool CanRender(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TemplateNames.Validate(name) is null && Claims(name) && Get(name).Template is not null;
    }

    public ValueTask RenderAsync(string name, object? model, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(writer);
        cancellationToken.ThrowIfCancellationRequested();
        if (TemplateNames.Validate(name) is { } invalid)
        {
            throw new TemplateNotFoundException(name, [$"Handlebars: nothing searched under {_rootDescription}"], invalid);
        }

        var compiled = Claims(name) ? Get(name) : null;
        if (compiled?.Template is not { } template)
        {
            compiled?.Error?.Throw();
            throw new TemplateNotFoundException(name, [.. Candidates(name).Select(c => $"{_rootDescription}/{c}")]);
        }

        // A JsonDocument is read through its root element, which the JsonElement descriptor understands.
        template(writer, model is JsonDocument document ? document.RootElement : model, null);

        // Handlebars.Net renders synchronously and its helpers never see the token, so a render cancelled while a
        // helper was busy is only noticed here; it must not pass for a finished page.
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.CompletedTask;
    }

    /// <summary>A name with an extension is Handlebars' only when the extension is one of its own.</summary>
    private bool Claims(string name)
    {
        var extension = Path.GetExtension(name);
        return extension.Length == 0 || Array.Exists(_extensions, e => e.Equals(extension, StringComparison.OrdinalIgnoreCase)) || !LooksLikeExtension(extension);
    }

    // "v1.2/page" has no extension in its last segment; "page.razor" names another engine's template.
    private static bool LooksLikeExtension(string extension) => extension.Length > 1 && extension.AsSpan(1).IndexOfAnyExceptInRange('a', 'z') < 0;

    private IEnumerable<string> Candidates(string name)
    {
        var extension = Path.GetExtension(name);
        if (Array.Exists(_extensions, e => e.Equals(extension, StringComparison.OrdinalIgnoreCase)))
        {
            return [name];
        }

        return _extensions.Select(e => name + e);
    }

    /// <summary>The cached compilation for <paramref name="name"/>, recompiled once its files have changed.</summary>
    private CompiledTemplate Get(string name)
    {
        if (!_misses.IsEmpty && _misses.ContainsKey(name))
        {
            return KnownMiss;
        }

        // Bounded: each pass either returns or removes one stale entry, and a fresh entry is stale only if its file
        // changed again while it was being compiled.
        for (var attempt = 0; ; attempt++)
        {
            var lazy = _cache.GetOrAdd(name, static (n, self) => new Lazy<CompiledTemplate>(() => self.Compile(n), LazyThreadSafetyMode.ExecutionAndPublication), this);
            CompiledTemplate compiled;
            try
            {
                compiled = lazy.Value;
            }
            catch
            {
                // A failed read (a file mid-save, a permission error) is not the template's last word: the Lazy would
                // keep the exception forever, so the entry goes and the next render reads again.
                _cache.TryRemove(KeyValuePair.Create(name, lazy));
                throw;
            }

            if (!compiled.IsStale)
            {
                return compiled;
            }

            _cache.TryRemove(KeyValuePair.Create(name, lazy));
            if (compiled.Token is AlwaysChanged || attempt == 2)
            {
                // Just compiled, so current for this call; it is not kept.
                return compiled;
            }
        }
    }

    private CompiledTemplate Compile(string name)
    {
        var candidates = Candidates(name).ToArray();
        foreach (var candidate in candidates)
        {
            if (!Exists(candidate))
            {
                continue;
            }

            // Watched before the read, so a change after it fires the token; a change before it is in what is read.
            var token = Watch(candidates);
            var file = _files.GetFileInfo(candidate);
            if (!file.Exists || file.IsDirectory)
            {
                // Deleted between the two looks: this compilation says nothing lasting.
                return new CompiledTemplate(null, null, AlwaysChanged.Instance);
            }

            var source = Read(file);
            try
            {
                var template = _handlebars.Compile(new StringReader(source));
                _logger.LogDebug("Compiled Handlebars template {Template} from {Path}.", name, candidate);
                return new CompiledTemplate(template, null, token);
            }
            catch (HandlebarsException e)
            {
                return new CompiledTemplate(null, SyntaxError.From(SyntaxErrors.From(candidate, source, e)), token);
            }
        }

        // Not found: not kept, and nothing is watched for it, so names asked for by requests (/pages/{anything}) cannot
        // fill the cache or the file watcher; the next request for the name looks again, unless files never change.
        if (!_watch)
        {
            if (_misses.Count >= MaxRememberedMisses)
            {
                _misses.Clear();
            }

            _misses.TryAdd(name, 0);
        }

        return new CompiledTemplate(null, null, AlwaysChanged.Instance);
    }

    private bool Exists(string path)
    {
        var file = _files.GetFileInfo(path);
        return file.Exists && !file.IsDirectory;
    }

    /// <summary>How many names have a cached compilation; missing names never do.</summary>
    internal int CachedCount => _cache.Count;

    /// <summary>The number of names remembered as missing (only when files are not watched).</summary>
    internal int RememberedMisses => _misses.Count;

    private static readonly CompiledTemplate KnownMiss = new(null, null, AlwaysChanged.Instance);

    private IChangeToken Watch(string[] paths)
    {
        if (!_watch)
        {
            return NullChangeToken.Singleton;
        }

        return paths.Length == 1 ? _files.Watch(paths[0]) : new CompositeChangeToken([.. paths.Select(_files.Watch)]);
    }

    private static string Read(IFileInfo file)
    {
        using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads partial <paramref name="name"/> from the partials folder and registers it; watches it for changes.</summary>
    private bool TryRegisterPartial(IHandlebars handlebars, string name)
    {
        if (TemplateNames.Validate(name) is { } invalid)
        {
            throw new TemplateNotFoundException(name, [], $"Partial {invalid}");
        }

        var candidates = Candidates($"{_partialsFolder}/{name}").ToArray();
        foreach (var candidate in candidates)
        {
            var file = _files.GetFileInfo(candidate);
            if (!file.Exists || file.IsDirectory)
            {
                continue;
            }

            RegisterPartial(handlebars, name, candidate, Read(file));
            if (_watch && _watchedPartials.TryAdd(candidate, true))
            {
                // The partial is registered by name on the shared environment, so re-registering it updates every
                // compiled template that uses it.
                ChangeToken.OnChange(() => _files.Watch(candidate), () => Reload(handlebars, name, candidate));
            }

            return true;
        }

        // A missing partial is an error rather than Handlebars' silent fallback to a partial block's content: a page
        // without its layout should not pass unnoticed.
        throw new TemplateNotFoundException(name, [.. candidates.Select(c => $"{_rootDescription}/{c}")], $"The partial '{name}' was not found.");
    }

    private void Reload(IHandlebars handlebars, string name, string path)
    {
        var file = _files.GetFileInfo(path);
        if (!file.Exists)
        {
            _logger.LogWarning("Handlebars partial {Partial} was deleted from {Path}; the last version stays in use.", name, path);
            return;
        }

        try
        {
            RegisterPartial(handlebars, name, path, Read(file));
            _logger.LogDebug("Recompiled Handlebars partial {Partial} from {Path}.", name, path);
        }
        catch (Exception e) when (e is TemplateSyntaxException or IOException)
        {
            _logger.LogError(e, "Handlebars partial {Partial} could not be reloaded from {Path}; the last version stays in use.", name, path);
        }
    }

    private static void RegisterPartial(IHandlebars handlebars, string name, string path, string source)
    {
        try
        {
            handlebars.RegisterTemplate(name, source);
        }
        catch (HandlebarsException e)
        {
            throw SyntaxErrors.From(path, source, e);
        }
    }

    /// <summary>One compilation: the template, or why there is none, and the token that says when to compile again.</summary>
    private sealed class CompiledTemplate
    {
        private readonly bool _poll;
        private volatile bool _stale;

        public CompiledTemplate(
            HandlebarsTemplate<TextWriter, object, object>? template,
            SyntaxError? error,
            IChangeToken token)
        {
            Template = template;
            Error = error;
            Token = token;

            // Every render asks whether the entry is current, so a token that calls back flips a flag once instead of
            // being asked on each render (a custom provider's HasChanged may stat the file). Tokens that cannot call
            // back are asked each time, as their contract requires.
            _poll = !token.ActiveChangeCallbacks;
            if (!_poll)
            {
                token.RegisterChangeCallback(static state => ((CompiledTemplate)state!)._stale = true, this);
            }
        }

        public HandlebarsTemplate<TextWriter, object, object>? Template { get; }

        public SyntaxError? Error { get; }

        public IChangeToken Token { get; }

        public bool IsStale => _stale || (_poll && Token.HasChanged);
    }


    /// <summary>
    /// A cached syntax error, thrown as a new exception each time: one exception object thrown to concurrent requests
    /// would have its stack trace rewritten under each of them.
    /// </summary>
    private sealed record SyntaxError(string TemplateName, int Line, int Column, string Detail, Exception? Cause)
    {
        public static SyntaxError From(TemplateSyntaxException e) => new(e.TemplateName, e.Line, e.Column, e.Detail, e.InnerException);

        // The compiler's exception is kept as the inner exception for its message; it was thrown once, by the compiler,
        // and is never thrown again.
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        public void Throw() => throw new TemplateSyntaxException(TemplateName, Line, Column, Detail, Cause);
    }

    private sealed class PartialResolver(HandlebarsTemplateEngine engine) : IPartialTemplateResolver
    {
        public bool TryRegisterPartial(IHandlebars env, string? partialName, string? templatePath) =>
            partialName is not null && engine.TryRegisterPartial(engine._handlebars, partialName);
    }

    /// <summary>A token for entries that must not be reused (a missing template when nothing watches for it).</summary>
    private sealed class AlwaysChanged : IChangeToken
    {
        public static readonly AlwaysChanged Instance = new();

        public bool HasChanged => true;

        public bool ActiveChangeCallbacks => false;

        public IDisposable RegisterChangeCallback(Action<object?> callback, object? state) => EmptyDisposable.Instance;

        private sealed class EmptyDisposable : IDisposable
        {
            public static readonly EmptyDisposable Instance = new();

            public void Dispose()
            {
            }
        }
    }
}
