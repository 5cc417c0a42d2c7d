using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Herald.Client.Tests.Infrastructure;

/// <summary>Hands out one <see cref="CapturingLogger"/> per category.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, CapturingLogger> _loggers = new();

    /// <summary>Gets the loggers created so far, by category.</summary>
    public IReadOnlyDictionary<string, CapturingLogger> Loggers => _loggers;

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, _ => new CapturingLogger());

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
