using System.Collections.Concurrent;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace Herald.Templating.Tests.Infrastructure;

/// <summary>
/// A file provider with no safety checks of its own: a sub-path is joined to the root with <see cref="Path.Combine(string, string)"/>,
/// so <c>..</c> and absolute paths reach files outside it. Tests use it to prove that the engine, not the provider,
/// keeps names inside the root; it records every path looked up and can run a hook before each read.
/// </summary>
public sealed class PermissiveFileProvider(string root) : IFileProvider
{
    private readonly ConcurrentQueue<string> _lookups = new();
    private int _reads;

    /// <summary>Every sub-path passed to <see cref="GetFileInfo"/>, in order.</summary>
    public IReadOnlyCollection<string> Lookups => _lookups;

    /// <summary>How many read streams were opened.</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Runs with the sub-path and the read's 1-based number before each read stream is opened; may throw or wait.</summary>
    public Action<string, int>? BeforeRead { get; set; }

    public IFileInfo GetFileInfo(string subpath)
    {
        _lookups.Enqueue(subpath);
        return new HookedFileInfo(new PhysicalFileInfo(new FileInfo(Path.Combine(root, subpath))), this, subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class HookedFileInfo(IFileInfo inner, PermissiveFileProvider owner, string subpath) : IFileInfo
    {
        public bool Exists => inner.Exists;
        public long Length => inner.Length;
        public string? PhysicalPath => inner.PhysicalPath;
        public string Name => inner.Name;
        public DateTimeOffset LastModified => inner.LastModified;
        public bool IsDirectory => inner.IsDirectory;

        public Stream CreateReadStream()
        {
            var number = Interlocked.Increment(ref owner._reads);
            owner.BeforeRead?.Invoke(subpath, number);
            return inner.CreateReadStream();
        }
    }
}
