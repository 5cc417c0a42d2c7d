namespace Herald.Client.Tests.LoadBalancing.Support;

/// <summary>Three target servers on 127.0.0.1 (answering "a", "b" and "c"), started before each test and stopped after it.</summary>
public abstract class ThreeTargetsTest : IAsyncLifetime
{
    protected TargetServer A { get; private set; } = null!;

    protected TargetServer B { get; private set; } = null!;

    protected TargetServer C { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        A = await TargetServer.StartAsync("a");
        B = await TargetServer.StartAsync("b");
        C = await TargetServer.StartAsync("c");
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await C.DisposeAsync();
    }
}
