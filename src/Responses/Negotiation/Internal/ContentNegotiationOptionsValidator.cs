using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Negotiation;

/// <summary>Rejects options that could never negotiate, with messages that say what to change.</summary>
internal sealed class ContentNegotiationOptionsValidator : IValidateOptions<ContentNegotiationOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentNegotiationOptions options)
    {
        var failures = new List<string>();
        if (options.Converters.Count == 0)
        {
            failures.Add("No content converters are registered. Add at least one: builder.Services.AddContentNegotiation(o => o.AddJson()).");
        }

        for (var i = 0; i < options.Converters.Count; i++)
        {
            var converter = options.Converters[i];
            if (converter is null)
            {
                failures.Add($"Converter #{i} is null. Register converter instances with options.Add(converter).");
                continue;
            }

            var mediaTypes = converter.MediaTypes;
            if (mediaTypes is null || mediaTypes.Count == 0)
            {
                failures.Add($"Converter {converter.GetType().Name} declares no media types. Return at least one, such as \"application/json\", from MediaTypes.");
                continue;
            }

            foreach (var mediaType in mediaTypes)
            {
                if (!IsConcreteMediaType(mediaType))
                {
                    failures.Add($"Converter {converter.GetType().Name} declares \"{mediaType}\", which is not a concrete media type. Use type/subtype without wildcards or parameters, such as \"text/csv\".");
                }
            }

            if (converter.SupportedEncodings is null)
            {
                failures.Add($"Converter {converter.GetType().Name} returns null from SupportedEncodings. Return an empty list for a binary format.");
            }
        }

        if (options.FormatQueryParameter is { } parameter && string.IsNullOrWhiteSpace(parameter))
        {
            failures.Add("FormatQueryParameter is blank. Set it to a query parameter name such as \"format\", or to null to turn the override off.");
        }

        foreach (var (format, mediaType) in options.Formats)
        {
            if (!IsConcreteMediaType(mediaType))
            {
                failures.Add($"Format \"{format}\" maps to \"{mediaType}\", which is not a concrete media type. Map it to type/subtype, such as \"text/csv\".");
            }
        }

        if (options.AcceptCacheSize < 0)
        {
            failures.Add($"AcceptCacheSize is {options.AcceptCacheSize}. Use 0 to turn the cache off or a positive number of entries.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsConcreteMediaType(string? mediaType) =>
        MediaTypeHeaderValue.TryParse(mediaType, out var parsed)
        && !parsed.MatchesAllTypes
        && !parsed.MatchesAllSubTypes
        && parsed.Parameters.Count == 0;
}
