namespace Herald.Client.Internal;

/// <summary>A file streamed from disk (never read into memory) with its length as <c>Content-Length</c>.</summary>
internal sealed class FileBody(string path, string? contentType) : RequestBody
{
    public override HttpContent CreateContent(in BodyContext context)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The request body file '{file.FullName}' does not exist.", file.FullName);
        }

        var content = new StreamBodyContent(() => Open(path), file.Length);
        return WithContentType(content, context.ContentType ?? contentType ?? MediaTypes.FromFileName(path));
    }

    /// <summary>Opens the file for one asynchronous, sequential read.</summary>
    public static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
