namespace Herald.Client;

/// <summary>
/// A request as it went to the transport on one hop: what every middleware made of it. Recorded when
/// <see cref="ClientLoggingOptions.SaveRequest"/> or <see cref="LoggingRequestExtensions.SaveRequest(HeraldRequest, bool)"/>
/// asks; read from <see cref="HeraldResponse.SentRequest"/>.
/// </summary>
/// <remarks>
/// Header values are kept as sent, credentials included: this is in-process data, not a log. Headers the transport
/// writes on the wire itself (<c>Host</c>, <c>Connection</c>, <c>Transfer-Encoding</c>) are not part of it.
/// </remarks>
public sealed class SentRequest
{
    internal SentRequest(HttpMethod method, Uri requestUri, Version version, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        Method = method;
        RequestUri = requestUri;
        Version = version;
        Headers = headers;
    }

    /// <summary>Gets the method.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the absolute URL.</summary>
    public Uri RequestUri { get; }

    /// <summary>Gets the HTTP version asked for (the response tells the one used).</summary>
    public Version Version { get; }

    /// <summary>Gets the request and content headers, by name (case-insensitive), in the order they were set.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>Gets the start of the body, up to <see cref="ClientLoggingOptions.MaxSavedBodyBytes"/>; empty without a body.</summary>
    public ReadOnlyMemory<byte> Body { get; internal set; }

    /// <summary>Gets how many body bytes the transport took, or <see langword="null"/> when the request had no body.</summary>
    public long? BodyLength { get; internal set; }

    /// <summary>Gets whether <see cref="Body"/> holds less than the whole body.</summary>
    public bool BodyTruncated => BodyLength is { } length && length > Body.Length;

    /// <summary>Gets the time from handing the request to the transport to receiving the response headers.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Returns the request line, e.g. <c>GET https://example.com/ HTTP/1.1</c>.</summary>
    public override string ToString() => $"{Method} {RequestUri} HTTP/{Version}";
}
