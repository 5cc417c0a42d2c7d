using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// The response to a <see cref="HeraldClient"/> call: status, headers, body and what the middleware recorded
/// (redirect trace, original content encoding, cookies). Dispose it to release a streamed body's connection.
/// </summary>
/// <remarks>
/// <para><see cref="Body"/> holds the body as the request asked (<see cref="ResponseBodyKind"/>). The <c>Read…Async</c>
/// methods read it in any other shape: from the buffer when the body was buffered, else from the connection (once).</para>
/// <para>An empty body (no bytes, status 204 or 304, or a HEAD request) gives a <see langword="null"/>
/// <see cref="Body"/>, an empty string or array from <see cref="ReadStringAsync(CancellationToken)"/> and
/// <see cref="ReadBytesAsync(CancellationToken)"/>, and <see langword="default"/> from the JSON readers: never a parse error.</para>
/// </remarks>
public sealed partial class HeraldResponse : IDisposable
{
    private readonly HeraldExchange _exchange;
    private HeraldHeaders? _headers;
    private List<HeraldLink>? _allLinks;
    private Dictionary<string, HeraldLink>? _links;
    private byte[]? _bytes;
    private Stream? _stream;
    private bool _disposed;

    internal HeraldResponse(HttpResponseMessage message, HeraldExchange exchange)
    {
        Message = message;
        _exchange = exchange;
    }

    /// <summary>Gets the underlying response message.</summary>
    public HttpResponseMessage Message { get; }

    /// <summary>Gets the status code as a number.</summary>
    public int Status => (int)Message.StatusCode;

    /// <summary>Gets the status code.</summary>
    public HttpStatusCode StatusCode => Message.StatusCode;

    /// <summary>Gets the reason phrase the server sent, or the standard one for the status (HTTP/2 sends none).</summary>
    public string? ReasonPhrase => Message.ReasonPhrase;

    /// <summary>Gets the HTTP version of the response.</summary>
    public Version Version => Message.Version;

    /// <summary>Gets whether the status is in the success set that applied to the call.</summary>
    public bool IsSuccess { get; internal set; }

    /// <summary>Gets the method of the request that received this response (after redirects, which may change it).</summary>
    public HttpMethod? Method => Message.RequestMessage?.Method;

    /// <summary>Gets the URL of the request that received this response: the final one, after redirects.</summary>
    public Uri? RequestUri => Message.RequestMessage?.RequestUri;

    /// <summary>
    /// Gets the response and content headers together, as received: lookup ignores case, repeated headers keep every
    /// value in order (several <c>Set-Cookie</c> stay separate).
    /// </summary>
    public HeraldHeaders Headers => _headers ??= ReadHeaders(Message);

    /// <summary>
    /// Gets the links of the <c>Link</c> headers by relation type (lower-cased; a link with <c>rel="next last"</c>
    /// appears under both), the first link winning for each. Targets are resolved against <see cref="RequestUri"/>.
    /// </summary>
    public IReadOnlyDictionary<string, HeraldLink> Links => _links ??= IndexLinks(AllLinks);

    /// <summary>Gets every link of the <c>Link</c> headers, in order.</summary>
    public IReadOnlyList<HeraldLink> AllLinks =>
        _allLinks ??= LinkHeaderParser.Parse(Headers.GetValues("Link"), RequestUri);

    /// <summary>
    /// Gets how long the call took: from sending the request to the response being ready (headers received and, unless
    /// streamed, the body read), redirects and middleware included. Measured with <see cref="HeraldClientOptions.TimeProvider"/>.
    /// </summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Gets what <see cref="Body"/> holds.</summary>
    public ResponseBodyKind BodyKind { get; internal set; }

    /// <summary>
    /// Gets the body as the request asked: a <see cref="string"/>, a <see cref="byte"/> array, a <see cref="System.IO.Stream"/>,
    /// a <see cref="JsonDocument"/> (disposed with this response), or a form map
    /// (<see cref="IReadOnlyDictionary{TKey, TValue}"/> of name to values). A body that <see cref="CoerceMode"/> left
    /// unconverted is a string. <see langword="null"/> for an empty body, except as a stream.
    /// </summary>
    public object? Body { get; internal set; }

