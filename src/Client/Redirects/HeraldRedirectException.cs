namespace Herald.Client;

/// <summary>
/// Thrown when the redirect middleware cannot or may not follow a redirect: too many of them, an invalid
/// <c>Location</c>, an https → http downgrade, or a body that cannot be sent again. <see cref="Error"/> says which.
/// </summary>
public sealed class RedirectException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">Why the redirect was not followed.</param>
    /// <param name="message">What happened and what to change.</param>
    /// <param name="statusCode">The status of the 3xx response that was not followed.</param>
    /// <param name="location">The <c>Location</c> header as the server sent it, or <see langword="null"/>.</param>
    /// <param name="redirectTrace">The URLs followed before, in order.</param>
    public RedirectException(
        RedirectError error,
        string message,
        System.Net.HttpStatusCode statusCode,
        string? location,
        IReadOnlyList<Uri> redirectTrace)
        : base(message, inner: null, statusCode)
    {
        ArgumentNullException.ThrowIfNull(redirectTrace);
        Error = error;
        Location = location;
        RedirectTrace = redirectTrace;
    }

    /// <summary>Gets why the redirect was not followed.</summary>
    public RedirectError Error { get; }

    /// <summary>Gets the <c>Location</c> header of the refused 3xx response as sent, or <see langword="null"/>.</summary>
    public string? Location { get; }

    /// <summary>Gets the URLs that were followed before the refusal, in order (each one absolute).</summary>
    public IReadOnlyList<Uri> RedirectTrace { get; }
}
