namespace Herald.Client;

/// <summary>
/// What <see cref="HeraldResponse.Body"/> holds (clj-http's <c>:as</c>). Every kind but <see cref="Stream"/> reads
/// the whole body before the call returns and releases the connection.
/// </summary>
public enum ResponseBodyKind
{
    /// <summary>A <see cref="string"/>, decoded with the detected charset. The default.</summary>
    String,

    /// <summary>A <see cref="byte"/> array, as received (after decompression).</summary>
    Bytes,

    /// <summary>
    /// The body as an unbuffered <see cref="System.IO.Stream"/>: the call returns once headers arrive, and the
    /// connection is held until the stream or the response is disposed.
    /// </summary>
    Stream,

    /// <summary>A <see cref="System.Text.Json.JsonDocument"/> (read a typed value with <see cref="HeraldResponse.ReadJsonAsync{T}(System.Text.Json.JsonSerializerOptions?, CancellationToken)"/>).</summary>
    Json,

    /// <summary>A form-urlencoded body as a map from name to values, in order.</summary>
    Form,

    /// <summary>
    /// Chosen by <c>Content-Type</c>: JSON (<c>application/json</c>, <c>+json</c>) as a <see cref="System.Text.Json.JsonDocument"/>,
    /// form-urlencoded as a map, text (<c>text/*</c>, XML) as a string, anything else as bytes.
    /// </summary>
    Auto,
}
