using Microsoft.Extensions.DependencyInjection;

namespace Herald.Templating.Tests.Infrastructure;

/// <summary>Builds a renderer the way an application does, through <c>AddTemplating</c>.</summary>
public static class Engines
{
    public static ITemplateRenderer Create(Action<TemplatingOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTemplating(configure);
        return services.BuildServiceProvider().GetRequiredService<ITemplateRenderer>();
    }

    public static ITemplateRenderer Handlebars(string root, Action<HandlebarsTemplateOptions>? configure = null) =>
        Create(o => o.AddHandlebars(h =>
        {
            h.RootPath = root;
            configure?.Invoke(h);
        }));
}
