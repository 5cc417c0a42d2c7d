namespace Herald.Responses.Files;

/// <summary>
/// Reads a <c>Range</c> header (RFC 9110 section 14.1.2) against a representation's length and decides which byte
/// ranges to send.
/// </summary>
/// <remarks>
/// Hand-written rather than built on the framework's <c>RangeHeaderValue</c>: that parser materialises every item of
/// an arbitrarily long list before the count can be checked, and leaves satisfiability, clamping and coalescing to the
/// caller anyway. This one stops at the configured maximum and allocates only the ranges it returns.
/// <para>
/// Policy (RFC 9110 section 14.2 allows each step): a header that is malformed, names a unit other than <c>bytes</c>,
/// holds an invalid range (<c>bytes=5-2</c>) or lists more than the maximum number of ranges is ignored, so the full
/// representation is sent. Ranges that overlap, or that lie closer together than the overhead of a multipart part
/// header, are coalesced into one; the remaining ranges keep the order the client asked for.
/// </para>
/// </remarks>
internal static class ByteRangeSelector
{
    /// <summary>
    /// Ranges closer than this are merged: sending the gap costs less than a second part's boundary and headers
    /// (<c>--</c> + 32-character boundary + <c>Content-Type</c> + <c>Content-Range</c> lines).
    /// </summary>
    internal const long CoalesceGap = 80;

    /// <summary>Selects the ranges <paramref name="header"/> asks for from a representation of <paramref name="length"/> bytes.</summary>
    /// <param name="header">The <c>Range</c> header value.</param>
    /// <param name="length">The representation's length in bytes; greater than zero.</param>
    /// <param name="maxRanges">How many range specs the header may hold before it is ignored.</param>
    /// <param name="ranges">When <see cref="RangeSelection.Satisfiable"/>, the ranges to send, in order; otherwise empty.</param>
    public static RangeSelection Select(ReadOnlySpan<char> header, long length, int maxRanges, out ByteRange[] ranges)
    {
        ranges = [];
        var equals = header.IndexOf('=');
        if (equals <= 0 || !header[..equals].Equals("bytes", StringComparison.OrdinalIgnoreCase))
        {
            return RangeSelection.Ignore;
        }

        List<ByteRange>? satisfiable = null;
        var specs = 0;
        var rest = header[(equals + 1)..];
        while (true)
        {
            var comma = rest.IndexOf(',');
            var item = (comma < 0 ? rest : rest[..comma]).Trim(" \t");
            if (!item.IsEmpty)
            {
                // 1#range-spec lets a list carry empty elements ("0-1,,5-6"); they are skipped, not counted.
                if (++specs > maxRanges)
                {
                    return RangeSelection.Ignore;
                }

                if (!TryReadSpec(item, length, out var range, out var isSatisfiable))
                {
                    return RangeSelection.Ignore;
                }

                if (isSatisfiable)
                {
                    (satisfiable ??= new List<ByteRange>(2)).Add(range);
                }
            }

            if (comma < 0)
            {
                break;
            }

            rest = rest[(comma + 1)..];
        }

        if (specs == 0)
        {
            return RangeSelection.Ignore;
        }

        if (satisfiable is null)
        {
            return RangeSelection.Unsatisfiable;
        }

        ranges = Coalesce(satisfiable);
        return RangeSelection.Satisfiable;
    }

    /// <summary>Reads one <c>int-range</c> or <c>suffix-range</c>; false when it is not valid syntax.</summary>
    private static bool TryReadSpec(ReadOnlySpan<char> item, long length, out ByteRange range, out bool isSatisfiable)
    {
        range = default;
        isSatisfiable = false;
        var dash = item.IndexOf('-');
        if (dash < 0)
        {
            return false;
        }

        var first = item[..dash];
        var last = item[(dash + 1)..];
        if (first.IsEmpty)
        {
            // suffix-range: the last N bytes; a suffix longer than the representation selects all of it.
            if (!TryReadPosition(last, out var suffixLength))
            {
                return false;
            }

            if (suffixLength > 0)
            {
                range = new ByteRange(Math.Max(0, length - suffixLength), length - 1);
                isSatisfiable = true;
            }

            return true;
        }

        if (!TryReadPosition(first, out var firstPos))
        {
            return false;
        }

        var lastPos = long.MaxValue;
        if (!last.IsEmpty && !TryReadPosition(last, out lastPos))
        {
            return false;
        }

        if (lastPos < firstPos)
        {
            // RFC 9110 section 14.1.1: an int-range whose last-pos is below its first-pos is invalid.
            return false;
        }

        if (firstPos < length)
        {
            range = new ByteRange(firstPos, Math.Min(lastPos, length - 1));
            isSatisfiable = true;
        }

        return true;
    }

    /// <summary>Reads 1*DIGIT; a value past <see cref="long.MaxValue"/> saturates (it is beyond any file anyway).</summary>
    private static bool TryReadPosition(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            var digit = c - '0';
            value = value > (long.MaxValue - digit) / 10 ? long.MaxValue : (value * 10) + digit;
        }

        return true;
    }

    /// <summary>
    /// Merges overlapping and nearly adjacent ranges. Each merged range takes the place of the earliest-listed range it
    /// absorbed, so ranges that were not merged stay in the order the client listed them (RFC 9110 section 14.6).
    /// </summary>
    private static ByteRange[] Coalesce(List<ByteRange> requested)
    {
        if (requested.Count == 1)
        {
            return [requested[0]];
        }

        var byStart = new (ByteRange Range, int Order)[requested.Count];
        for (var i = 0; i < byStart.Length; i++)
        {
            byStart[i] = (requested[i], i);
        }

        Array.Sort(byStart, static (a, b) => a.Range.Start.CompareTo(b.Range.Start));

        var merged = new List<(ByteRange Range, int Order)>(byStart.Length);
        var current = byStart[0];
        for (var i = 1; i < byStart.Length; i++)
        {
            var next = byStart[i];
            if (next.Range.Start <= current.Range.End + 1 + CoalesceGap)
            {
                current = (new ByteRange(current.Range.Start, Math.Max(current.Range.End, next.Range.End)), Math.Min(current.Order, next.Order));
            }
            else
            {
                merged.Add(current);
                current = next;
            }
        }

        merged.Add(current);
        merged.Sort(static (a, b) => a.Order.CompareTo(b.Order));

        var result = new ByteRange[merged.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = merged[i].Range;
        }

        return result;
    }
}
