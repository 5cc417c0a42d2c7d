using Herald.Responses;
using Herald.Responses.Internal;

namespace Microsoft.AspNetCore.Http;

/// <summary>
/// Ktor-style imperative responses on <see cref="HttpContext"/> (<c>await ctx.RespondFileAsync(...)</c>). Each method
/// executes the same result type the matching <see cref="Respond"/> factory returns.
/// </summary>
public static partial class HeraldHttpContextExtensions
{
    /// <summary>Sends a file, as <see cref="Respond.File(string, FileResponseOptions?)"/> does.</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="path">The file's path, absolute or relative to the content root.</param>
    /// <param name="options">Content type, disposition, validator and range settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops sending; the request's <see cref="HttpContext.RequestAborted"/> always does.</param>
    /// <returns>A task that completes when the response has been sent.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="path"/> is empty or an option is invalid.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is cancelled.</exception>
    public static Task RespondFileAsync(this HttpContext httpContext, string path, FileResponseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ResultExecution.ExecuteAsync(httpContext, Respond.File(path, options), cancellationToken);
    }

    /// <summary>Sends the file at <paramref name="relativePath"/> under <paramref name="baseDirectory"/>, traversal-safe, as <see cref="Respond.File(string, string, FileResponseOptions?)"/> does.</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="baseDirectory">The directory to serve from, absolute or relative to the content root.</param>
    /// <param name="relativePath">The path inside <paramref name="baseDirectory"/>, typically a <c>{**path}</c> route value.</param>
    /// <param name="options">Content type, disposition, validator and range settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops sending; the request's <see cref="HttpContext.RequestAborted"/> always does.</param>
    /// <returns>A task that completes when the response has been sent.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/>, <paramref name="baseDirectory"/> or <paramref name="relativePath"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="baseDirectory"/> is empty or an option is invalid.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is cancelled.</exception>
    public static Task RespondFileAsync(this HttpContext httpContext, string baseDirectory, string relativePath, FileResponseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ResultExecution.ExecuteAsync(httpContext, Respond.File(baseDirectory, relativePath, options), cancellationToken);
    }

    /// <summary>Sends a file as a download (<c>Content-Disposition: attachment</c>), as <see cref="Respond.Download"/> does.</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="path">The file's path, absolute or relative to the content root.</param>
    /// <param name="downloadName">The name the browser saves the file under; <see langword="null"/> for the file's own name.</param>
    /// <param name="options">Content type, validator and range settings.</param>
    /// <param name="cancellationToken">Stops sending; the request's <see cref="HttpContext.RequestAborted"/> always does.</param>
    /// <returns>A task that completes when the response has been sent.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="path"/> or <paramref name="downloadName"/> is invalid, or an option is invalid.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is cancelled.</exception>
    public static Task RespondDownloadAsync(this HttpContext httpContext, string path, string? downloadName = null, FileResponseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ResultExecution.ExecuteAsync(httpContext, Respond.Download(path, downloadName, options), cancellationToken);
    }
}
