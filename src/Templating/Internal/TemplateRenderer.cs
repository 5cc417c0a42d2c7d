namespace Herald.Templating.Internal;

/// <summary>Hands each template to the first engine, default first, that has it. Disposes the engines it created.</summary>
internal sealed class TemplateRenderer : ITemplateRenderer, IDisposable
{
    private readonly ITemplateEngine[] _engines;

    public TemplateRenderer(ITemplateEngine[] engines) => _engines = engines;

    public IReadOnlyList<ITemplateEngine> Engines => _engines;

    public void Dispose()
    {
        foreach (var engine in _engines)
        {
            (engine as IDisposable)?.Dispose();
        }
    }

    public bool CanRender(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Find(name) is not null;
    }

    public ValueTask RenderAsync(string name, object? model, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(writer);
        if (Find(name) is { } engine)
        {
            return engine.RenderAsync(name, model, writer, cancellationToken);
        }

        return ThrowNotFoundAsync(name, model, writer, cancellationToken);
    }

    private ITemplateEngine? Find(string name)
    {
        foreach (var engine in _engines)
        {
            if (engine.CanRender(name))
            {
                return engine;
            }
        }

        return null;
    }

    /// <summary>
    /// Asks every engine in turn, so the exception lists each engine's locations. None of them claimed the template, so
    /// each throws its own <see cref="TemplateNotFoundException"/> before writing anything; one that renders after all
    /// (a file written a moment ago) has rendered to the caller's writer, which is then the answer.
    /// </summary>
    private async ValueTask ThrowNotFoundAsync(string name, object? model, TextWriter writer, CancellationToken cancellationToken)
    {
        var locations = new List<string>();
        string? reason = null;
        foreach (var engine in _engines)
        {
            try
            {
                await engine.RenderAsync(name, model, writer, cancellationToken);
                return;
            }
            catch (TemplateNotFoundException e)
            {
                locations.AddRange(e.SearchedLocations);
                reason ??= e.Reason;
            }
        }

        throw new TemplateNotFoundException(name, locations, reason);
    }
}
