using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Negotiation;

/// <summary>
/// Derives a negotiated representation's entity tag from the one the application gives: the opaque value, a hyphen and
/// eight hex digits identifying the <c>Content-Type</c> sent (media type and charset). <c>"7c876b7e"</c> becomes, for
/// instance, <c>"7c876b7e-d4121ccc"</c> for JSON and another value for XML, so a strong tag is unique per
/// representation (RFC 9110 section 8.8.1) and a tag cached for one format never validates another.
/// </summary>
internal static class RepresentationTags
{
    /// <summary>The suffix for one <c>Content-Type</c>; computed once per negotiation candidate.</summary>
    /// <remarks>
    /// FNV-1a (32 bits) over the lower-cased value: stable across processes, restarts and servers, which
    /// <see cref="string.GetHashCode()"/> is not, and short enough to keep tags readable. The hash is hand-written
    /// because the framework's stable hashes (System.IO.Hashing) are not part of the shared framework.
    /// </remarks>
    public static string Suffix(string contentType)
    {
        const uint OffsetBasis = 2166136261;
        const uint Prime = 16777619;
        var hash = OffsetBasis;
        foreach (var c in contentType)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
        }

        return "-" + hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>The tag for the chosen representation: <paramref name="etag"/>'s opaque value with <paramref name="suffix"/>, weak if it is.</summary>
    public static EntityTagHeaderValue For(EntityTagHeaderValue etag, string suffix)
    {
        // Tag holds the quoted value ("7c876b7e"); the suffix goes inside the closing quote.
        var quoted = etag.Tag.AsSpan();
        return new EntityTagHeaderValue(string.Concat(quoted[..^1], suffix, "\""), etag.IsWeak);
    }
}
