using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Herald.Templating.Tests.Infrastructure;

/// <summary>
/// Reads files from a real folder but hands out change tokens that the test fires itself, and counts how often anyone
/// polls them, so a test can see whether a render asks its tokens.
/// </summary>
public sealed class SignalledFileProvider(string root) : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider _inner = new(root);
    private CancellationTokenSource _changes = new();
    private int _polls;

    /// <summary>How many times <see cref="IChangeToken.HasChanged"/> has been read on a token from <see cref="Watch"/>.</summary>
    public int Polls => Volatile.Read(ref _polls);

    /// <summary>Fires every token handed out so far; later calls to <see cref="Watch"/> get a fresh one.</summary>
    public void Fire() => Interlocked.Exchange(ref _changes, new CancellationTokenSource()).Cancel();

    public IDirectoryContents GetDirectoryContents(string subpath) => _inner.GetDirectoryContents(subpath);

    public IFileInfo GetFileInfo(string subpath) => _inner.GetFileInfo(subpath);

    public IChangeToken Watch(string filter) => new CountingToken(new CancellationChangeToken(Volatile.Read(ref _changes).Token), this);

    public void Dispose() => _inner.Dispose();

    private sealed class CountingToken(IChangeToken inner, SignalledFileProvider owner) : IChangeToken
    {
        public bool HasChanged
        {
            get
            {
                Interlocked.Increment(ref owner._polls);
                return inner.HasChanged;
            }
        }

        public bool ActiveChangeCallbacks => inner.ActiveChangeCallbacks;

        public IDisposable RegisterChangeCallback(Action<object?> callback, object? state) => inner.RegisterChangeCallback(callback, state);
    }
}
