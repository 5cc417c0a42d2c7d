using System.Text;

namespace Herald.Responses.Negotiation;

/// <summary>
/// One way of answering: a converter and the media type it would send. The <c>Content-Type</c> strings for each of the
/// converter's encodings are built once here, so answering allocates none.
/// </summary>
internal sealed class NegotiationCandidate
{
    public NegotiationCandidate(IContentConverter converter, string mediaType)
    {
        Converter = converter;
        MediaType = mediaType;
        var encodings = converter.SupportedEncodings;
        if (encodings.Count == 0)
        {
            Encodings = [ContentEncodings.Utf8];
            ContentTypes = [mediaType];
        }
        else
        {
            Encodings = [.. encodings];
            ContentTypes = new string[Encodings.Length];
            for (var i = 0; i < Encodings.Length; i++)
            {
                ContentTypes[i] = $"{mediaType}; charset={Encodings[i].WebName}";
            }
        }

        EntityTagSuffixes = new string[ContentTypes.Length];
        for (var i = 0; i < ContentTypes.Length; i++)
        {
            EntityTagSuffixes[i] = RepresentationTags.Suffix(ContentTypes[i]);
        }
    }

    public IContentConverter Converter { get; }

    /// <summary>The media type sent, without parameters (a converter's own, or a suffixed one the client asked for).</summary>
    public string MediaType { get; }

    /// <summary>The encodings the converter writes, the default first (UTF-8 alone for a binary format).</summary>
    public Encoding[] Encodings { get; }

    /// <summary><c>Content-Type</c> values, parallel to <see cref="Encodings"/>.</summary>
    public string[] ContentTypes { get; }

    /// <summary>What each <c>Content-Type</c> adds to an entity tag (<see cref="RepresentationTags"/>), parallel to <see cref="ContentTypes"/>.</summary>
    public string[] EntityTagSuffixes { get; }

    public bool HasCharset => Converter.SupportedEncodings.Count > 0;
}
