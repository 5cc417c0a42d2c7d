using System.Net;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Herald.Responses.Tests.Streaming;

/// <summary>Runs alone, so the process-wide allocation counter sees only the streamed body's own costs.</summary>
[CollectionDefinition(nameof(StreamingMemoryCollection), DisableParallelization = true)]
public sealed class StreamingMemoryCollection;

[Collection(nameof(StreamingMemoryCollection))]
public sealed class StreamingMemoryTests(ITestOutputHelper output)
{
    // Chunk lengths are multiples of the pattern's period, so one chunk generated up front is the whole body's pattern
    // (byte at position p is Offset + p % Period) and the server writes it again and again without allocating.
    private const int BinaryPeriod = 251;
    private const int TextPeriod = 26;
    private const int BinaryChunk = BinaryPeriod * 256;
    private const int TextChunk = TextPeriod * 2520;
    private const int Chunks = 4200;

    [Theory]
    [InlineData("stream")]
    [InlineData("pipe")]
    [InlineData("writer")]
    public async Task LargeBody_StreamsWithFlatMemory(string kind)
    {
        var (period, offset, chunkLength) = kind == "writer" ? (TextPeriod, (byte)'a', TextChunk) : (BinaryPeriod, (byte)0, BinaryChunk);
        long expectedLength = (long)chunkLength * Chunks;
        var serverAllocated = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bytes = new byte[chunkLength];
        var chars = new char[chunkLength];
        for (var i = 0; i < chunkLength; i++)
        {
            bytes[i] = (byte)(offset + (i % period));
            chars[i] = (char)bytes[i];
        }

        await using var app = await TestApp.StartAsync(a => a.MapGet("/large", () => kind switch
        {
            "stream" => (IResult)Respond.Stream(async (body, ct) =>
            {
                var before = GC.GetTotalAllocatedBytes();
                for (var i = 0; i < Chunks; i++)
                {
                    await body.WriteAsync(bytes, ct);
                }

                serverAllocated.SetResult(GC.GetTotalAllocatedBytes() - before);
            }),
            "pipe" => Respond.Pipe(async (pipe, ct) =>
            {
                var before = GC.GetTotalAllocatedBytes();
                for (var i = 0; i < Chunks; i++)
                {
                    await pipe.WriteAsync(bytes, ct);
                }

                serverAllocated.SetResult(GC.GetTotalAllocatedBytes() - before);
            }),
            _ => Respond.Writer(async (writer, ct) =>
            {
                var before = GC.GetTotalAllocatedBytes();
                for (var i = 0; i < Chunks; i++)
                {
                    await writer.WriteAsync(chars.AsMemory(), ct);
                }

                await writer.FlushAsync(ct);
                serverAllocated.SetResult(GC.GetTotalAllocatedBytes() - before);
            }),
        }));

        // Bounds the whole exchange, reads included (HttpClient.Timeout stops at the headers here).
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var response = await app.Client.GetAsync("/large", HttpCompletionOption.ResponseHeadersRead, bound.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TransferEncodingChunked);
        await using var body = await response.Content.ReadAsStreamAsync(bound.Token);

        var buffer = new byte[81920];
        long position = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, bound.Token)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)(offset + ((position + i) % period)))
                {
                    Assert.Fail($"Byte {position + i} is {buffer[i]}, expected {(byte)(offset + ((position + i) % period))}.");
                }
            }

            position += read;
        }

        Assert.Equal(expectedLength, position);
        Assert.True(expectedLength > 256L * 1024 * 1024);
        // Buffering the body anywhere would allocate at least its size (over 256 MB). Writing it through allocates
        // pipe segments and per-write state only; the bound leaves room for the client reading in the same process.
        var allocated = await serverAllocated.Task.WaitAsync(bound.Token);
        output.WriteLine($"{kind}: streamed {expectedLength:N0} bytes, allocated {allocated:N0} bytes while writing.");
        Assert.True(allocated < expectedLength / 16, $"Streaming {expectedLength:N0} bytes allocated {allocated:N0} bytes.");
    }
}
