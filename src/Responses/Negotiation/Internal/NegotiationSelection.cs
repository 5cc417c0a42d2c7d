using System.Text;

namespace Herald.Responses.Negotiation;

/// <summary>The outcome of negotiating one response: the candidate and which of its encodings to use.</summary>
internal readonly struct NegotiationSelection(NegotiationCandidate candidate, int encodingIndex)
{
    public NegotiationCandidate Candidate { get; } = candidate;

    public IContentConverter Converter => Candidate.Converter;

    public string MediaType => Candidate.MediaType;

    public Encoding Encoding => Candidate.Encodings[encodingIndex];

    public string ContentType => Candidate.ContentTypes[encodingIndex];

    public string EntityTagSuffix => Candidate.EntityTagSuffixes[encodingIndex];
}
