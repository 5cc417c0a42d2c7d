using Microsoft.Extensions.Logging;

namespace Herald.Client.Internal;

/// <summary>The cache middleware's messages, compiled once by the logging source generator.</summary>
internal static partial class CacheLog
{
    [LoggerMessage(EventId = 50, Level = LogLevel.Warning, Message = "HTTP cache store failed to {Operation} the entry of {Url}; the call goes on without the cache")]
    public static partial void StoreFailed(ILogger logger, string operation, string url, Exception exception);

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning, Message = "HTTP cache entry of {Url} could not be read (corrupt or of another format); it was dropped")]
    public static partial void EntryUnreadable(ILogger logger, string url);
}
