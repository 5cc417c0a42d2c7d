using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// One request to send with a <see cref="HeraldClient"/>: method, URL, headers, query, body and per-request options.
/// Build it fluently; a request can be sent more than once (its body is built anew for every send).
/// </summary>
/// <remarks>A request is not thread-safe while it is being built; once built it may be sent from several threads.</remarks>
public sealed class HeraldRequest
{
    private readonly Dictionary<string, object?> _options = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, object?>> _query = [];

    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">An absolute URL, or one relative to the client's base address.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public HeraldRequest(HttpMethod method, string url)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        Method = method;
        Url = url;
    }

    /// <summary>Creates a request with a method given by name, standard or not (<c>"COPY"</c>, <c>"PROPFIND"</c>).</summary>
    /// <param name="method">The method name: an RFC 9110 token.</param>
    /// <param name="url">An absolute URL, or one relative to the client's base address.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="method"/> is empty or not a token.</exception>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="url"/> is <see langword="null"/>.</exception>
    public HeraldRequest(string method, string url)
        : this(ParseMethod(method), url)
    {
    }

    /// <summary>Gets or sets the HTTP method.</summary>
    public HttpMethod Method { get; set; }

    /// <summary>
    /// Gets or sets the URL: absolute, or relative to the client's base address (see
    /// <see cref="HeraldClientOptions.BaseAddress"/> for the merging rules). Characters that may not appear in a URL
    /// are percent-encoded when sent; existing <c>%XX</c> escapes are kept, so an encoded URL is never encoded twice.
    /// User-info (<c>http://user:pass@host/</c>) is removed and sent as <c>Authorization: Basic</c>. A backslash
    /// before the query is a slash, as in browsers (WHATWG URL): <c>http://a.example\@b.example/</c> goes to
    /// <c>a.example</c>.
    /// </summary>
    public string Url { get; set; }

    /// <summary>
    /// Gets the request headers. Content headers (<c>Content-Type</c>, <c>Content-Language</c>, …) are moved to the
    /// body's headers when sent; a header set here replaces a default header of the same name.
    /// </summary>
    public HeraldHeaders Headers { get; } = new();

    internal IReadOnlyList<KeyValuePair<string, object?>> QueryParameters => _query;

    internal RequestBody? Content { get; private set; }

    internal ResponseBodyKind? BodyKind { get; private set; }

    internal CoerceMode? CoerceModeValue { get; private set; }

    internal bool? DecodeBodyHeadersValue { get; private set; }

    internal bool? ThrowOnErrorValue { get; private set; }

    internal Func<int, bool>? SuccessStatusValue { get; private set; }

    internal TimeSpan? TimeoutValue { get; private set; }

    internal MultiParamStyle? QueryStyleValue { get; private set; }

    internal JsonSerializerOptions? JsonOptionsValue { get; private set; }

    /// <summary>Adds a header value (after any existing ones). Numbers, dates and sequences are accepted.</summary>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when the name is not a token or the value contains CR, LF or NUL.</exception>
    public HeraldRequest Header(string name, object? value)
    {
        Headers.Add(name, value);
        return this;
    }

    /// <summary>Sets <c>Accept</c> to a media type or a shorthand: <c>json</c>, <c>xml</c>, <c>form</c>, <c>text</c>, <c>html</c>, <c>csv</c>, <c>multipart</c>, <c>octet</c>, <c>problem</c>, <c>pdf</c>, <c>any</c>.</summary>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="mediaType"/> is neither a media type nor a known shorthand.</exception>
    public HeraldRequest Accept(string mediaType)
    {
        Headers.Set("Accept", MediaTypes.Expand(mediaType, nameof(mediaType)));
        return this;
    }

    /// <summary>
    /// Sets <c>Content-Type</c> to a media type or shorthand (as <see cref="Accept(string)"/>), with an optional
    /// charset. It wins over the type a body method chose; a string body is encoded in this charset.
    /// </summary>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="mediaType"/> is neither a media type nor a known shorthand, or <paramref name="charset"/> is not a token.</exception>
    public HeraldRequest ContentType(string mediaType, string? charset = null)
    {
        var value = MediaTypes.Expand(mediaType, nameof(mediaType));
        if (charset is not null)
        {
            if (!HeaderValues.IsToken(charset))
            {
                throw new ArgumentException($"'{charset}' is not a valid charset name.", nameof(charset));
            }

            value = MediaTypes.WithCharset(value, charset);
        }

        Headers.Set("Content-Type", value);
        return this;
    }

    /// <summary>
    /// Adds a query parameter, appended after any query the URL already has. Values may be strings, numbers,
    /// booleans, dates (ISO 8601), enums, sequences (written in the <see cref="MultiParamStyle"/>) or maps (flattened
    /// to <c>name[key]=value</c>). A <see langword="null"/> value is left out; an empty string sends <c>name=</c>.
    /// Names and values are percent-encoded: RFC 3986 unreserved characters stay, a space becomes <c>%20</c>,
    /// <c>+</c> becomes <c>%2B</c>, brackets become <c>%5B</c>/<c>%5D</c>.
    /// </summary>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/> is <see langword="null"/>.</exception>
    public HeraldRequest Query(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        _query.Add(new(name, value));
        return this;
    }

    /// <summary>
    /// Adds query parameters from an anonymous object (<c>new { page = 2, tag = new[] { "a", "b" } }</c>), a
    /// dictionary, or key/value pairs, in their order. Values follow the rules of <see cref="Query(string, object?)"/>.
    /// </summary>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="parameters"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="parameters"/> is a plain value or a list rather than a map.</exception>
    public HeraldRequest Query(object parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _query.AddRange(ParamFlattener.EntriesOf(parameters, "Query parameters", nameof(parameters)));
        return this;
    }

    /// <summary>Sets how this request writes multi-valued query parameters and form fields.</summary>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="style"/> is not a defined value.</exception>
    public HeraldRequest QueryStyle(MultiParamStyle style)
    {
        ThrowIfUndefined(style, nameof(style));
        QueryStyleValue = style;
        return this;
    }

    /// <summary>
    /// Sends text. The encoding is <paramref name="encoding"/>, else the charset of the request's
    /// <c>Content-Type</c>, else UTF-8; the <c>Content-Type</c> sent names that charset.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="encoding">The encoding, or <see langword="null"/> as described.</param>
    /// <param name="contentType">A media type or shorthand; <c>text/plain</c> when <see langword="null"/>.</param>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="text"/> is <see langword="null"/>.</exception>
    public HeraldRequest Body(string text, Encoding? encoding = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Content = new StringBody(text, encoding, ExpandOrNull(contentType));
        return this;
    }

    /// <summary>Sends bytes as they are, with <c>Content-Length</c>.</summary>
    /// <param name="bytes">The body; not copied, so do not change it until the request is sent.</param>
    /// <param name="contentType">A media type or shorthand; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="bytes"/> is <see langword="null"/>.</exception>
    public HeraldRequest Body(byte[] bytes, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Content = new BytesBody(bytes, ExpandOrNull(contentType));
        return this;
    }

    /// <summary>
    /// Sends a stream without buffering it: with <c>Content-Length</c> when <paramref name="length"/> is given or the
    /// stream can seek, chunked otherwise. A seekable stream is rewound to its current position for each send; one
    /// that cannot seek can be sent once (use <see cref="Body(Func{Stream}, long?, string?)"/> to send again). The
    /// stream is not disposed: the caller owns it.
    /// </summary>
    /// <param name="stream">The body.</param>
    /// <param name="length">The number of bytes to send, or <see langword="null"/>.</param>
    /// <param name="contentType">A media type or shorthand; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="length"/> is negative.</exception>
    public HeraldRequest Body(Stream stream, long? length = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ThrowIfNegative(length);
        Content = new StreamBody(stream, length, ExpandOrNull(contentType));
        return this;
    }

    /// <summary>
    /// Sends a stream opened by <paramref name="open"/> for each send (and disposed after it), so the request can be
    /// sent again or retried. Chunked unless <paramref name="length"/> is given.
    /// </summary>
    /// <param name="open">Opens the body stream.</param>
    /// <param name="length">The number of bytes to send, or <see langword="null"/>.</param>
    /// <param name="contentType">A media type or shorthand; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="open"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="length"/> is negative.</exception>
    public HeraldRequest Body(Func<Stream> open, long? length = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ThrowIfNegative(length);
        Content = new StreamBody(open, length, ExpandOrNull(contentType));
        return this;
    }

    /// <summary>Sends a file, streamed from disk with its length as <c>Content-Length</c>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="contentType">A media type or shorthand; guessed from the extension when <see langword="null"/> (<c>application/octet-stream</c> if unknown).</param>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">Thrown when the file does not exist.</exception>
    public HeraldRequest FileBody(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The request body file '{Path.GetFullPath(path)}' does not exist.", path);
        }

        Content = new FileBody(path, ExpandOrNull(contentType));
        return this;
    }

    /// <summary>
    /// Sends fields as <c>application/x-www-form-urlencoded</c> (spaces as <c>+</c>), from an anonymous object, a
    /// dictionary or key/value pairs; values follow the rules of <see cref="Query(string, object?)"/>. A form can
    /// only go with a method that has a body: sending it with GET or HEAD throws (use <see cref="Query(object)"/>).
    /// </summary>
    /// <param name="fields">The fields.</param>
    /// <param name="flattenNested">Whether nested maps are sent as <c>a[b]=v</c> (clj-http's <c>:flatten-nested-keys</c>); otherwise a nested map throws.</param>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="fields"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="fields"/> is not a map.</exception>
    public HeraldRequest FormBody(object fields, bool flattenNested = false)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Content = new FormBody([.. ParamFlattener.EntriesOf(fields, "Form fields", nameof(fields))], flattenNested);
        return this;
    }

    /// <summary>
    /// Sends <paramref name="value"/> as JSON (<c>application/json; charset=utf-8</c>), serialized to UTF-8 when the
    /// request is built and sent with a <c>Content-Length</c>; a value that cannot be serialized fails the call before
    /// anything is sent.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="options">Serializer options; the client's <see cref="HeraldClientOptions.JsonSerializerOptions"/> when <see langword="null"/>.</param>
    /// <returns>This request, for chaining.</returns>
    public HeraldRequest JsonBody<T>(T value, JsonSerializerOptions? options = null)
    {
        Content = new JsonBody<T>(value, options, null);
        return this;
    }

    /// <summary>Sends <paramref name="value"/> as JSON using source-generated metadata (trimming- and AOT-safe).</summary>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The metadata, from a <c>JsonSerializerContext</c>.</param>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    public HeraldRequest JsonBody<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        Content = new JsonBody<T>(value, null, typeInfo);
        return this;
    }

    /// <summary>
    /// Sends <c>multipart/form-data</c> with the parts <paramref name="build"/> adds, in that order (text, bytes,
    /// streams, files; each with a field name and optionally a file name and content type).
    /// </summary>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="build"/> is <see langword="null"/>.</exception>
    public HeraldRequest MultipartBody(Action<MultipartBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var builder = new MultipartBuilder();
        build(builder);
        Content = new MultipartBody([.. builder.Parts]);
        return this;
    }

    /// <summary>Sets what <see cref="HeraldResponse.Body"/> holds for this request (clj-http's <c>:as</c>).</summary>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kind"/> is not a defined value.</exception>
    public HeraldRequest As(ResponseBodyKind kind)
    {
        ThrowIfUndefined(kind, nameof(kind));
        BodyKind = kind;
        return this;
    }

    /// <summary>Sets which responses have their body converted for this request (clj-http's <c>:coerce</c>).</summary>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="mode"/> is not a defined value.</exception>
    public HeraldRequest Coerce(CoerceMode mode)
    {
        ThrowIfUndefined(mode, nameof(mode));
        CoerceModeValue = mode;
        return this;
    }

    /// <summary>Sets whether an HTML body's <c>&lt;meta&gt;</c> charset is honoured (see <see cref="HeraldClientOptions.DecodeBodyHeaders"/>).</summary>
    /// <returns>This request, for chaining.</returns>
    public HeraldRequest DecodeBodyHeaders(bool decode = true)
    {
        DecodeBodyHeadersValue = decode;
        return this;
    }

    /// <summary>Sets whether an error status throws <see cref="HeraldHttpException"/> for this request.</summary>
    /// <returns>This request, for chaining.</returns>
    public HeraldRequest ThrowOnError(bool throwOnError = true)
    {
        ThrowOnErrorValue = throwOnError;
        return this;
    }

    /// <summary>Sets which status codes count as success for this request (see <see cref="HeraldClientOptions.IsSuccessStatus"/>).</summary>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="isSuccess"/> is <see langword="null"/>.</exception>
    public HeraldRequest SuccessStatus(Func<int, bool> isSuccess)
    {
        ArgumentNullException.ThrowIfNull(isSuccess);
        SuccessStatusValue = isSuccess;
        return this;
    }

    /// <summary>Sets how long this call may take, in place of the client's <see cref="HeraldClientOptions.Timeout"/>.</summary>
    /// <param name="timeout">A positive duration, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</param>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="timeout"/> is zero or negative (and not infinite).</exception>
    public HeraldRequest Timeout(TimeSpan timeout)
    {
        ClientSettings.CheckTimeout(timeout, nameof(timeout));
        TimeoutValue = timeout;
        return this;
    }

    /// <summary>Sets the JSON serializer options for this request's JSON body and response.</summary>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    public HeraldRequest JsonOptions(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        JsonOptionsValue = options;
        return this;
    }

    /// <summary>
    /// Sets a per-request option read by middleware (each middleware documents its keys and offers extension methods
    /// on <see cref="HeraldRequest"/> that call this). The value travels in <see cref="HttpRequestMessage.Options"/>.
    /// </summary>
    /// <returns>This request, for chaining.</returns>
    public HeraldRequest SetOption<T>(HttpRequestOptionsKey<T> key, T value)
    {
        _options[key.Key] = value;
        return this;
    }

    /// <summary>Reads a per-request option set with <see cref="SetOption{T}(HttpRequestOptionsKey{T}, T)"/>.</summary>
    /// <returns><see langword="true"/> when the option is set.</returns>
    public bool TryGetOption<T>(HttpRequestOptionsKey<T> key, out T value)
    {
        if (_options.TryGetValue(key.Key, out var raw) && raw is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Returns <c>METHOD url</c>.</summary>
    public override string ToString() => $"{Method.Method} {Url}";

    /// <summary>Copies the per-request options into a message's options.</summary>
    internal void CopyOptionsTo(HttpRequestMessage message)
    {
        var target = (IDictionary<string, object?>)message.Options;
        foreach (var (key, value) in _options)
        {
            target[key] = value;
        }
    }

    internal static HttpMethod ParseMethod(string method)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        if (!HeaderValues.IsToken(method))
        {
            throw new ArgumentException($"'{method}' is not a valid HTTP method name: use letters, digits and !#$%&'*+-.^_`|~ only.", nameof(method));
        }

        return HttpMethod.Parse(method);
    }

    private static string? ExpandOrNull(string? contentType) =>
        contentType is null ? null : MediaTypes.Expand(contentType, nameof(contentType));

    // As the middleware's request extensions do (FollowRedirects, LogLevel): a cast integer would otherwise reach a
    // switch that has no case for it, far from the call that set it.
    private static void ThrowIfUndefined<T>(T value, string paramName)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Use a {typeof(T).Name} member; {value} is not one.");
        }
    }

    private static void ThrowIfNegative(long? length)
    {
        if (length is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(length));
        }
    }
}
