using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Responses.Files;

/// <summary>
/// A <c>multipart/byteranges</c> body (RFC 9110 section 14.6): each part's headers and the closing delimiter are
/// formatted up front so the exact <c>Content-Length</c> is known before the first byte is sent, and each part's data
/// streams from the file through <see cref="IHttpResponseBodyFeature.SendFileAsync"/>.
/// </summary>
internal sealed class MultipartByteRanges
{
    private readonly byte[][] _partHeaders;
    private readonly byte[] _closing;

    private MultipartByteRanges(ByteRange[] ranges, string boundary, byte[][] partHeaders, byte[] closing, long contentLength)
    {
        Ranges = ranges;
        ContentType = "multipart/byteranges; boundary=" + boundary;
        _partHeaders = partHeaders;
        _closing = closing;
        ContentLength = contentLength;
    }

    /// <summary>The response's <c>Content-Type</c>, carrying the boundary.</summary>
    public string ContentType { get; }

    /// <summary>The exact length of the whole body.</summary>
    public long ContentLength { get; }

    /// <summary>The ranges, one per part, in sending order.</summary>
    public ByteRange[] Ranges { get; }

    /// <summary>Formats the parts for <paramref name="ranges"/> of a file of <paramref name="length"/> bytes.</summary>
    public static MultipartByteRanges Create(ByteRange[] ranges, string partContentType, long length)
    {
        // A fresh random boundary per response: a fixed one could be planted inside a served file to forge parts.
        var boundary = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var partHeaders = new byte[ranges.Length][];
        long contentLength = 0;
        for (var i = 0; i < ranges.Length; i++)
        {
            var range = ranges[i];

            // The CRLF before each delimiter after the first belongs to the delimiter, not to the previous part's data.
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"{(i == 0 ? "" : "\r\n")}--{boundary}\r\nContent-Type: {partContentType}\r\nContent-Range: bytes {range.Start}-{range.End}/{length}\r\n\r\n");
            partHeaders[i] = Encoding.ASCII.GetBytes(text);
            contentLength += partHeaders[i].Length + range.Length;
        }

        var closing = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        contentLength += closing.Length;
        return new MultipartByteRanges(ranges, boundary, partHeaders, closing, contentLength);
    }

    /// <summary>Writes every part: its headers, then its bytes straight from the file.</summary>
    public async Task WriteAsync(IHttpResponseBodyFeature body, string path, CancellationToken cancellationToken)
    {
        // Part headers go through the same Stream that the server's SendFileAsync writes to, so they stay in order
        // with the file data whichever body feature (server, compression, conditional wrapper) is installed.
        var stream = body.Stream;
        for (var i = 0; i < Ranges.Length; i++)
        {
            await stream.WriteAsync(_partHeaders[i], cancellationToken);
            await body.SendFileAsync(path, Ranges[i].Start, Ranges[i].Length, cancellationToken);
        }

        await stream.WriteAsync(_closing, cancellationToken);
    }
}
