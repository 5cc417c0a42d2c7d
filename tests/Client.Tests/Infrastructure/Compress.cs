using System.IO.Compression;

namespace Herald.Client.Tests.Infrastructure;

/// <summary>Encodes bytes as servers do, for endpoints that send pre-encoded bodies.</summary>
public static class Compress
{
    public static byte[] Gzip(byte[] data) => Encode(data, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true));

    public static byte[] Zlib(byte[] data) => Encode(data, s => new ZLibStream(s, CompressionLevel.Optimal, leaveOpen: true));

    public static byte[] RawDeflate(byte[] data) => Encode(data, s => new DeflateStream(s, CompressionLevel.Optimal, leaveOpen: true));

    public static byte[] Brotli(byte[] data) => Encode(data, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true));

    /// <summary>Gzips <paramref name="length"/> zero bytes without ever holding them: a decompression bomb.</summary>
    public static byte[] GzipZeros(long length)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var written = 0L; written < length; written += zeros.Length)
            {
                gzip.Write(zeros, 0, (int)Math.Min(zeros.Length, length - written));
            }
        }

        return output.ToArray();
    }

    private static byte[] Encode(byte[] data, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream();
        using (var stream = encoder(output))
        {
            stream.Write(data);
        }

        return output.ToArray();
    }
}
