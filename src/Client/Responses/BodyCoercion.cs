using System.Text.Json;

namespace Herald.Client.Internal;

/// <summary>Turns a buffered body into what <see cref="ResponseBodyKind"/> and <see cref="CoerceMode"/> ask for (clj-http's output coercion).</summary>
internal static class BodyCoercion
{
    /// <summary>
    /// Returns the body for <see cref="HeraldResponse.Body"/>. A body <paramref name="mode"/> leaves unconverted is a
    /// string (bytes for a binary type under <see cref="ResponseBodyKind.Auto"/>); an empty body is <see langword="null"/>.
    /// </summary>
    /// <exception cref="JsonException">Thrown when JSON was asked for and the body is not JSON.</exception>
    public static object? Coerce(HeraldResponse response, byte[] bytes, ResponseBodyKind kind, CoerceMode mode)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        var convert = mode switch
        {
            CoerceMode.Always => true,
            CoerceMode.Exceptional => !response.IsSuccess,
            _ => response.IsSuccess,
        };

        switch (kind)
        {
            case ResponseBodyKind.Bytes:
                return bytes;
            case ResponseBodyKind.String:
                return response.DecodeText(bytes);
            case ResponseBodyKind.Json:
                return !convert ? response.DecodeText(bytes)
                    : HeraldResponse.IsBlank(bytes) ? null
                    : response.ParseJson(bytes);
            case ResponseBodyKind.Form:
                return convert ? FormDecoder.Decode(response.DecodeText(bytes)) : response.DecodeText(bytes);
        }

        // Auto: decide by Content-Type.
        var mediaType = MediaTypes.MediaTypeOf(response.Headers["Content-Type"]);
        if (MediaTypes.IsJson(mediaType))
        {
            return !convert ? response.DecodeText(bytes)
                : HeraldResponse.IsBlank(bytes) ? null
                : response.ParseJson(bytes);
        }

        if (MediaTypes.IsForm(mediaType))
        {
            return convert ? FormDecoder.Decode(response.DecodeText(bytes)) : response.DecodeText(bytes);
        }

        return MediaTypes.IsText(mediaType) ? response.DecodeText(bytes) : bytes;
    }
}
