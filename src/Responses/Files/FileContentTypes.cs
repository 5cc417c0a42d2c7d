using Microsoft.AspNetCore.StaticFiles;

namespace Herald.Responses.Files;

/// <summary>Maps file extensions to content types with the framework's table, built once per process.</summary>
internal static class FileContentTypes
{
    /// <summary>The type sent for an extension the table does not know.</summary>
    public const string Default = "application/octet-stream";

    private static readonly FileExtensionContentTypeProvider s_provider = new();

    /// <summary>Returns the content type for <paramref name="path"/>'s extension, or <see cref="Default"/>.</summary>
    public static string FromPath(string path) =>
        s_provider.TryGetContentType(path, out var contentType) ? contentType : Default;
}
