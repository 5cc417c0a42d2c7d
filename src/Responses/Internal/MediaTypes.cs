using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Internal;

/// <summary>Media types results default to, and the check for a caller's own.</summary>
internal static class MediaTypes
{
    /// <summary><c>application/octet-stream</c>: bytes of no particular type.</summary>
    public const string OctetStream = "application/octet-stream";

    /// <summary>Returns <paramref name="contentType"/> when it is a valid media type, else throws.</summary>
    /// <exception cref="ArgumentException">Thrown when the value is malformed or contains CR, LF or NUL.</exception>
    public static string Validate(string contentType, string paramName)
    {
        HeaderValueGuard.ThrowIfInvalid(contentType, paramName);
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Length == 0)
        {
            throw new ArgumentException(
                $"'{contentType}' is not a valid media type. Pass a type/subtype such as \"image/png\" or \"application/pdf\".",
                paramName);
        }

        return contentType;
    }
}
