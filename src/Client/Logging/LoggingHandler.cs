using System.Text;
using Herald.Client.Internal;
using Microsoft.Extensions.Logging;

namespace Herald.Client;

/// <summary>
/// The logging and interceptor middleware: runs interceptors, logs each hop and saves the request as sent. See
/// <see cref="ClientLoggingOptions"/> for what it writes and <see cref="HeraldMiddleware"/> for its place.
/// </summary>
internal sealed class LoggingHandler : DelegatingHandler
{
    private const string Redacted = "[redacted]";

    private readonly ILogger _logger;
    private readonly ClientLogLevel _level;
    private readonly bool _save;
    private readonly int _maxLogged;
    private readonly int _maxSaved;
    private readonly HashSet<string> _redacted;
    private readonly Func<HttpRequestMessage, CancellationToken, ValueTask>[] _onRequest;
    private readonly Func<HttpResponseMessage, CancellationToken, ValueTask>[] _onResponse;
    private readonly TimeProvider _time;
    private readonly bool _showQuery;

    /// <exception cref="ArgumentException">Thrown when an option is out of range; the message names it.</exception>
    public LoggingHandler(ClientLoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Level))
        {
            throw new ArgumentOutOfRangeException("ClientLoggingOptions.Level", options.Level, "Use a ClientLogLevel value.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxLoggedBodyBytes, "ClientLoggingOptions.MaxLoggedBodyBytes");
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxSavedBodyBytes, "ClientLoggingOptions.MaxSavedBodyBytes");
        Options = options;
        _logger = options.ResolveLogger();
        _level = options.Level;
        _save = options.SaveRequest;
        _maxLogged = options.MaxLoggedBodyBytes;
        _maxSaved = options.MaxSavedBodyBytes;
        _redacted = new HashSet<string>(options.RedactedHeaders, StringComparer.OrdinalIgnoreCase);
        _onRequest = [.. options.RequestInterceptors];
        _onResponse = [.. options.ResponseInterceptors];
        _time = options.EffectiveTimeProvider;
        _showQuery = options.LogQueryStrings;
    }

    /// <summary>Gets the options this handler was built with.</summary>
    public ClientLoggingOptions Options { get; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var interceptor in _onRequest)
        {
            await interceptor(request, cancellationToken);
        }

        var level = request.Options.TryGetValue(LoggingRequestExtensions.LevelKey, out var perRequestLevel) ? perRequestLevel : _level;
        if (level != ClientLogLevel.None && !_logger.IsEnabled(LogLevel.Information))
        {
            level = ClientLogLevel.None;
        }

        var save = request.Options.TryGetValue(LoggingRequestExtensions.SaveKey, out var perRequestSave) ? perRequestSave : _save;
        if (level == ClientLogLevel.None && !save)
        {
            return await RespondAsync(await base.SendAsync(request, cancellationToken), cancellationToken);
        }

        var method = request.Method.Method;
        var url = level == ClientLogLevel.None ? string.Empty : DisplayUrl.Of(request.RequestUri, _showQuery);
        var original = request.Content;
        BodyCapture? requestBody = null;
        if (original is not null && (save || level == ClientLogLevel.Body))
        {
            requestBody = new BodyCapture(Math.Max(save ? _maxSaved : 0, level == ClientLogLevel.Body ? _maxLogged : 0));
            request.Content = new ObservedRequestContent(original, requestBody);
        }

        var sent = save ? Snapshot(request, original) : null;
        if (level >= ClientLogLevel.Headers)
        {
            ClientLog.RequestHeaders(_logger, method, url, request.Version.ToString(), FormatHeaders(request.Headers, original?.Headers));
        }

        var started = _time.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (level != ClientLogLevel.None)
        {
            ClientLog.Failed(_logger, method, url, _time.GetElapsedTime(started).TotalMilliseconds, ex.Message, ex);
            throw;
        }
        finally
        {
            if (original is not null)
            {
                request.Content = original;
            }

            if (sent is not null)
            {
                sent.Elapsed = _time.GetElapsedTime(started);
                if (requestBody is not null)
                {
                    sent.Body = requestBody.Captured[..Math.Min(requestBody.Captured.Length, _maxSaved)].ToArray();
                    sent.BodyLength = requestBody.Total;
                }

                (HeraldExchange.Of(request).SentRequests ??= []).Add(sent);
            }
        }

        try
        {
            if (level != ClientLogLevel.None)
            {
                Log(level, method, url, original, requestBody, response, _time.GetElapsedTime(started));
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return await RespondAsync(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> RespondAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var interceptor in _onResponse)
            {
                await interceptor(response, cancellationToken);
            }
        }
        catch
        {
            // The call fails, so nobody else will dispose the response: free its connection here.
            response.Dispose();
            throw;
        }

        return response;
    }

    private void Log(ClientLogLevel level, string method, string url, HttpContent? requestContent, BodyCapture? requestBody, HttpResponseMessage response, TimeSpan elapsed)
    {
        var status = (int)response.StatusCode;
        ClientLog.Responded(_logger, method, url, status, Math.Round(elapsed.TotalMilliseconds, 1));
        if (level < ClientLogLevel.Headers)
        {
            return;
        }

        ClientLog.ResponseHeaders(_logger, method, url, status, response.Version.ToString(), FormatHeaders(response.Headers, response.Content?.Headers));
        if (level < ClientLogLevel.Body)
        {
            return;
        }

        if (requestContent is not null && requestBody is not null)
        {
            ClientLog.RequestBody(_logger, method, url, BodyFormatter.Describe(requestContent.Headers, requestBody, _maxLogged));
        }

        if (response.Content is { } content)
        {
            var logger = _logger;
            var headers = content.Headers;
            var capture = new BodyCapture(_maxLogged)
            {
                Done = c => ClientLog.ResponseBody(logger, method, url, BodyFormatter.Describe(headers, c, c.Captured.Length)),
            };
            response.Content = new TeeResponseContent(content, capture);
        }
    }

    private SentRequest Snapshot(HttpRequestMessage request, HttpContent? content)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.NonValidated)
        {
            headers[header.Key] = [.. header.Value];
        }

        if (content is not null)
        {
            _ = content.Headers.ContentLength; // computes Content-Length when the body knows it, as the transport will
            foreach (var header in content.Headers.NonValidated)
            {
                headers[header.Key] = [.. header.Value];
            }
        }

        return new SentRequest(request.Method, request.RequestUri!, request.Version, headers);
    }

    private string FormatHeaders(System.Net.Http.Headers.HttpHeaders headers, System.Net.Http.Headers.HttpHeaders? contentHeaders)
    {
        var text = new StringBuilder();
        Append(text, headers);
        if (contentHeaders is not null)
        {
            Append(text, contentHeaders);
        }

        return text.ToString().TrimEnd('\n');
    }

    private void Append(StringBuilder text, System.Net.Http.Headers.HttpHeaders headers)
    {
        foreach (var header in headers.NonValidated)
        {
            if (_redacted.Contains(header.Key))
            {
                text.Append(header.Key).Append(": ").Append(Redacted).Append('\n');
                continue;
            }

            foreach (var value in header.Value)
            {
                text.Append(header.Key).Append(": ").Append(value).Append('\n');
            }
        }
    }
}
