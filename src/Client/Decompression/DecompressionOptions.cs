namespace Herald.Client;

/// <summary>
/// Configures the decompression middleware (<see cref="HeraldMiddleware.Decompression"/>; clj-http's
/// <c>:decompress-body</c>, Ktor's <c>ContentEncoding</c>): it asks for <c>gzip, deflate, br</c> and decodes the
/// response body as it is read, never buffering it.
/// </summary>
/// <remarks>
/// <para><c>Accept-Encoding</c>: with none on the request, <c>gzip, deflate, br</c> is sent. A value the caller set is
/// kept as written (its order and q-values included) and the codings it does not mention are appended, so
/// <c>br;q=1.0</c> becomes <c>br;q=1.0, gzip, deflate</c> and <c>gzip;q=0</c> still refuses gzip. A value that names
/// <c>identity</c> or <c>*</c> is an explicit choice and is sent untouched.</para>
/// <para>Decoding: <c>gzip</c> (and <c>x-gzip</c>), <c>deflate</c> (zlib-wrapped as RFC 9110 says, or raw deflate as
/// some servers send and browsers accept) and <c>br</c>. Stacked codings (<c>Content-Encoding: gzip, br</c>) are undone
/// in reverse order. An unknown coding stops decoding there: the codings outside it are decoded and the rest is left
/// in <c>Content-Encoding</c> with the bytes as they are. A decoded body loses <c>Content-Encoding</c> and
/// <c>Content-Length</c> (which describe the encoded bytes), and <see cref="HeraldResponse.OriginalContentEncoding"/>
/// reports what the server sent. Responses to <c>HEAD</c>, and 204 and 304 responses, are left untouched.</para>
/// </remarks>
public sealed class DecompressionOptions
{
    /// <summary>The default <see cref="MaxDecodedBytes"/>: 100 MiB.</summary>
    public const long DefaultMaxDecodedBytes = 100L * 1024 * 1024;

    /// <summary>
    /// Gets or sets whether bodies are requested compressed and decoded. A single request can opt out with
    /// <see cref="DecompressionRequestExtensions.Decompress(HeraldRequest, bool)"/>.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the most bytes a decoded body may have. Reading past it throws an
    /// <see cref="HttpIOException"/> (<see cref="HttpRequestError.ConfigurationLimitExceeded"/>) as soon as the limit is
    /// crossed, so a small compressed "bomb" that would expand to gigabytes fails after reading a little of it and
    /// without allocating the rest. <see langword="null"/> removes the limit.
    /// </summary>
    /// <value>The default value is <see cref="DefaultMaxDecodedBytes"/> (100 MiB).</value>
    public long? MaxDecodedBytes { get; set; } = DefaultMaxDecodedBytes;
}
