using System.Text.Json.Serialization;

namespace Herald.Responses.Tests.Negotiation;

/// <summary>A source-generated context that knows <see cref="Customer"/> and nothing else.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Customer))]
internal sealed partial class AppJsonContext : JsonSerializerContext;
