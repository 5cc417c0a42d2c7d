using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Conditional;

/// <summary>
/// Wraps the server's response body so that writes made after the response turned into a 304 or 412 are discarded.
/// The first write starts the response on the server, which runs the <c>OnStarting</c> callbacks (the precondition
/// check among them) before the write is passed on or dropped.
/// </summary>
internal sealed class ConditionalResponseBodyFeature : IHttpResponseBodyFeature
{
    private readonly HttpContext _httpContext;
    private readonly IHttpResponseBodyFeature _inner;
    private ConditionalResponseStream? _stream;
    private ConditionalResponsePipeWriter? _writer;
    private bool _started;

    public ConditionalResponseBodyFeature(HttpContext httpContext, IHttpResponseBodyFeature inner)
    {
        _httpContext = httpContext;
        _inner = inner;
    }

    /// <summary>True once a precondition turned the response into a 304 or 412: the body is discarded.</summary>
    public bool Suppressed { get; private set; }

    /// <summary>The server's body feature.</summary>
    public IHttpResponseBodyFeature Inner => _inner;

    public Stream Stream => _stream ??= new ConditionalResponseStream(this);

    public PipeWriter Writer => _writer ??= new ConditionalResponsePipeWriter(this);

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _started = true;
        return _inner.StartAsync(cancellationToken);
    }

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await EnsureStartedAsync(cancellationToken);
        if (!Suppressed)
        {
            await _inner.SendFileAsync(path, offset, count, cancellationToken);
        }
    }

    public Task CompleteAsync() => _inner.CompleteAsync();

    /// <summary>Starts the server's response (running the precondition check) before the first byte is passed on or dropped.</summary>
    public Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            return Task.CompletedTask;
        }

        _started = true;
        return _inner.StartAsync(cancellationToken);
    }

    /// <summary>
    /// The synchronous form of <see cref="EnsureStartedAsync"/> for <see cref="PipeWriter.GetMemory"/>, which cannot
    /// await. The server does the same in its own <c>GetMemory</c>; starting normally completes synchronously.
    /// </summary>
    public void EnsureStarted()
    {
        var start = EnsureStartedAsync(CancellationToken.None);
        if (!start.IsCompletedSuccessfully)
        {
            start.GetAwaiter().GetResult();
        }
    }

    /// <summary>Puts the server's body feature back, once the pipeline has returned.</summary>
    public void Uninstall()
    {
        if (ReferenceEquals(_httpContext.Features.Get<IHttpResponseBodyFeature>(), this))
        {
            _httpContext.Features.Set(_inner);
        }
    }

    /// <summary>The <c>OnStarting</c> callback: evaluates the request's preconditions against the response's validators.</summary>
    public Task OnResponseStarting()
    {
        _started = true;
        var response = _httpContext.Response;

        // RFC 9110 section 13.2.1: preconditions apply only where the response would otherwise be a success.
        if (response.StatusCode is < 200 or > 299)
        {
            return Task.CompletedTask;
        }

        var headers = response.Headers;
        EntityTagHeaderValue? etag = null;
        if (headers.ETag.Count == 1 && EntityTagHeaderValue.TryParse(headers.ETag.ToString(), out var parsedTag))
        {
            etag = parsedTag;
        }

        DateTimeOffset? lastModified = null;
        if (headers.LastModified.Count == 1 && HeaderUtilities.TryParseDate(headers.LastModified.ToString(), out var parsedDate))
        {
            lastModified = parsedDate;
        }

        if (etag is null && lastModified is null)
        {
            return Task.CompletedTask;
        }

        switch (Preconditions.Evaluate(_httpContext.Request, etag, lastModified))
        {
            case PreconditionOutcome.NotModified:
                Suppress(response, StatusCodes.Status304NotModified);
                break;
            case PreconditionOutcome.PreconditionFailed:
                Suppress(response, StatusCodes.Status412PreconditionFailed);

                // 412 may carry a body, so say "none" explicitly: the endpoint's writes are discarded from here on.
                response.ContentLength = 0;
                break;
        }

        return Task.CompletedTask;
    }

    private void Suppress(HttpResponse response, int statusCode)
    {
        Suppressed = true;
        StatusLine.Set(response, statusCode);

        // The body the endpoint meant to send is not sent, so neither are the headers that describe it
        // (RFC 9110 section 15.4.5); ETag, Last-Modified, Cache-Control, Vary and the like stay.
        var headers = response.Headers;
        headers.ContentLength = null;
        headers.Remove(HeaderNames.ContentType);
        headers.Remove(HeaderNames.ContentRange);
        headers.Remove(HeaderNames.ContentEncoding);
        headers.Remove(HeaderNames.ContentDisposition);
        headers.Remove(HeaderNames.TransferEncoding);
    }
}
