namespace Herald.Client;

/// <summary>
/// What <see cref="RetryOptions.ShouldRetry"/> decides on: the attempt that just ended, with its response or its
/// failure. Exactly one of <see cref="Response"/> and <see cref="Exception"/> is set.
/// </summary>
public readonly struct RetryContext
{
    internal RetryContext(HttpRequestMessage request, int attempt, bool isIdempotent, HttpResponseMessage? response, Exception? exception)
    {
        Request = request;
        AttemptNumber = attempt;
        IsIdempotent = isIdempotent;
        Response = response;
        Exception = exception;
    }

    /// <summary>Gets the request as the attempt sent it (headers added by inner middleware included).</summary>
    public HttpRequestMessage Request { get; }

    /// <summary>Gets the method of the request.</summary>
    public HttpMethod Method => Request.Method;

    /// <summary>Gets the number of the attempt that just ended: 1 for the first send, 2 for the first retry, and so on.</summary>
    public int AttemptNumber { get; }

    /// <summary>
    /// Gets whether the call may be sent more than once: its method is idempotent (GET, HEAD, OPTIONS, PUT, DELETE,
    /// TRACE), or the request said so with <see cref="ResilienceRequestExtensions.Retry(HeraldRequest, int?)"/>.
    /// </summary>
    public bool IsIdempotent { get; }

    /// <summary>Gets the response of the attempt, or <see langword="null"/> when it failed without one. Do not dispose it.</summary>
    public HttpResponseMessage? Response { get; }

    /// <summary>Gets the status code of the response, or <see langword="null"/> when the attempt failed without one.</summary>
    public int? Status => Response is null ? null : (int)Response.StatusCode;

    /// <summary>
    /// Gets why the attempt failed without a response (a transport error, an attempt timeout as
    /// <see cref="Polly.Timeout.TimeoutRejectedException"/>), or <see langword="null"/>.
    /// </summary>
    public Exception? Exception { get; }
}