    /// <summary>Gets the URLs redirects led to, in order; empty when no redirect was followed.</summary>
    public IReadOnlyList<Uri> RedirectTrace => _exchange.RedirectTrace;

    /// <summary>
    /// Gets the <c>Content-Encoding</c> the server sent before the decompression middleware decoded the body, or
    /// <see langword="null"/> when the body was not encoded (or was left encoded).
    /// </summary>
    public string? OriginalContentEncoding => _exchange.OriginalContentEncoding;

    internal bool DecodeBodyHeaders { get; set; }

    internal JsonSerializerOptions JsonOptions { get; set; } = JsonSerializerOptions.Web;

    /// <summary>Whether the response can have no body whatever its headers say (RFC 9110 §6.4.1).</summary>
    internal bool HasNoBodyByDefinition =>
        Status is 204 or 304 or (>= 100 and < 200) || Message.RequestMessage?.Method == HttpMethod.Head;

    /// <summary>Reads the body as text, decoded with the charset of <c>Content-Type</c> (or a BOM, or a <c>&lt;meta&gt;</c> when asked), else UTF-8.</summary>
    /// <returns>The text; empty for an empty body.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the body was handed out as a stream.</exception>
    public async Task<string> ReadStringAsync(CancellationToken cancellationToken = default)
    {
        var bytes = await ReadBytesAsync(cancellationToken);
        return bytes.Length == 0 ? string.Empty : DecodeText(bytes);
    }

