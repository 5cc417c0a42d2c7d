using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Herald.Client.Internal;

/// <summary>A value serialized with System.Text.Json while it is sent (never buffered as a string first).</summary>
internal sealed class JsonBody<T>(T value, JsonSerializerOptions? options, JsonTypeInfo<T>? typeInfo) : RequestBody
{
    public override HttpContent CreateContent(in BodyContext context)
    {
        MediaTypeHeaderValue? mediaType = null;
        if (context.ContentType is { } custom && !MediaTypeHeaderValue.TryParse(custom, out mediaType))
        {
            throw new InvalidOperationException($"The request's Content-Type '{custom}' is not a valid media type.");
        }

        mediaType ??= new MediaTypeHeaderValue(MediaTypes.Json) { CharSet = "utf-8" };
        return typeInfo is not null
            ? JsonContent.Create(value, typeInfo, mediaType)
            : JsonContent.Create(value, mediaType, options ?? context.JsonOptions);
    }
}
