using Herald.Client.Tests.Infrastructure;
using Herald.Client.Tests.Progress.Support;

namespace Herald.Client.Tests.Progress;

public sealed class ProgressTests(ProgressServer server) : IClassFixture<ProgressServer>
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task OnUploadProgress_SizedBody_ReportsInStepsAndEndsWithTheTotal()
    {
        var log = new ProgressLog();
        using var client = Client(new ManualTimeProvider()); // the clock stands still: only the byte steps report

        using var response = await client.PostAsync("count", r => r.Body(new byte[3 * MiB], "octet").OnUploadProgress(log.Add));

        Assert.Equal("3145728", response.Body);
        log.AssertCompleted(3 * MiB, 3 * MiB);
        Assert.InRange(log.Reports.Count, 2, 4); // about one a MiB, not one per chunk
        Assert.Equal(1.0, log.Reports[^1].Fraction);
    }

    [Fact]
    public async Task OnUploadProgress_ChunkedStream_HasNoTotalAndStillEnds()
    {
        var log = new ProgressLog();
        using var client = Client(new ManualTimeProvider(), step: 256 * 1024);

        using var response = await client.PostAsync("count", r => r.Body(new GeneratedStream(MiB)).OnUploadProgress(log.Add));

        Assert.Equal("1048576", response.Body);
        log.AssertCompleted(MiB, null);
        Assert.Null(log.Reports[0].Fraction);
    }

    [Fact]
    public async Task OnDownloadProgress_BufferedBody_EndsWithTheContentLength()
    {
        var log = new ProgressLog();
        using var client = Client(new ManualTimeProvider());

        using var response = await client.GetAsync("bytes/3000000", r => r.As(ResponseBodyKind.Bytes).OnDownloadProgress(log.Add));

        Assert.Equal(3_000_000, ((byte[])response.Body!).Length);
        log.AssertCompleted(3_000_000, 3_000_000);
        Assert.InRange(log.Reports.Count, 2, 4);
    }

    [Fact]
    public async Task OnDownloadProgress_StreamReadInSmallPieces_IsThrottled()
    {
        var log = new ProgressLog();
        using var client = Client(new ManualTimeProvider(), step: 64 * 1024);

        using var response = await client.GetAsync("bytes/1048576", r => r.As(ResponseBodyKind.Stream).OnDownloadProgress(log.Add));
        Assert.Empty(log.Reports); // nothing read yet
        var stream = (Stream)response.Body!;
        var buffer = new byte[1024];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        Assert.Equal(MiB, total);
        log.AssertCompleted(MiB, MiB);
        Assert.InRange(log.Reports.Count, 16, 17); // every 64 KiB of 1024 reads, the last one being the final report
    }

    [Fact]
    public async Task OnDownloadProgress_ChunkedResponse_EndsWhenTheBodyEnds()
    {
        var log = new ProgressLog();
        using var client = Client(new ManualTimeProvider());

        using var response = await client.GetAsync("chunked/200000", r => r.As(ResponseBodyKind.Bytes).OnDownloadProgress(log.Add));

        log.AssertCompleted(200_000, null);
    }

    [Fact]
    public async Task OnDownloadProgress_GzipBody_CountsWireBytesThatMatchContentLength()
    {
        var log = new ProgressLog();
        using var client = Client(new ManualTimeProvider());

        using var response = await client.GetAsync("gzip", r => r.OnDownloadProgress(log.Add));

        Assert.Equal(ProgressServer.GzipText, response.Body);
        Assert.Equal("gzip", response.OriginalContentEncoding);
        log.AssertCompleted(ProgressServer.GzipBody.Length, ProgressServer.GzipBody.Length);
        Assert.True(ProgressServer.GzipBody.Length < ProgressServer.GzipText.Length);
    }

    [Fact]
    public async Task ReportInterval_TimeOnTheClientClock_ReportsASlowTransfer()
    {
        var clock = new ManualTimeProvider();
        var log = new ProgressLog();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.TimeProvider = clock;
            o.Progress.ReportEveryBytes = long.MaxValue;
            o.Progress.ReportInterval = TimeSpan.FromSeconds(1);
        });

        using var response = await client.GetAsync("bytes/4096", r => r.As(ResponseBodyKind.Stream).OnDownloadProgress(log.Add));
        var stream = (Stream)response.Body!;
        var buffer = new byte[1024];
        await stream.ReadExactlyAsync(buffer);
        Assert.Empty(log.Reports);
        clock.Advance(TimeSpan.FromSeconds(1));
        await stream.ReadExactlyAsync(buffer);

        Assert.Equal(new TransferProgress(2048, 4096, isCompleted: false), Assert.Single(log.Reports));
        await stream.ReadExactlyAsync(buffer);
        await stream.ReadExactlyAsync(buffer);
        log.AssertCompleted(4096, 4096);
        Assert.Equal(2, log.Reports.Count);
    }

    [Fact]
    public async Task Progress_ClientCallbacks_RunForEveryCallBeforeTheRequestsOwn()
    {
        var order = new List<string>();
        var clientLog = new ProgressLog();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Progress.OnDownload = p =>
            {
                clientLog.Add(p);
                order.Add("client");
            };
            o.Progress.OnUpload = _ => order.Add("client-up");
        });

        using (await client.GetAsync("bytes/10"))
        {
        }

        using (await client.PostAsync("count", r => r.Body("hello").OnUploadProgress(_ => order.Add("request-up")).OnDownloadProgress(_ => order.Add("request"))))
        {
        }

        Assert.Equal(["client", "client-up", "request-up", "client", "request"], order);
        Assert.Equal(new TransferProgress(10, 10, isCompleted: true), clientLog.Reports[0]);
    }

    [Fact]
    public async Task OnDownloadProgress_HeadRequest_ReportsNothing()
    {
        var log = new ProgressLog();
        using var client = Client(TimeProvider.System);

        using var response = await client.HeadAsync("bytes/1000", r => r.OnDownloadProgress(log.Add));

        Assert.Equal(200, response.Status);
        Assert.Empty(log.Reports);
    }

    [Fact]
    public void ProgressOptions_Negative_ThrowNamingTheProperty()
    {
        var step = Assert.Throws<ArgumentOutOfRangeException>(() => new HeraldClient(o => o.Progress.ReportEveryBytes = -1));
        var interval = Assert.Throws<ArgumentOutOfRangeException>(() => new HeraldClient(o => o.Progress.ReportInterval = TimeSpan.FromSeconds(-1)));

        Assert.Contains("ProgressOptions.ReportEveryBytes", step.Message);
        Assert.Contains("ProgressOptions.ReportInterval", interval.Message);
    }

    [Fact]
    public void TransferProgress_Fraction_AndText()
    {
        Assert.Equal(0.25, new TransferProgress(25, 100, false).Fraction);
        Assert.Null(new TransferProgress(25, null, false).Fraction);
        Assert.Equal(1.0, new TransferProgress(0, 0, true).Fraction);
        Assert.Equal("25/100 bytes", new TransferProgress(25, 100, false).ToString());
        Assert.Equal("7/? bytes (done)", new TransferProgress(7, null, true).ToString());
    }

    private HeraldClient Client(TimeProvider clock, long step = ProgressOptions.DefaultReportEveryBytes) => new(o =>
    {
        o.BaseAddress = server.BaseAddress;
        o.TimeProvider = clock;
        o.Progress.ReportEveryBytes = step;
    });
}
