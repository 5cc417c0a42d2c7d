using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Herald.Client.DependencyInjection.Tests.Infrastructure;

/// <summary>
/// Keeps every log entry of every category for assertions, and lets a test wait for an entry to be written
/// (<see cref="WaitForAsync"/>) instead of waiting for time to pass.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private readonly ConcurrentQueue<(Func<Entry, bool> Match, TaskCompletionSource<Entry> Signal)> _waiters = new();

    /// <summary>Gets the entries in the order they were written.</summary>
    public IReadOnlyList<Entry> Entries => [.. _entries];

    /// <summary>Returns a task that completes with the first entry, already written or still to come, that matches.</summary>
    public Task<Entry> WaitForAsync(Func<Entry, bool> match)
    {
        var signal = new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue((match, signal));
        foreach (var entry in _entries)
        {
            if (match(entry))
            {
                signal.TrySetResult(entry);
                break;
            }
        }

        return signal.Task;
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private void Add(Entry entry)
    {
        _entries.Enqueue(entry);
        foreach (var (match, signal) in _waiters)
        {
            if (!signal.Task.IsCompleted && match(entry))
            {
                signal.TrySetResult(entry);
            }
        }
    }

    /// <summary>One log entry.</summary>
    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message);

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new Entry(category, logLevel, eventId, formatter(state, exception)));
    }
}
