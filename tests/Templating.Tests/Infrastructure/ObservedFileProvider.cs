using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Herald.Templating.Tests.Infrastructure;

/// <summary>
/// A real <see cref="PhysicalFileProvider"/> that counts how often each file is opened and signals when a change token
/// it handed out fires, so tests can see compilations and wait for a change without sleeping.
/// </summary>
public sealed class ObservedFileProvider(string root) : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider _inner = new(root);
    private readonly Dictionary<string, int> _reads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _changes = new(StringComparer.Ordinal);

    public string Root => _inner.Root;

    /// <summary>How many times <paramref name="subpath"/> has been opened for reading.</summary>
    public int Reads(string subpath)
    {
        lock (_reads)
        {
            return _reads.GetValueOrDefault(subpath);
        }
    }

    /// <summary>Completes when a change token handed out for <paramref name="subpath"/> (from now on or earlier) fires.</summary>
    public Task Changed(string subpath)
    {
        lock (_changes)
        {
            if (!_changes.TryGetValue(subpath, out var signal))
            {
                signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _changes[subpath] = signal;
            }

            return signal.Task;
        }
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => _inner.GetDirectoryContents(subpath);

    public IFileInfo GetFileInfo(string subpath) => new CountingFileInfo(_inner.GetFileInfo(subpath), this, subpath);

    public IChangeToken Watch(string filter)
    {
        var token = _inner.Watch(filter);
        token.RegisterChangeCallback(static state =>
        {
            var (self, path) = ((ObservedFileProvider, string))state!;
            TaskCompletionSource signal;
            lock (self._changes)
            {
                if (!self._changes.TryGetValue(path, out signal!))
                {
                    signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    self._changes[path] = signal;
                }
            }

            signal.TrySetResult();
        }, (this, filter));
        return token;
    }

    public void Dispose() => _inner.Dispose();

    private void CountRead(string subpath)
    {
        lock (_reads)
        {
            _reads[subpath] = _reads.GetValueOrDefault(subpath) + 1;
        }
    }

    private sealed class CountingFileInfo(IFileInfo inner, ObservedFileProvider owner, string subpath) : IFileInfo
    {
        public bool Exists => inner.Exists;
        public long Length => inner.Length;
        public string? PhysicalPath => inner.PhysicalPath;
        public string Name => inner.Name;
        public DateTimeOffset LastModified => inner.LastModified;
        public bool IsDirectory => inner.IsDirectory;

        public Stream CreateReadStream()
        {
            owner.CountRead(subpath);
            return inner.CreateReadStream();
        }
    }
}
