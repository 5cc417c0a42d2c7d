namespace Herald.Bench.Server;

/// <summary>The files both file endpoints send, written once at start-up into a fresh temporary folder.</summary>
public sealed class BenchFiles : IDisposable
{
    private BenchFiles(string directory)
    {
        Directory = directory;
        Small = Write("small-64k.bin", 64 * 1024);
        Large = Write("large-10m.bin", 10 * 1024 * 1024);
    }

    /// <summary>Gets the temporary folder holding the files.</summary>
    public string Directory { get; }

    /// <summary>Gets the full path of the 64 KiB file.</summary>
    public string Small { get; }

    /// <summary>Gets the full path of the 10 MiB file.</summary>
    public string Large { get; }

    /// <summary>Creates the folder and writes both files with random bytes (incompressible, like real downloads).</summary>
    /// <returns>The files; dispose to delete them.</returns>
    public static BenchFiles Create() => new(System.IO.Directory.CreateTempSubdirectory("herald-bench-").FullName);

    /// <summary>Deletes the folder and its files.</summary>
    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private string Write(string name, int length)
    {
        var path = Path.Combine(Directory, name);
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
