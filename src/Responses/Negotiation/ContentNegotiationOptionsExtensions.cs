using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Herald.Responses.Negotiation;

namespace Herald.Responses;

/// <summary>Registers Herald's built-in converters: JSON, XML and text.</summary>
public static class ContentNegotiationOptionsExtensions
{
    /// <summary>
    /// Adds JSON (<c>application/json</c>, and any <c>+json</c> type) through System.Text.Json with the application's
    /// <see cref="Microsoft.AspNetCore.Http.Json.JsonOptions"/>, so negotiated JSON matches <c>Results.Json</c>.
    /// </summary>
    /// <param name="options">The negotiation options.</param>
    /// <returns>The options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    public static ContentNegotiationOptions AddJson(this ContentNegotiationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Add(new JsonContentConverter(null));
    }

    /// <summary>Adds JSON through System.Text.Json with the given serializer options.</summary>
    /// <param name="options">The negotiation options.</param>
    /// <param name="serializerOptions">The serializer options; they become read-only.</param>
    /// <returns>The options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static ContentNegotiationOptions AddJson(this ContentNegotiationOptions options, JsonSerializerOptions serializerOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializerOptions);
        return options.Add(new JsonContentConverter(serializerOptions));
    }

    /// <summary>
    /// Adds JSON through System.Text.Json with type contracts from <paramref name="resolver"/>, typically a
    /// source-generated <see cref="JsonSerializerContext"/> (trimming- and AOT-safe). A context brings its own options
    /// (from <c>[JsonSourceGenerationOptions]</c>); any other resolver is used with the web defaults (camelCase).
    /// Types the resolver does not know are not offered as JSON.
    /// </summary>
    /// <param name="options">The negotiation options.</param>
    /// <param name="resolver">The contract resolver, such as <c>AppJsonContext.Default</c>.</param>
    /// <returns>The options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static ContentNegotiationOptions AddJson(this ContentNegotiationOptions options, IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resolver);
        var serializerOptions = resolver is JsonSerializerContext context
            ? context.Options
            : new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = resolver };
        return options.Add(new JsonContentConverter(serializerOptions));
    }

    /// <summary>
    /// Adds XML (<c>application/xml</c>, <c>text/xml</c>, and any <c>+xml</c> type) through the BCL's
    /// <c>XmlSerializer</c>; positional records and other types it cannot construct are written in the same shape (one
    /// element per property) and read through their constructor. Request bodies are read with DTDs prohibited.
    /// </summary>
    /// <param name="options">The negotiation options.</param>
    /// <returns>The options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    public static ContentNegotiationOptions AddXml(this ContentNegotiationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Add(new XmlContentConverter());
    }

    /// <summary>
    /// Adds <c>text/plain</c>: the value's <c>ToString()</c> (invariant culture for numbers and dates) in UTF-8,
    /// ISO-8859-1 or US-ASCII as <c>Accept-Charset</c> asks. Reads request bodies into <see cref="string"/>.
    /// </summary>
    /// <param name="options">The negotiation options.</param>
    /// <returns>The options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    public static ContentNegotiationOptions AddText(this ContentNegotiationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Add(new TextContentConverter());
    }
}
