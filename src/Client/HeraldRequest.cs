namespace Herald.Client;

/// <summary>
/// One request to send with a <see cref="HeraldClient"/>: method, URL, headers, query, body and per-request options.
/// Build it fluently; a request can be sent more than once.
/// </summary>
public sealed class HeraldRequest
{
    private readonly Dictionary<string, object?> _options = new(StringComparer.Ordinal);

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

    /// <summary>Gets or sets the HTTP method.</summary>
    public HttpMethod Method { get; set; }

    /// <summary>Gets or sets the URL: absolute, or relative to the client's base address.</summary>
    public string Url { get; set; }

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

    /// <summary>Copies the per-request options into a message's options.</summary>
    internal void CopyOptionsTo(HttpRequestMessage message)
    {
        var target = (IDictionary<string, object?>)message.Options;
        foreach (var (key, value) in _options)
        {
            target[key] = value;
        }
    }
}
