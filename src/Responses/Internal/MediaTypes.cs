using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Internal;

/// <summary>Media types results default to, and the check for a caller's own.</summary>
internal static class MediaTypes
{
    /// <summary><c>application/octet-stream</c>: bytes of no particular type.</summary>
    public const string OctetStream = "application/octet-stream";

    /// <summary>Returns <paramref name="contentType"/> when it is a valid media type, else throws.</summary>
    /// <exception cref="ArgumentException">Thrown when the value is malformed or holds a character outside printable ASCII.</exception>
    public static string Validate(string contentType, string paramName)
    {
        ThrowIfNotHeaderSafe(contentType, paramName);
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Length == 0)
        {
            throw new ArgumentException(
                $"'{contentType}' is not a valid media type. Pass a type/subtype such as \"image/png\" or \"application/pdf\".",
                paramName);
        }

        return contentType;
    }

    /// <summary>
    /// Throws when <paramref name="contentType"/> holds a character a header value cannot carry. The framework's parser
    /// accepts non-ASCII and control characters inside quoted parameters, and the server then fails while sending the
    /// headers, after the endpoint has returned: the caller would see a bare 500 instead of this message.
    /// </summary>
    /// <exception cref="ArgumentException">Thrown for CR, LF, NUL, other control characters and non-ASCII text.</exception>
    public static void ThrowIfNotHeaderSafe(string contentType, string paramName)
    {
        HeaderValueGuard.ThrowIfInvalid(contentType, paramName);
        var index = contentType.AsSpan().IndexOfAnyExcept(HeaderValues.FieldChars);
        if (index >= 0)
        {
            throw new ArgumentException(
                $"The content type '{contentType}' contains U+{(int)contentType[index]:X4} at index {index}; a Content-Type header carries printable ASCII only. Remove the character, or percent-encode it inside the parameter value.",
                paramName);
        }
    }
}
