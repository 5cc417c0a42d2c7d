using System.Globalization;

namespace Herald.Client.Internal;

/// <summary>
/// Parses HTTP dates (RFC 9110 §5.6.7): IMF-fixdate and the two obsolete forms recipients must accept. Stored headers
/// are plain strings, so the typed headers' parser is not at hand; this is the same grammar.
/// </summary>
internal static class HttpDate
{
    private static readonly string[] Formats =
    [
        "r",                                      // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        "dddd, dd'-'MMM'-'yy HH':'mm':'ss 'GMT'", // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        "ddd MMM d HH':'mm':'ss yyyy",            // asctime: Sun Nov  6 08:49:37 1994
    ];

    /// <summary>Parses <paramref name="value"/>; <see langword="null"/> when it is not an HTTP date.</summary>
    public static DateTimeOffset? Parse(string? value) =>
        value is not null
        && DateTimeOffset.TryParseExact(
            value.Trim(),
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AllowInnerWhite | DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var date)
            ? date
            : null;
}
