namespace Herald.Client;

/// <summary>
/// Thrown when the redirect middleware cannot or may not follow a redirect: too many of them, an invalid
/// <c>Location</c>, an https → http downgrade, or a body that cannot be sent again. <see cref="Error"/> says which.
/// </summary>
/// <remarks>
/// It carries the refused 3xx response's status (<see cref="HttpRequestException.StatusCode"/>), headers and
/// <c>Location</c>, not its body: the body is left unread so the connection is freed at once (an exception has no
/// <c>Dispose</c> that could free it later), and a 3xx body is only a courtesy page. To read it, send the request with
/// <see cref="RedirectStrategy.None"/> (or <see cref="RedirectStrategy.Graceful"/> for the limit) and get the 3xx
/// response back.
/// </remarks>
public sealed class HeraldRedirectException : HttpRequestException
{
    internal HeraldRedirectException(
        RedirectError error,
        string message,
        HttpResponseMessage response,
        Uri requestUri,
        string? location,
        IReadOnlyList<Uri> redirectTrace)
        : base(message, inner: null, response.StatusCode)
    {
        Error = error;
        Location = location;
        RedirectTrace = redirectTrace;
        RequestUri = requestUri;
        Headers = HeraldResponse.ReadHeaders(response);
    }

    /// <summary>Gets why the redirect was not followed.</summary>
    public RedirectError Error { get; }

    /// <summary>Gets the <c>Location</c> header of the refused 3xx response as sent, or <see langword="null"/>.</summary>
    public string? Location { get; }

    /// <summary>Gets the URLs that were followed before the refusal, in order (each one absolute).</summary>
    public IReadOnlyList<Uri> RedirectTrace { get; }

    /// <summary>
    /// Gets the whole URL (query included) of the request that was answered with the refused redirect. The message
    /// shows it without its query, which may hold secrets.
    /// </summary>
    public Uri RequestUri { get; }

    /// <summary>Gets the headers of the refused 3xx response (response and content headers, as received).</summary>
    public HeraldHeaders Headers { get; }
}
