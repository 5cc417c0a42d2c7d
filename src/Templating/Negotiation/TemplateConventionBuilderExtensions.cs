using Herald.Templating;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Attaches a template to endpoints for content negotiation.</summary>
public static class TemplateConventionBuilderExtensions
{
    /// <summary>
    /// Renders the endpoint's negotiated value with the template <paramref name="name"/> when the client prefers
    /// <c>text/html</c> (requires <c>o.AddTemplates()</c> in <c>AddContentNegotiation</c>); other clients keep JSON / XML.
    /// </summary>
    /// <example>
    /// <code>
    /// app.MapGet("/customer/{id}", (int id) =&gt; Respond.Negotiated(store.Find(id))).WithTemplate("customer");
    /// </code>
    /// </example>
    /// <typeparam name="TBuilder">The endpoint convention builder's type.</typeparam>
    /// <param name="builder">The endpoint, or group of endpoints.</param>
    /// <param name="name">The template's name; the model is the negotiated value.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is null or empty.</exception>
    public static TBuilder WithTemplate<TBuilder>(this TBuilder builder, string name)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var metadata = new TemplateAttribute(name);
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }
}
