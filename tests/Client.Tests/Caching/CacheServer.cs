using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Caching;

/// <summary>
/// A loopback server for the cache tests. A test registers a handler under a path of its own with <see cref="On"/>; the
/// server counts how often each path is hit and records the request headers of every hit, so a test can see whether a
/// response came from the server or from the cache, and what a revalidation sent.
/// </summary>
public sealed class CacheServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, int, Task>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<IHeaderDictionary>> _hits = new(StringComparer.Ordinal);
    private LoopbackServer? _server;

    /// <summary>A fixed server date, so a test's freshness arithmetic does not depend on the wall clock.</summary>
    public static readonly DateTimeOffset Date = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public LoopbackServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
        app.Map("/{**path}", async (HttpContext ctx) =>
        {
            var path = ctx.Request.Path.Value ?? "/";
            if (!_handlers.TryGetValue(path, out var handler))
            {
                ctx.Response.StatusCode = 404;
                return;
            }

            var hits = _hits.GetOrAdd(path, _ => new());
            hits.Enqueue(new HeaderDictionary(ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase)));
            ctx.Response.Headers.Date = Date.ToString("r");
            await handler(ctx, hits.Count);
        }));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Registers <paramref name="handler"/> (given the context and the hit number, from 1) under a new path and returns its URL.</summary>
    public string On(Func<HttpContext, int, Task> handler, string suffix = "", [CallerMemberName] string test = "")
    {
        var path = $"/{test}/{Guid.NewGuid():N}{suffix}";
        _handlers[path] = handler;
        return Server.Url(path).ToString();
    }

    /// <summary>Registers a handler that writes <paramref name="headers"/> (name, value pairs) and the body <c>hit N</c>.</summary>
    public string On(params string[] headers) => On(Headers(headers));

    /// <summary>A handler that writes <paramref name="headers"/> (name, value pairs) and the body <c>hit N</c>.</summary>
    public static Func<HttpContext, int, Task> Headers(params string[] headers) => async (ctx, hit) =>
    {
        for (var i = 0; i + 1 < headers.Length; i += 2)
        {
            ctx.Response.Headers.Append(headers[i], headers[i + 1]);
        }

        await ctx.Response.WriteAsync($"hit {hit}");
    };

    /// <summary>How often the path of <paramref name="url"/> was hit.</summary>
    public int Hits(string url) => _hits.TryGetValue(new Uri(url).AbsolutePath, out var hits) ? hits.Count : 0;

    /// <summary>The request headers of each hit on the path of <paramref name="url"/>, in order.</summary>
    public IReadOnlyList<IHeaderDictionary> Requests(string url) =>
        _hits.TryGetValue(new Uri(url).AbsolutePath, out var hits) ? [.. hits] : [];
}
