namespace Herald.Templating;

/// <summary>
/// The application's template renderer: an <see cref="ITemplateEngine"/> that hands each template to the engine that has
/// it. Registered by <c>services.AddTemplating(...)</c>; inject it to render outside a request (an e-mail body, a file).
/// </summary>
/// <remarks>
/// The engine is picked by the template's name: an engine that claims the extension (<c>.hbs</c> for Handlebars) or the
/// mapped name (a Razor component) renders it; a name without an extension goes to the engines in registration order,
/// the default (<see cref="TemplatingOptions.DefaultEngine"/>) first. When no engine has the template, the
/// <see cref="TemplateNotFoundException"/> lists every location each engine searched.
/// </remarks>
public interface ITemplateRenderer : ITemplateEngine
{
    /// <summary>Gets the registered engines, the default first.</summary>
    IReadOnlyList<ITemplateEngine> Engines { get; }
}
