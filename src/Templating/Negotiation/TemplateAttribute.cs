namespace Herald.Templating;

/// <summary>
/// Endpoint metadata naming the template that renders the endpoint's negotiated value as <c>text/html</c>: with
/// <c>o.AddTemplates()</c> in content negotiation, <c>Respond.Negotiated(customer)</c> answers a browser with the page
/// and an API client with JSON or XML. Attach it with <c>.WithTemplate("customer")</c> or as an attribute on the handler.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Delegate, AllowMultiple = false)]
public sealed class TemplateAttribute : Attribute
{
    /// <summary>Creates the metadata.</summary>
    /// <param name="name">The template's name, as <c>Respond.Template</c> takes it.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is null or empty.</exception>
    public TemplateAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>Gets the template's name.</summary>
    public string Name { get; }
}
