using System.Text.Json;

namespace Herald.Client.Internal;

/// <summary>What a body needs to know when it builds its content for one send.</summary>
/// <param name="Method">The request method.</param>
/// <param name="ContentType">The <c>Content-Type</c> the caller set on the request, which wins over the body's own.</param>
/// <param name="Style">How multi-valued form fields are written.</param>
/// <param name="JsonOptions">The serializer options in force for the request.</param>
internal readonly record struct BodyContext(HttpMethod Method, string? ContentType, MultiParamStyle Style, JsonSerializerOptions JsonOptions);
