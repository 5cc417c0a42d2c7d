using System.Text;

namespace Herald.Responses.Tests.Files;

/// <summary>A directory of its own for one test, deleted (links included, never their targets) when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Root = Directory.CreateTempSubdirectory("herald-files-").FullName;

    public string Root { get; }

    /// <summary>Creates <paramref name="relativePath"/> (and its folders) holding <paramref name="content"/>; returns its full path.</summary>
    public string Write(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

    public string CreateDirectory(string relativePath) => Directory.CreateDirectory(Path.Combine(Root, relativePath)).FullName;

    /// <summary>Bytes whose value depends on their offset, so any slice can be checked against its position.</summary>
    public static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) ^ (i >> 8) ^ (i >> 16));
        }

        return bytes;
    }

    public void Dispose()
    {
        // Directory.Delete removes symbolic links themselves without following them.
        Directory.Delete(Root, recursive: true);
    }
}
