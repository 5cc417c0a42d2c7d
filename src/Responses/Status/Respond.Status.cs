namespace Herald.Responses;

public static partial class Respond
{
    /// <summary>Creates a result that sends a status code, optionally with its own reason phrase, and no body.</summary>
    /// <param name="statusCode">The status code, 100-999.</param>
    /// <param name="reasonPhrase">
    /// The reason phrase for the HTTP/1.1 status line (<c>HTTP/1.1 418 I'm a tea pot</c>); the standard phrase when
    /// <see langword="null"/>. Printable ASCII only.
    /// </param>
    /// <returns>A <see cref="StatusResult"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="reasonPhrase"/> holds CR, LF, NUL, another control character or non-ASCII text.</exception>
    public static StatusResult Status(int statusCode, string? reasonPhrase = null)
    {
        StatusLine.Validate(statusCode, reasonPhrase, nameof(statusCode), nameof(reasonPhrase));
        return new StatusResult(statusCode, reasonPhrase);
    }
}
