using System.Globalization;
using System.Reflection;
using Herald.Responses.Conditional;
using Herald.Responses.Files;
using Herald.Responses.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses;

/// <summary>
/// Sends a file from the local file system: Ktor's <c>respondFile</c> / <c>LocalFileContent</c> with its
/// <c>PartialContent</c> and <c>ConditionalHeaders</c> behaviour. Created by <see cref="Respond.File(string, FileResponseOptions?)"/>,
/// <see cref="Respond.File(string, string, FileResponseOptions?)"/> and <see cref="Respond.Download"/>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Content type from the extension, <c>application/octet-stream</c> when unknown.</item>
/// <item><c>ETag</c> (from length and last write time) and <c>Last-Modified</c>; <c>If-None-Match</c> / <c>If-Modified-Since</c>
/// answer 304, <c>If-Match</c> / <c>If-Unmodified-Since</c> answer 412.</item>
/// <item><c>Range</c> on GET and HEAD: one range answers 206 with <c>Content-Range</c>; several answer 206
/// <c>multipart/byteranges</c>; none satisfiable answers 416 with <c>Content-Range: bytes */length</c>; a malformed header,
/// a unit other than <c>bytes</c>, or more than <see cref="FileResponseOptions.MaxRanges"/> ranges is ignored (200).
/// Overlapping or nearly adjacent ranges are coalesced. <c>If-Range</c> that does not match sends the whole file.</item>
/// <item>HEAD sends the same headers, <c>Content-Length</c> included, and no body.</item>
/// <item>The bytes go through the server's zero-copy <see cref="IHttpResponseBodyFeature.SendFileAsync"/>, which stops when the client disconnects.</item>
/// <item>A missing file, a directory, or (in the base-directory form) a path that escapes the base answers 404 with a
/// problem-details body; an escaping path's target is never opened.</item>
/// </list>
/// </remarks>
public sealed class LocalFileResult : IResult, IFileHttpResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider, ICancellableResult
{
    private static readonly FileResponseOptions s_defaults = new();

    private readonly EntityTagHeaderValue? _entityTag;
    private readonly bool _enableETag;
    private readonly bool _weakETag;
    private readonly DateTimeOffset? _lastModified;
    private readonly bool _enableLastModified;
    private readonly int _maxRanges;
    private readonly string? _cacheControl;
    private readonly string? _contentDisposition;

    // Worked out on first use and kept for the next request: a result may serve many (Respond.File("logo.png") held
    // in a static). Each is replaced whole, so a race only computes the same thing twice.
    private string? _qualifiedFullPath;
    private RootedPath? _rootedFullPath;
    private Validators? _validators;

    internal LocalFileResult(string? baseDirectory, string fileName, FileResponseOptions? options, string? downloadName, bool download)
    {
        options ??= s_defaults;
        ValidateOptions(options);

        BaseDirectory = baseDirectory;
        FileName = fileName;
        ContentType = options.ContentType ?? FileContentTypes.FromPath(fileName);
        Disposition = download ? FileDisposition.Attachment : options.Disposition;
        EnableRangeProcessing = options.EnableRangeProcessing;
        _enableETag = options.EnableETag;
        _weakETag = options.WeakETag;
        _entityTag = options.ETag is { } tag ? EntityTags.Create(tag, weak: false, nameof(options)) : null;
        _enableLastModified = options.EnableLastModified;
        _lastModified = options.LastModified;
        _maxRanges = options.MaxRanges;
        _cacheControl = options.CacheControl;

        if (Disposition != FileDisposition.None)
        {
            // The default name comes from the path, which may be request data: the formatter keeps any name header-safe.
            FileDownloadName = downloadName ?? options.DownloadName ?? Path.GetFileName(fileName);
            _contentDisposition = ContentDispositionFormatter.Format(Disposition, FileDownloadName);
        }
    }

    /// <summary>Gets the path of the file: absolute or relative to the content root, or relative to <see cref="BaseDirectory"/> when that is set.</summary>
    public string FileName { get; }

    /// <summary>Gets the directory the file must stay inside, or <see langword="null"/> for <see cref="Respond.File(string, FileResponseOptions?)"/>.</summary>
    public string? BaseDirectory { get; }

