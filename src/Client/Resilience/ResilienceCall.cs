using Polly;

namespace Herald.Client.Internal;

/// <summary>
/// One call through the resilience middleware: its attempts, and what a later attempt is rebuilt from. Inner
/// middleware changes the message it is given (auth and cookie headers, hop options), so the headers and options are
/// taken before the first attempt, and each retry starts from them on a fresh message, as the caller made it.
/// </summary>
internal sealed class ResilienceCall
{
    private readonly ResilienceHandler _handler;
    private readonly HeraldExchange _exchange;
    private readonly KeyValuePair<string, string[]>[]? _headers;
    private readonly KeyValuePair<string, object?>[]? _options;

    public ResilienceCall(ResilienceHandler handler, HttpRequestMessage request, HeraldExchange exchange)
    {
        _handler = handler;
        _exchange = exchange;
        Request = request;
        Current = request;
        var perRequest = request.Options.TryGetValue(ResilienceRequestExtensions.RetryKey, out var own) ? own : null;
        RetryEnabled = handler.HasRetry && perRequest?.Enabled != false;
        MaxRetryAttempts = perRequest?.MaxRetryAttempts ?? handler.MaxRetryAttempts;
        IsIdempotent = perRequest?.Enabled == true || RetryOptions.IsIdempotent(request.Method);
        if (!RetryEnabled || MaxRetryAttempts == 0)
        {
            return;
        }

        // A read-once body keeps a copy as it is first sent (once, even when redirects or auth below want one too).
        BodyReplay.Prepare(request, exchange.MaxReplayBufferBytes);
        _headers = [.. request.Headers.NonValidated.Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value]))];
        _options = [.. request.Options];
    }

    /// <summary>The caller's message: the first attempt sends it.</summary>
    public HttpRequestMessage Request { get; }

    /// <summary>The message of the latest attempt.</summary>
    public HttpRequestMessage Current { get; private set; }

    /// <summary>How many attempts have started.</summary>
    public int Attempts { get; private set; }

    /// <summary>Whether this call may be retried at all (a retry is installed and the request did not say <c>NoRetry()</c>).</summary>
    public bool RetryEnabled { get; }

    /// <summary>The retry count for this call: the request's own, else the client's.</summary>
    public int MaxRetryAttempts { get; }

    /// <summary>Whether the method is idempotent or the request said it may be retried.</summary>
    public bool IsIdempotent { get; }

    /// <summary>Whether URLs in messages show their query.</summary>
    public bool ShowQuery => _exchange.ShowQuery;

    /// <summary>Set when the retry wanted another attempt but the body could not be sent again.</summary>
    public bool ReplayRefused { get; set; }

    /// <summary>Whether the last timeout that fired was the total one (else the per-attempt one).</summary>
    public bool TotalTimedOut { get; set; }

    /// <summary>Sends one attempt; a body the caller will buffer anyway is read here, so a break mid-body is this attempt's failure.</summary>
    public async ValueTask<HttpResponseMessage> SendAttemptAsync(ResilienceContext context)
    {
        var attempt = ++Attempts;
        _exchange.Attempts = attempt;
        if (attempt > 1)
        {
            // A retry starts at the caller's own URL again, as a fresh call.
            _exchange.BeginAttempt();
            Current = CreateRetryMessage();
        }

        var response = await _handler.SendInnerAsync(Current, context.CancellationToken).ConfigureAwait(false);
        if (!_exchange.BuffersResponseBody)
        {
            return response;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.InnerException is HttpIOException io)
        {
            // As HeraldClient does when it buffers: the framework's "Error while copying content" hides what it was.
            response.Dispose();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(io);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }

    private HttpRequestMessage CreateRetryMessage()
    {
        var message = new HttpRequestMessage(Request.Method, Request.RequestUri)
        {
            Version = Request.Version,
            VersionPolicy = Request.VersionPolicy,
            Content = Request.Content,
        };

        foreach (var (name, values) in _headers!)
        {
            message.Headers.TryAddWithoutValidation(name, values);
        }

        // Every option travels on, the exchange and per-request settings included.
        var options = (IDictionary<string, object?>)message.Options;
        foreach (var (key, value) in _options!)
        {
            options[key] = value;
        }

        return message;
    }
}
