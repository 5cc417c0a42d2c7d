using Herald.Templating.Negotiation;

namespace Herald.Responses;

/// <summary>Adds templates to Herald's content negotiation.</summary>
public static class TemplateContentNegotiationOptionsExtensions
{
    /// <summary>
    /// Answers <c>text/html</c> on endpoints that carry a template (<c>.WithTemplate("customer")</c>) by rendering it
    /// with the negotiated value; other endpoints are unaffected. Add it after the data formats, so a client without a
    /// preference (no <c>Accept</c>, or <c>*/*</c>) still gets the default format: browsers ask for <c>text/html</c> first.
    /// </summary>
    /// <param name="options">The negotiation options.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    public static ContentNegotiationOptions AddTemplates(this ContentNegotiationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Add(new TemplateContentConverter());
    }
}
