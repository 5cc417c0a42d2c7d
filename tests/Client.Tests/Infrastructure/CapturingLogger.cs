using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Herald.Client.Tests.Infrastructure;

/// <summary>An <see cref="ILogger"/> that keeps every entry (level, rendered message, structured values) for assertions.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    /// <summary>Gets the entries in the order they were written.</summary>
    public IReadOnlyList<Entry> Entries => [.. _entries];

    /// <summary>Gets all rendered messages joined by newlines.</summary>
    public string Text => string.Join('\n', _entries.Select(e => e.Message));

    /// <inheritdoc/>
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc/>
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc/>
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        _entries.Enqueue(new Entry(logLevel, eventId, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value), exception));
    }

    /// <summary>One log entry.</summary>
    public sealed record Entry(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);
}
