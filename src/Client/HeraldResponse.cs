using System.Net;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// The response to a <see cref="HeraldClient"/> call: status, headers, body and what the middleware recorded
/// (redirect trace, original content encoding, cookies). Dispose it to release a streamed body's connection.
/// </summary>
public sealed partial class HeraldResponse : IDisposable
{
    private readonly HeraldExchange _exchange;

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

    /// <summary>Gets the URLs redirects led to, in order; empty when no redirect was followed.</summary>
    public IReadOnlyList<Uri> RedirectTrace => _exchange.RedirectTrace;

    /// <summary>
    /// Gets the <c>Content-Encoding</c> the server sent before the decompression middleware decoded the body, or
    /// <see langword="null"/> when the body was not encoded (or was left encoded).
    /// </summary>
    public string? OriginalContentEncoding => _exchange.OriginalContentEncoding;

    /// <inheritdoc/>
    public void Dispose() => Message.Dispose();
}
