using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Responses.Tests.Infrastructure;

/// <summary>
/// Wraps each request's <see cref="IHttpResponseBodyFeature"/> to record what the handler writes and sends, before the
/// server sees it. Kestrel silently discards a HEAD response's body, so "the client got no body" proves nothing about
/// whether a result skipped producing one; this does.
/// </summary>
public sealed class BodyRecorder
{
    private readonly Channel<BodyRecord> _started = Channel.CreateUnbounded<BodyRecord>();

    /// <summary>Installs the recorder in front of everything <paramref name="app"/> maps after this call.</summary>
    public void Install(IApplicationBuilder app) => app.Use(async (httpContext, next) =>
    {
        var inner = httpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var record = new BodyRecord(httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty);
        httpContext.Features.Set<IHttpResponseBodyFeature>(new RecordingBodyFeature(inner, record));
        _started.Writer.TryWrite(record);
        try
        {
            await next(httpContext);
        }
        finally
        {
            httpContext.Features.Set(inner);
            record.Complete();
        }
    });

    /// <summary>The record of the next request with this method and path to reach the app (waits up to 30 seconds).</summary>
    public async Task<BodyRecord> NextAsync(string method, string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var record = await _started.Reader.ReadAsync(timeout.Token);
            if (record.Method == method && record.Path == path)
            {
                return record;
            }
        }
    }
}
