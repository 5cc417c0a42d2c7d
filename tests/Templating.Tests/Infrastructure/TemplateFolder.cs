namespace Herald.Templating.Tests.Infrastructure;

/// <summary>A temporary template root (<c>&lt;temp&gt;/herald-*/templates</c>) with a sibling file outside it, deleted on dispose.</summary>
public sealed class TemplateFolder : IDisposable
{
    public TemplateFolder(params (string Path, string Content)[] files)
    {
        Parent = Path.Combine(Path.GetTempPath(), $"herald-{Guid.NewGuid():N}");
        Root = Path.Combine(Parent, "templates");
        Directory.CreateDirectory(Root);
        File.WriteAllText(SecretPath, "TOP SECRET outside the template root");
        File.WriteAllText(Path.Combine(Parent, "secret.hbs"), "TOP SECRET outside the template root");
        foreach (var (path, content) in files)
        {
            Write(path, content);
        }
    }

    /// <summary>The folder holding the template root and the secret file.</summary>
    public string Parent { get; }

    /// <summary>The template root.</summary>
    public string Root { get; }

    /// <summary>A file next to the template root that no template name may read.</summary>
    public string SecretPath => Path.Combine(Parent, "secret");

    public void Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Parent, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temp folder is cleaned by the OS.
        }
    }
}
