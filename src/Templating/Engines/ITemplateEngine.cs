namespace Herald.Templating;

/// <summary>
/// A template engine: renders a named template with a model to a <see cref="TextWriter"/>. Herald ships Handlebars and
/// Razor engines; an application plugs in another (Fluid, RazorLight, ...) by implementing this interface and registering
/// it with <see cref="TemplatingOptions.AddEngine(Func{IServiceProvider, ITemplateEngine})"/>.
/// </summary>
/// <remarks>
/// The interface is deliberately small (as Fluid's <c>IFluidTemplate</c>): rendering to a string, a
/// <see cref="System.IO.Pipelines.PipeWriter"/> or a <see cref="Stream"/> are extension methods in
/// <see cref="TemplateEngineExtensions"/>. An engine is a singleton shared by every request, so it must be thread-safe,
/// and should compile a template once and reuse it.
/// </remarks>
public interface ITemplateEngine
{
    /// <summary>Decides whether this engine has a template called <paramref name="name"/>.</summary>
    /// <param name="name">The template's name, as given to <see cref="RenderAsync"/>.</param>
    /// <returns>
    /// <see langword="true"/> when <see cref="RenderAsync"/> would find the template. Called for every render when several
    /// engines are registered, so it must be cheap.
    /// </returns>
    bool CanRender(string name);

    /// <summary>Renders the template called <paramref name="name"/> with <paramref name="model"/> to <paramref name="writer"/>.</summary>
    /// <param name="name">The template's name: a path relative to the engine's root (<c>index</c>, <c>emails/welcome.hbs</c>) or a mapped name.</param>
    /// <param name="model">The model the template reads; may be <see langword="null"/>.</param>
    /// <param name="writer">Receives the rendered text.</param>
    /// <param name="cancellationToken">Stops rendering.</param>
    /// <returns>A task that completes when the template has been rendered.</returns>
    /// <exception cref="TemplateNotFoundException">Thrown when the engine has no template of that name; lists where it looked.</exception>
    /// <exception cref="TemplateSyntaxException">Thrown when the template cannot be compiled; names template, line and column.</exception>
    ValueTask RenderAsync(string name, object? model, TextWriter writer, CancellationToken cancellationToken);
}
