using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Conditional;

/// <summary>Turns the entity tags users write (<c>abc</c>, <c>"abc"</c>, <c>W/"abc"</c>) into RFC 9110 entity tags.</summary>
internal static class EntityTags
{
    /// <summary>The entity tag an optional <c>etag</c> argument of a <c>Respond.*</c> factory names, or <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">Thrown when the tag is empty or holds a character an entity tag cannot carry.</exception>
    public static EntityTagHeaderValue? CreateOrNull(string? tag, string paramName) =>
        tag is null ? null : Create(tag, weak: false, paramName);

    /// <summary>Creates an entity tag from an opaque value, quoting it when it is not quoted yet.</summary>
    /// <param name="tag">The tag: bare (<c>7c876b7e</c>), quoted (<c>"7c876b7e"</c>) or weak (<c>W/"7c876b7e"</c>).</param>
    /// <param name="weak">Marks the tag weak even when <paramref name="tag"/> is not written with <c>W/</c>.</param>
    /// <param name="paramName">The caller's parameter name, for the exception.</param>
    /// <exception cref="ArgumentException">Thrown when the tag is empty or holds a character an entity tag cannot carry.</exception>
    public static EntityTagHeaderValue Create(string tag, bool weak, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag, paramName);
        var span = tag.AsSpan();
        if (span.StartsWith("W/", StringComparison.Ordinal))
        {
            weak = true;
            span = span[2..];
        }

        if (span.Length >= 2 && span[0] == '"' && span[^1] == '"')
        {
            span = span[1..^1];
        }

        foreach (var c in span)
        {
            // etagc = %x21 / %x23-7E / obs-text (RFC 9110, section 8.8.3). obs-text is refused too: servers reject
            // non-ASCII header values by default (Kestrel throws when the headers are written), so it would fail later.
            if (c == '"' || c <= 0x20 || c >= 0x7F)
            {
                throw new ArgumentException(
                    $"'{tag}' is not a valid entity tag: it may not contain quotes, spaces, control characters (CR, LF, NUL) or non-ASCII characters. Pass the opaque value, for example \"7c876b7e\".",
                    paramName);
            }
        }

        return new EntityTagHeaderValue($"\"{span}\"", weak);
    }
}