    /// <summary>Reads the body as bytes.</summary>
    /// <returns>The bytes; empty for an empty body.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the body was handed out as a stream.</exception>
    public async Task<byte[]> ReadBytesAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_bytes is null)
        {
            await BufferAsync(cancellationToken);
        }

        return _bytes!;
    }

    /// <summary>
    /// Returns the body as a stream: over the buffer when the body was buffered, else the connection's stream itself
    /// (once: it is not buffered). Disposing the stream or this response releases the connection.
    /// </summary>
    /// <exception cref="InvalidOperationException">Thrown when the unbuffered stream was already handed out.</exception>
    public async Task<Stream> ReadStreamAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_bytes is not null)
        {
            return new MemoryStream(_bytes, writable: false);
        }

        if (_stream is not null)
        {
            throw new InvalidOperationException("The response body stream was already handed out; read it from that stream.");
        }

        _stream = await Message.Content.ReadAsStreamAsync(cancellationToken);
        return _stream;
    }

    /// <summary>Reads the body as JSON into <typeparamref name="T"/>.</summary>
    /// <param name="options">Serializer options; the request's or client's when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The value, or <see langword="default"/> for an empty body.</returns>
    /// <exception cref="JsonException">Thrown when the body is not valid JSON for <typeparamref name="T"/>.</exception>
    public async Task<T?> ReadJsonAsync<T>(JsonSerializerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadBytesAsync(cancellationToken);
        if (IsBlank(bytes))
        {
            return default;
        }

        var (utf8, text) = JsonInput(bytes);
        return text is null
            ? JsonSerializer.Deserialize<T>(utf8.Span, options ?? JsonOptions)
            : JsonSerializer.Deserialize<T>(text, options ?? JsonOptions);
    }

    /// <summary>Reads the body as JSON into <typeparamref name="T"/> with source-generated metadata.</summary>
    /// <param name="typeInfo">The metadata, from a <c>JsonSerializerContext</c>.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The value, or <see langword="default"/> for an empty body.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">Thrown when the body is not valid JSON for <typeparamref name="T"/>.</exception>
    public async Task<T?> ReadJsonAsync<T>(JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var bytes = await ReadBytesAsync(cancellationToken);
        if (IsBlank(bytes))
        {
            return default;
        }

        var (utf8, text) = JsonInput(bytes);
        return text is null ? JsonSerializer.Deserialize(utf8.Span, typeInfo) : JsonSerializer.Deserialize(text, typeInfo);
    }

    /// <summary>Parses the body as a <see cref="JsonDocument"/>, which the caller disposes.</summary>
    /// <returns>The document, or <see langword="null"/> for an empty body.</returns>
    /// <exception cref="JsonException">Thrown when the body is not valid JSON.</exception>
    public async Task<JsonDocument?> ReadJsonDocumentAsync(CancellationToken cancellationToken = default)
    {
        var bytes = await ReadBytesAsync(cancellationToken);
        return IsBlank(bytes) ? null : ParseJson(bytes);
    }

    /// <summary>Reads an <c>application/x-www-form-urlencoded</c> body into a map from name to values, in order.</summary>
    /// <returns>The fields; empty for an empty body.</returns>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadFormAsync(CancellationToken cancellationToken = default)
    {
        var text = await ReadStringAsync(cancellationToken);
        return FormDecoder.Decode(text);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        (Body as IDisposable)?.Dispose();
        _stream?.Dispose();
        Message.Dispose();
    }

    /// <summary>Returns <c>STATUS REASON</c>.</summary>
    public override string ToString() => $"{Status} {ReasonPhrase}";

    /// <summary>
    /// Reads the whole body and keeps it, putting a buffered copy in <see cref="HttpResponseMessage.Content"/> so the
    /// message can still be read; the connection is free afterwards.
    /// </summary>
    internal async Task BufferAsync(CancellationToken cancellationToken)
    {
        if (_bytes is not null)
        {
            return;
        }

        if (_stream is not null)
        {
            throw new InvalidOperationException("The response body was handed out as a stream; read it from that stream.");
        }

        var original = Message.Content;
        try
        {
            _bytes = HasNoBodyByDefinition ? [] : await original.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException e) when (e.InnerException is HttpIOException io)
        {
            // The framework wraps what went wrong while reading in "Error while copying content to a stream"; the
            // inner exception says what it was (a decompression cap reached, a connection that ended early).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(io);
        }

        var buffered = new ByteArrayContent(_bytes);
        foreach (var (name, values) in original.Headers.NonValidated)
        {
            buffered.Headers.TryAddWithoutValidation(name, values);
        }

        Message.Content = buffered;
        original.Dispose();
    }

    internal byte[]? BufferedBytes => _bytes;

    internal string DecodeText(byte[] bytes) => Charsets.Decode(bytes, Headers["Content-Type"], DecodeBodyHeaders);

    internal JsonDocument ParseJson(byte[] bytes)
    {
        var (utf8, text) = JsonInput(bytes);
        return text is null ? JsonDocument.Parse(utf8) : JsonDocument.Parse(text);
    }

    internal static bool IsBlank(byte[] bytes) => ((ReadOnlySpan<byte>)bytes).Trim(" \t\r\n"u8).IsEmpty;

    /// <summary>JSON is read as UTF-8 bytes (BOM skipped) unless the body is in another charset, then as text.</summary>
    private (ReadOnlyMemory<byte> Utf8, string? Text) JsonInput(byte[] bytes)
    {
        var (encoding, skip) = Charsets.Detect(bytes, Headers["Content-Type"], decodeBodyHeaders: false);
        return encoding.CodePage == Charsets.Utf8.CodePage
            ? (bytes.AsMemory(skip), null)
            : (default, encoding.GetString(bytes, skip, bytes.Length - skip));
    }

    internal static HeraldHeaders ReadHeaders(HttpResponseMessage message)
    {
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in message.Headers.NonValidated)
        {
            foreach (var value in values)
            {
                entries.Add(new(name, value));
            }
        }

        foreach (var (name, values) in message.Content.Headers.NonValidated)
        {
            foreach (var value in values)
            {
                entries.Add(new(name, value));
            }
        }

        return HeraldHeaders.ReadOnlyFrom(entries);
    }

    private static Dictionary<string, HeraldLink> IndexLinks(IReadOnlyList<HeraldLink> links)
    {
        var map = new Dictionary<string, HeraldLink>(StringComparer.OrdinalIgnoreCase);
        foreach (var link in links)
        {
            foreach (var rel in link.Relations)
            {
                map.TryAdd(rel, link);
            }
        }

        return map;
    }
}