    /// <summary>Gets the content type sent with the file (and with each part of a multi-range response).</summary>
    public string ContentType { get; }

    /// <summary>Gets the name sent in <c>Content-Disposition</c>, or <see langword="null"/> when no disposition is sent.</summary>
    public string? FileDownloadName { get; }

    /// <summary>Gets whether the file is sent inline, as an attachment, or without <c>Content-Disposition</c>.</summary>
    public FileDisposition Disposition { get; }

    /// <summary>Gets whether <c>Range</c> requests are answered with 206.</summary>
    public bool EnableRangeProcessing { get; }

    /// <summary>Gets the status of a full response, 200. Executing may answer 206, 304, 404, 412 or 416 instead, as the request asks.</summary>
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc/>
    string? IContentTypeHttpResult.ContentType => ContentType;

    /// <inheritdoc/>
    string? IFileHttpResult.ContentType => ContentType;

    /// <summary>Sends the file, a part of it, or the status the request's conditions and ranges call for.</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return Execute(httpContext, httpContext.RequestAborted);
    }

    Task ICancellableResult.ExecuteAsync(HttpContext httpContext, CancellationToken cancellationToken) => Execute(httpContext, cancellationToken);

    /// <summary>Populates OpenAPI metadata: the statuses a file endpoint can answer.</summary>
    /// <param name="method">The endpoint's handler method.</param>
    /// <param name="builder">The endpoint being built.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), [FileContentTypes.Default]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status206PartialContent, typeof(Stream), [FileContentTypes.Default, "multipart/byteranges"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), ["application/problem+json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status412PreconditionFailed, typeof(ProblemDetails), ["application/problem+json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status416RangeNotSatisfiable, typeof(ProblemDetails), ["application/problem+json"]));
    }

    /// <summary>Executes the result, stopping early when <paramref name="cancellationToken"/> fires.</summary>
    private async Task Execute(HttpContext httpContext, CancellationToken cancellationToken)
    {
        ResponseGuard.EnsureNotStarted(httpContext, "a file");

        var request = httpContext.Request;
        var response = httpContext.Response;

        // One lookup per request, and only when something needs the time (the base cache, Last-Modified).
        var clock = BaseDirectory is not null || _enableLastModified
            ? httpContext.RequestServices?.GetService<TimeProvider>() ?? TimeProvider.System
            : TimeProvider.System;
        if (!TryFindFile(httpContext, clock, out var path, out var length, out var lastWriteUtc))
        {
            await WriteProblemAsync(httpContext, StatusCodes.Status404NotFound, "Not Found", "No file exists at the requested path.");
            return;
        }

        var validators = GetValidators(length, lastWriteUtc, clock);
        var etag = validators.ETag;
        var lastModified = validators.LastModified;

        // Headers a 304 must repeat (RFC 9110 section 15.4.5) go on before the preconditions are evaluated.
        if (_cacheControl is not null)
        {
            response.Headers.CacheControl = _cacheControl;
        }

        if (EnableRangeProcessing)
        {
            response.Headers.AcceptRanges = "bytes";
        }

        if (ConditionalResponse.TryShortCircuit(httpContext, etag, validators.ETagText, lastModified, validators.LastModifiedText))
        {
            if (response.StatusCode == StatusCodes.Status412PreconditionFailed)
            {
                await WriteProblemAsync(
                    httpContext,
                    StatusCodes.Status412PreconditionFailed,
                    "Precondition Failed",
                    "The file does not match the request's If-Match or If-Unmodified-Since condition: it has changed. Fetch it again to get its current ETag and Last-Modified.");
            }

            return;
        }

        var isHead = HttpMethods.IsHead(request.Method);
        var rangeHeader = request.Headers.Range;
        var selection = RangeSelection.Ignore;
        ByteRange[] ranges = [];

        // A zero-length file has no byte to address, so ranges are ignored for it, as the framework's static files do.
        if (EnableRangeProcessing
            && length > 0
            && rangeHeader.Count == 1
            && (isHead || HttpMethods.IsGet(request.Method))
            && Preconditions.IfRangeAllowsRange(request, etag, lastModified))
        {
            selection = ByteRangeSelector.Select(rangeHeader.ToString(), length, _maxRanges, out ranges);
        }

        if (selection == RangeSelection.Unsatisfiable)
        {
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes */{length}");
            await WriteProblemAsync(
                httpContext,
                StatusCodes.Status416RangeNotSatisfiable,
                "Range Not Satisfiable",
                string.Create(CultureInfo.InvariantCulture, $"No requested range overlaps the file, which is {length} bytes long. Ask for ranges below that length."));
            return;
        }

        response.ContentType = ContentType;
        if (_contentDisposition is not null)
        {
            response.Headers.ContentDisposition = _contentDisposition;
        }

        if (selection == RangeSelection.Satisfiable && ranges.Length == 1)
        {
            var range = ranges[0];
            StatusLine.Set(response, StatusCodes.Status206PartialContent);
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {range.Start}-{range.End}/{length}");
            response.ContentLength = range.Length;
            if (!isHead)
            {
                await SendFileAsync(httpContext, path, range.Start, range.Length, cancellationToken);
            }

            return;
        }

        if (selection == RangeSelection.Satisfiable)
        {
            var multipart = MultipartByteRanges.Create(ranges, ContentType, length);
            StatusLine.Set(response, StatusCodes.Status206PartialContent);
            response.ContentType = multipart.ContentType;
            response.ContentLength = multipart.ContentLength;
            if (!isHead)
            {
                try
                {
                    await multipart.WriteAsync(httpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>(), path, cancellationToken);
                }
                catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
                {
                    // The client went away mid-body (see SendFileAsync).
                }
            }

            return;
        }

        StatusLine.Set(response, StatusCodes.Status200OK);
        response.ContentLength = length;
        if (!isHead && length > 0)
        {
            await SendFileAsync(httpContext, path, 0, length, cancellationToken);
        }
    }

    /// <summary>Finds the file to send; false when it does not exist, is a directory, or escapes the base directory.</summary>
    private bool TryFindFile(HttpContext httpContext, TimeProvider clock, out string path, out long length, out DateTimeOffset lastWriteUtc)
    {
        path = "";
        length = 0;
        lastWriteUtc = default;
        try
        {
            FileInfo? file;
            if (BaseDirectory is null)
            {
                file = new FileInfo(FullPath(httpContext));
            }
            else
            {
                // The base's real path comes from a short-lived cache; only the relative path is walked per request,
                // and the walk's last status is the file's own, so no second stat follows.
                file = RealDirectoryCache.GetRealPath(FullPath(httpContext), clock) is { } realBase
                    ? SafeFilePath.Resolve(realBase, FileName)
                    : null;
            }

            // FileInfo reads metadata only (stat); Exists is false for a directory.
            if (file is null || !file.Exists)
            {
                return false;
            }

            path = file.FullName;
            length = file.Length;
            lastWriteUtc = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // A path the file system cannot even stat is, to the client, a file that is not there.
            return false;
        }
    }

    /// <summary>
    /// The full path of <see cref="BaseDirectory"/>, or of <see cref="FileName"/> when there is no base: worked out once
    /// per result and content root, since a result reused across requests (a static logo) would otherwise repeat it.
    /// </summary>
    private string FullPath(HttpContext httpContext)
    {
        var path = BaseDirectory ?? FileName;
        if (Path.IsPathFullyQualified(path))
        {
            return _qualifiedFullPath ??= Path.GetFullPath(path);
        }

        // Relative to the content root, which belongs to the application executing the result.
        var contentRoot = httpContext.RequestServices?.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        if (_rootedFullPath is { } known && string.Equals(known.ContentRoot, contentRoot, StringComparison.Ordinal))
        {
            return known.FullPath;
        }

        var full = Path.GetFullPath(path, contentRoot);
        _rootedFullPath = new RootedPath(contentRoot, full);
        return full;
    }

    /// <summary>
    /// The file's <c>ETag</c> and <c>Last-Modified</c>, parsed and formatted: reused while the file's length and write
    /// time stay the same, so a result that serves the same file again formats nothing.
    /// </summary>
    private Validators GetValidators(long length, DateTimeOffset lastWriteUtc, TimeProvider clock)
    {
        DateTimeOffset? lastModified = null;
        var clamped = false;
        if (_enableLastModified)
        {
            // RFC 9110 section 8.8.2.1: Last-Modified must not be later than the response's own date.
            var value = _lastModified ?? lastWriteUtc;
            var now = clock.GetUtcNow();
            clamped = value > now;
            lastModified = clamped ? now : value;
        }

        if (!clamped && _validators is { } known && known.Length == length && known.LastWriteUtc == lastWriteUtc)
        {
            return known;
        }

        var etag = _enableETag ? _entityTag ?? DeriveEntityTag(length, lastWriteUtc, _weakETag) : null;
        var validators = new Validators(
            length,
            lastWriteUtc,
            etag,
            etag?.ToString(),
            lastModified,
            lastModified is { } lm ? HeaderUtilities.FormatDate(Preconditions.Truncate(lm)) : null);

        // A clamped time is "now", which changes with every request: it is not kept.
        if (!clamped)
        {
            _validators = validators;
        }

        return validators;
    }

    private static EntityTagHeaderValue DeriveEntityTag(long length, DateTimeOffset lastWriteUtc, bool weak) =>
        // Length and write time in hex, as nginx does: cheap (one stat), stable across restarts and servers.
        new(string.Create(CultureInfo.InvariantCulture, $"\"{lastWriteUtc.UtcTicks:x}-{length:x}\""), weak);

    private static async Task SendFileAsync(HttpContext httpContext, string path, long offset, long count, CancellationToken cancellationToken)
    {
        try
        {
            await httpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>().SendFileAsync(path, offset, count, cancellationToken);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-body: nobody is left to tell, and it is not a server fault (the framework's own
            // file results swallow it the same way).
        }
    }

    private static Task WriteProblemAsync(HttpContext httpContext, int statusCode, string title, string detail)
    {
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            StatusLine.Set(httpContext.Response, statusCode);
            return Task.CompletedTask;
        }

        return ResultWriter.WriteProblemAsync(httpContext, new ProblemDetails { Status = statusCode, Title = title, Detail = detail });
    }

    private static void ValidateOptions(FileResponseOptions options)
    {
        if (options.ContentType is { } contentType)
        {
            MediaTypes.ThrowIfNotHeaderSafe(contentType, nameof(options));
            if (!MediaTypeHeaderValue.TryParse(contentType, out _))
            {
                throw new ArgumentException(
                    $"FileResponseOptions.ContentType '{contentType}' is not a valid media type. Pass a type such as \"application/pdf\" or \"text/csv; charset=utf-8\".",
                    nameof(options));
            }
        }

        if (options.DownloadName is { } downloadName)
        {
            ThrowIfInvalidDownloadName(downloadName, nameof(options));
        }

        if (options.CacheControl is { } cacheControl)
        {
            HeaderValueGuard.ThrowIfInvalid(cacheControl, nameof(options));
            if (cacheControl.AsSpan().IndexOfAnyExcept(HeaderValues.FieldChars) >= 0)
            {
                throw new ArgumentException(
                    $"FileResponseOptions.CacheControl '{cacheControl}' contains characters outside printable ASCII, which a header value cannot carry. Pass directives such as \"public, max-age=3600\".",
                    nameof(options));
            }
        }

        if (options.MaxRanges < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.MaxRanges,
                "FileResponseOptions.MaxRanges must be at least 1. Set EnableRangeProcessing = false to turn ranges off.");
        }
    }

    /// <summary>Rejects an empty download name and one holding CR, LF or NUL (header injection).</summary>
    internal static void ThrowIfInvalidDownloadName(string downloadName, string paramName)
    {
        if (downloadName.Length == 0)
        {
            throw new ArgumentException("The download name is empty. Pass a file name such as \"report.pdf\", or null to use the file's own name.", paramName);
        }

        HeaderValueGuard.ThrowIfInvalid(downloadName, paramName);
    }

    private sealed record RootedPath(string ContentRoot, string FullPath);

    private sealed record Validators(
        long Length,
        DateTimeOffset LastWriteUtc,
        EntityTagHeaderValue? ETag,
        string? ETagText,
        DateTimeOffset? LastModified,
        string? LastModifiedText);
}
