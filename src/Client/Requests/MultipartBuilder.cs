using System.Text;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Collects the parts of a <c>multipart/form-data</c> body, sent in the order added. Given to the callback of
/// <see cref="HeraldRequest.MultipartBody(Action{MultipartBuilder})"/>.
/// </summary>
public sealed class MultipartBuilder
{
    private readonly List<MultipartPart> _parts = [];

    internal MultipartBuilder()
    {
    }

    /// <summary>Gets the number of parts added so far.</summary>
    public int Count => _parts.Count;

    internal IReadOnlyList<MultipartPart> Parts => _parts;

    /// <summary>Adds a text field, encoded as UTF-8.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The text.</param>
    /// <param name="contentType">The part's content type, or <see langword="null"/> to send none (a plain form field).</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public MultipartBuilder AddText(string name, string value, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetBytes(value);
        _parts.Add(new(name, null, contentType is null ? null : MediaTypes.Expand(contentType, nameof(contentType)), () => new ByteArrayContent(bytes)));
        return this;
    }

    /// <summary>Adds bytes, as a file when <paramref name="fileName"/> is given.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="fileName">The file name the server sees, or <see langword="null"/>.</param>
    /// <param name="contentType">The part's content type; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/> or <paramref name="bytes"/> is <see langword="null"/>.</exception>
    public MultipartBuilder AddBytes(string name, byte[] bytes, string? fileName = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(bytes);
        _parts.Add(new(name, fileName, TypeOrDefault(contentType, MediaTypes.OctetStream), () => new ByteArrayContent(bytes)));
        return this;
    }

    /// <summary>
    /// Adds a stream, read while the request is sent (not buffered). A stream that cannot seek can be sent once; a
    /// seekable one is rewound for each send. The caller keeps ownership and disposes it.
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="stream">The content.</param>
    /// <param name="fileName">The file name the server sees, or <see langword="null"/>.</param>
    /// <param name="contentType">The part's content type; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <param name="length">The number of bytes to send, when known and the stream cannot seek.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    public MultipartBuilder AddStream(string name, Stream stream, string? fileName = null, string? contentType = null, long? length = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(stream);
        if (length is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(length));
        }

        var body = new StreamBody(stream, length, null);
        _parts.Add(new(name, fileName, TypeOrDefault(contentType, MediaTypes.OctetStream), () => body.CreateContent(default)));
        return this;
    }

    /// <summary>Adds a file from disk, streamed while the request is sent.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="path">The file to send.</param>
    /// <param name="fileName">The file name the server sees; the file's own name when <see langword="null"/>.</param>
    /// <param name="contentType">The part's content type; guessed from the file extension when <see langword="null"/>.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">Thrown when the file does not exist.</exception>
    public MultipartBuilder AddFile(string name, string path, string? fileName = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The multipart file '{Path.GetFullPath(path)}' does not exist.", path);
        }

        var body = new FileBody(path, null);
        _parts.Add(new(
            name,
            fileName ?? Path.GetFileName(path),
            TypeOrDefault(contentType, MediaTypes.FromFileName(path)),
            () => body.CreateContent(default)));
        return this;
    }

    private static string TypeOrDefault(string? contentType, string fallback) =>
        contentType is null ? fallback : MediaTypes.Expand(contentType, nameof(contentType));
}
