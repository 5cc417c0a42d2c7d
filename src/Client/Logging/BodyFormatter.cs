using System.Net.Http.Headers;
using System.Text;

namespace Herald.Client.Internal;

/// <summary>Turns a captured body into log text: text bodies decoded by their charset, encoded or binary ones described by type and size.</summary>
internal static class BodyFormatter
{
    public static string Describe(HttpContentHeaders headers, BodyCapture capture, int maxBytes)
    {
        var mediaType = headers.ContentType?.MediaType;
        var total = capture.Total;
        var sizeNote = capture.Completed ? $"{total} bytes" : $"{total} bytes so far";
        if (headers.NonValidated.TryGetValues("Content-Encoding", out var encodings)
            && !string.Equals(encodings.ToString(), "identity", StringComparison.OrdinalIgnoreCase))
        {
            // The logging middleware sees bodies as they are on the wire, before decompression decodes them.
            return $"[{encodings}-encoded {mediaType ?? "content"}, {sizeNote}]";
        }

        if (!IsText(mediaType))
        {
            return $"[binary {mediaType ?? "content without Content-Type"}, {sizeNote}]";
        }

        var encoding = Encoding.UTF8;
        if (headers.ContentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset is logged as UTF-8, which shows most of it.
            }
        }

        var captured = capture.Captured.Span;
        captured = captured[..Math.Min(captured.Length, maxBytes)];
        var text = encoding.GetString(captured);
        return captured.Length < total || !capture.Completed
            ? $"{text}… [{captured.Length} of {sizeNote} logged]"
            : text;
    }

    private static bool IsText(string? mediaType)
    {
        if (mediaType is null)
        {
            return false;
        }

        var type = mediaType.AsSpan();
        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/javascript", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/graphql", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase);
    }
}
