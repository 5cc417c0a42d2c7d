using System.Text;

namespace Herald.Client.Internal;

/// <summary>
/// Text encoded with an explicit encoding, else the charset of the caller's <c>Content-Type</c>, else UTF-8; the
/// <c>Content-Type</c> sent always names the charset the bytes are in.
/// </summary>
internal sealed class StringBody(string text, Encoding? encoding, string? contentType) : RequestBody
{
    public override HttpContent CreateContent(in BodyContext context)
    {
        var type = context.ContentType ?? contentType ?? MediaTypes.TextPlain;
        var chosen = encoding ?? Charsets.Find(MediaTypes.CharsetOf(type)) ?? Charsets.Utf8;
        var content = new ByteArrayContent(chosen.GetBytes(text));
        return WithContentType(content, MediaTypes.WithCharset(type, chosen.WebName));
    }
}
