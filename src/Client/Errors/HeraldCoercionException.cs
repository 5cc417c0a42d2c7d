using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Thrown when a successful response's body cannot be converted to the requested <see cref="ResponseBodyKind"/>
/// (for example <see cref="ResponseBodyKind.Json"/> and the body is not JSON). The response, body buffered, is kept.
/// </summary>
public sealed class HeraldCoercionException : Exception
{
    internal HeraldCoercionException(HeraldResponse response, ResponseBodyKind kind, Exception inner, bool showQuery)
        : base(
            $"{response.Method?.Method} {DisplayUrl.Of(response.RequestUri, showQuery)} answered {response.Status} with a body that could not be read as {kind} " +
            $"(Content-Type: {response.Headers["Content-Type"] ?? "none"}): {inner.Message} Ask for ResponseBodyKind.String or Bytes to see it as it is.",
            inner)
    {
        Response = response;
        Kind = kind;
    }

    /// <summary>Gets the response; its body is available as text through <see cref="HeraldResponse.ReadStringAsync(CancellationToken)"/>.</summary>
    public HeraldResponse Response { get; }

    /// <summary>Gets the kind the body could not be converted to.</summary>
    public ResponseBodyKind Kind { get; }
}
