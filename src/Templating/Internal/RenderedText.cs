using System.IO.Pipelines;
using System.Text;

namespace Herald.Templating.Internal;

/// <summary>Writes rendered text, held in a buffer, to a <see cref="PipeWriter"/> a chunk at a time.</summary>
internal static class RenderedText
{
    private const int ChunkChars = 16 * 1024;

    /// <summary>
    /// Encodes <paramref name="chars"/> into <paramref name="writer"/>, flushing after each chunk so the connection's
    /// back-pressure applies and the encoded copy never exceeds one chunk.
    /// </summary>
    public static async ValueTask WriteAsync(PipeWriter writer, ReadOnlyMemory<char> chars, Encoding encoding, CancellationToken cancellationToken)
    {
        var encoder = encoding.GetEncoder();
        while (!chars.IsEmpty)
        {
            var take = Math.Min(ChunkChars, chars.Length);
            var last = take == chars.Length;

            // The encoder keeps a high surrogate at a chunk's end for the next chunk, so pairs are never split.
            encoder.Convert(chars.Span[..take], writer, flush: last, out _, out _);
            chars = chars[take..];
            var result = await writer.FlushAsync(cancellationToken);
            if (result.IsCanceled || result.IsCompleted)
            {
                return;
            }
        }
    }
}
