namespace Herald.Client.Tests.Progress.Support;

/// <summary>Collects progress reports and checks what every transfer must show: counts that never go back, one final report last.</summary>
public sealed class ProgressLog
{
    private readonly List<TransferProgress> _reports = [];

    public IReadOnlyList<TransferProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Add(TransferProgress progress)
    {
        lock (_reports)
        {
            _reports.Add(progress);
        }
    }

    /// <summary>Asserts the reports rise monotonically and end with exactly one completed report of <paramref name="bytes"/> out of <paramref name="total"/>.</summary>
    public TransferProgress AssertCompleted(long bytes, long? total)
    {
        var reports = Reports;
        Assert.NotEmpty(reports);
        for (var i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].BytesTransferred >= reports[i - 1].BytesTransferred, $"report {i} went back: {reports[i - 1]} then {reports[i]}");
        }

        var last = reports[^1];
        Assert.True(last.IsCompleted, $"the last report {last} is not the final one");
        Assert.Single(reports, r => r.IsCompleted);
        Assert.Equal(bytes, last.BytesTransferred);
        Assert.Equal(total, last.TotalBytes);
        Assert.All(reports, r => Assert.Equal(total, r.TotalBytes));
        return last;
    }
}
