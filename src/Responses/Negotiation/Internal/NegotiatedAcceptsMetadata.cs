using Microsoft.AspNetCore.Http.Metadata;

namespace Herald.Responses.Negotiation;

/// <summary>
/// The media types a <see cref="Negotiated{T}"/> body may be sent in, for OpenAPI and routing. Its own type (rather
/// than the framework's <c>AcceptsMetadata</c>) lets <see cref="UnsupportedMediaTypeResponder"/> recognise Herald's
/// endpoints when routing turns a request away with 415.
/// </summary>
internal sealed class NegotiatedAcceptsMetadata(string[] contentTypes, Type requestType, bool isOptional) : IAcceptsMetadata
{
    public IReadOnlyList<string> ContentTypes { get; } = contentTypes;

    public Type? RequestType { get; } = requestType;

    public bool IsOptional { get; } = isOptional;
}
