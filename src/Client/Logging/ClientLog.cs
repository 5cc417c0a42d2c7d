using Microsoft.Extensions.Logging;

namespace Herald.Client.Internal;

/// <summary>The logging middleware's messages, compiled once by the logging source generator.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "HTTP {Method} {Url} responded {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void Responded(ILogger logger, string method, string url, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "HTTP {Method} {Url} failed after {ElapsedMilliseconds} ms: {Error}")]
    public static partial void Failed(ILogger logger, string method, string url, double elapsedMilliseconds, string error, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "HTTP {Method} {Url} request HTTP/{Version} headers:\n{Headers}")]
    public static partial void RequestHeaders(ILogger logger, string method, string url, string version, string headers);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "HTTP {Method} {Url} response {StatusCode} HTTP/{Version} headers:\n{Headers}")]
    public static partial void ResponseHeaders(ILogger logger, string method, string url, int statusCode, string version, string headers);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "HTTP {Method} {Url} request body: {Body}")]
    public static partial void RequestBody(ILogger logger, string method, string url, string body);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "HTTP {Method} {Url} response body: {Body}")]
    public static partial void ResponseBody(ILogger logger, string method, string url, string body);
}
