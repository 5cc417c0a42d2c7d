using System.Text;

namespace Herald.Client.Internal;

/// <summary>
/// A <c>multipart/form-data</c> body whose parts go in the order they were added. File names outside ASCII are
/// sent twice: an ASCII <c>filename</c> for old servers and <c>filename*=UTF-8''…</c> (RFC 8187) with the real name.
/// The caller's <c>Content-Type</c> is replaced: the boundary must be Herald's.
/// </summary>
internal sealed class MultipartBody(IReadOnlyList<MultipartPart> parts) : RequestBody
{
    public override HttpContent CreateContent(in BodyContext context)
    {
        var multipart = new MultipartContent("form-data", "herald-" + Guid.NewGuid().ToString("N"));
        foreach (var part in parts)
        {
            var content = part.CreateContent();
            content.Headers.Remove("Content-Disposition");
            content.Headers.TryAddWithoutValidation("Content-Disposition", Disposition(part.Name, part.FileName));
            content.Headers.Remove("Content-Type");
            if (part.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", part.ContentType);
            }

            multipart.Add(content);
        }

        return multipart;
    }

    /// <summary>
    /// Builds <c>form-data; name="…"; filename="…"; filename*=UTF-8''…</c>. By hand because
    /// <c>ContentDispositionHeaderValue</c> writes a non-ASCII <c>filename</c> as a MIME encoded-word
    /// (<c>=?utf-8?B?…?=</c>), which form parsers do not decode.
    /// </summary>
    internal static string Disposition(string name, string? fileName)
    {
        var builder = new StringBuilder("form-data; name=\"").Append(Quote(name)).Append('"');
        if (fileName is not null)
        {
            var ascii = Ascii.IsValid(fileName);
            builder.Append("; filename=\"").Append(Quote(ascii ? fileName : AsciiFallback(fileName))).Append('"');
            if (!ascii)
            {
                builder.Append("; filename*=UTF-8''").Append(UrlEncoding.EncodeComponent(fileName));
            }
        }

        return builder.ToString();
    }

    // As browsers do (WHATWG multipart/form-data encoding): escape the characters that would end the quoted value.
    private static string Quote(string value) =>
        value.Replace("\"", "%22", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string AsciiFallback(string fileName)
    {
        var builder = new StringBuilder(fileName.Length);
        foreach (var c in fileName.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAscii(c) && !char.IsControl(c))
            {
                builder.Append(c);
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append('_');
            }
        }

        return builder.ToString();
    }
}
