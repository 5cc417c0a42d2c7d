using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Herald.Client.Internal;

/// <summary>
/// A value serialized with System.Text.Json to UTF-8 bytes when the request is built (never through a string), so the
/// request has a <c>Content-Length</c> rather than a chunked body, a serialization error surfaces before anything is
/// sent, and every middleware that resends the body (redirects, a bearer refresh, a retry) sends the same bytes.
/// </summary>
/// <remarks>
/// <see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, JsonSerializerOptions?)"/> writes into a pooled
/// buffer and copies the result once. Handing the pooled buffer itself to the content would save that copy, but the
/// transport may still be writing the body when the message is disposed (an early response), so the buffer could
/// go back to the pool while in use.
/// </remarks>
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
        var bytes = typeInfo is not null
            ? JsonSerializer.SerializeToUtf8Bytes(value, typeInfo)
            : JsonSerializer.SerializeToUtf8Bytes(value, options ?? context.JsonOptions);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = mediaType;
        return content;
    }
}
