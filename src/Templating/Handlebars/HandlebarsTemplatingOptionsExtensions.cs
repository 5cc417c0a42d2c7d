using Herald.Templating.Handlebars;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Templating;

/// <summary>Adds the Handlebars engine to <see cref="TemplatingOptions"/>.</summary>
public static class HandlebarsTemplatingOptionsExtensions
{
    /// <summary>The engine's name, for <see cref="TemplatingOptions.DefaultEngine"/>.</summary>
    public const string EngineName = "handlebars";

    /// <summary>
    /// Adds Handlebars templates read from <c>templates/</c> under the content root (<c>index</c> reads
    /// <c>templates/index.hbs</c>), with partials from <c>templates/partials/</c>.
    /// </summary>
    /// <param name="options">The templating options.</param>
    /// <param name="configure">Sets the folder or file provider, helpers and formatting; may be <see langword="null"/>.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when Handlebars is added twice.</exception>
    public static TemplatingOptions AddHandlebars(this TemplatingOptions options, Action<HandlebarsTemplateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handlebars = new HandlebarsTemplateOptions();
        configure?.Invoke(handlebars);
        if (handlebars.Extensions.Count == 0 || handlebars.Extensions.Any(e => e.Length < 2 || e[0] != '.'))
        {
            throw new ArgumentException("HandlebarsTemplateOptions.Extensions must list at least one extension, each starting with '.', such as \".hbs\".", nameof(configure));
        }

        return options.AddEngine(
            EngineName,
            sp => Create(handlebars, sp),
            static _ => { });
    }

    private static HandlebarsTemplateEngine Create(HandlebarsTemplateOptions options, IServiceProvider services)
    {
        IFileProvider files;
        string root;
        if (options.FileProvider is { } provider)
        {
            files = provider;
            root = provider is PhysicalFileProvider physical ? physical.Root.TrimEnd('/', '\\') : provider.GetType().Name;
        }
        else
        {
            var contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
            root = Path.GetFullPath(Path.Combine(contentRoot, options.RootPath));
            if (!Directory.Exists(root))
            {
                throw new InvalidOperationException(
                    $"The Handlebars template folder '{root}' does not exist. Create it, set HandlebarsTemplateOptions.RootPath, or give a FileProvider.");
            }

            files = new PhysicalFileProvider(root);
            root = root.TrimEnd('/', '\\');
        }

        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("Herald.Templating.Handlebars") ?? NullLogger.Instance;
        return new HandlebarsTemplateEngine(options, files, root, logger, ownsFiles: options.FileProvider is null);
    }
}
