namespace Herald.Responses.Files;

/// <summary>A satisfiable byte range of a representation: <paramref name="Start"/> to <paramref name="End"/>, both inclusive.</summary>
/// <param name="Start">The offset of the first byte.</param>
/// <param name="End">The offset of the last byte (inclusive, as in <c>Content-Range</c>).</param>
internal readonly record struct ByteRange(long Start, long End)
{
    /// <summary>The number of bytes in the range.</summary>
    public long Length => End - Start + 1;
}
