namespace Herald.Client.Internal;

/// <summary>
/// The lenient cookie-date algorithm of RFC 6265 5.1.1. Servers send every date format there is (RFC 1123, RFC 850,
/// asctime, dashes, two-digit years); the RFC's token scan accepts them all, which
/// <see cref="DateTimeOffset.TryParse(string?, out DateTimeOffset)"/> with fixed formats would not.
/// </summary>
internal static class CookieDate
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset date)
    {
        date = default;
        int hour = -1, minute = -1, second = -1, day = -1, month = -1, year = -1;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsDelimiter(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !IsDelimiter(text[i]))
            {
                i++;
            }

            var token = text[start..i];
            if (token.IsEmpty)
            {
                continue;
            }

            if (hour < 0 && TryTime(token, out var h, out var m, out var s))
            {
                (hour, minute, second) = (h, m, s);
            }
            else if (day < 0 && TryDigits(token, 1, 2, out var d))
            {
                day = d;
            }
            else if (month < 0 && TryMonth(token, out var mo))
            {
                month = mo;
            }
            else if (year < 0 && TryDigits(token, 2, 4, out var y))
            {
                year = y;
            }
        }

        if (year is >= 70 and <= 99)
        {
            year += 1900;
        }
        else if (year is >= 0 and <= 69)
        {
            year += 2000;
        }

        if (hour < 0 || day < 0 || month < 0 || year < 0
            || day is < 1 or > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59
            || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    // delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
    private static bool IsDelimiter(char c) =>
        c == '\t' || c is >= ' ' and <= '/' || c is >= ';' and <= '@' || c is >= '[' and <= '`' || c is >= '{' and <= '~';

    // 1*2DIGIT ":" 1*2DIGIT ":" 1*2DIGIT ( non-digit *OCTET )
    private static bool TryTime(ReadOnlySpan<char> token, out int hour, out int minute, out int second)
    {
        minute = second = 0;
        var rest = token;
        if (!TakeNumber(ref rest, 1, 2, out hour) || !TakeColon(ref rest)
            || !TakeNumber(ref rest, 1, 2, out minute) || !TakeColon(ref rest)
            || !TakeNumber(ref rest, 1, 2, out second))
        {
            return false;
        }

        return rest.IsEmpty || !char.IsAsciiDigit(rest[0]);
    }

    // min*maxDIGIT ( non-digit *OCTET )
    private static bool TryDigits(ReadOnlySpan<char> token, int min, int max, out int value)
    {
        var rest = token;
        return TakeNumber(ref rest, min, max, out value) && (rest.IsEmpty || !char.IsAsciiDigit(rest[0]));
    }

    private static bool TakeNumber(ref ReadOnlySpan<char> span, int min, int max, out int value)
    {
        value = 0;
        var count = 0;
        while (count < span.Length && count < max && char.IsAsciiDigit(span[count]))
        {
            value = (value * 10) + (span[count] - '0');
            count++;
        }

        span = span[count..];
        return count >= min;
    }

    private static bool TakeColon(ref ReadOnlySpan<char> span)
    {
        if (span.IsEmpty || span[0] != ':')
        {
            return false;
        }

        span = span[1..];
        return true;
    }

    // month = ( "jan" / … / "dec" ) *OCTET, case-insensitive
    private static bool TryMonth(ReadOnlySpan<char> token, out int month)
    {
        month = 0;
        if (token.Length < 3)
        {
            return false;
        }

        var prefix = token[..3];
        for (var m = 0; m < Months.Length; m++)
        {
            if (prefix.Equals(Months[m], StringComparison.OrdinalIgnoreCase))
            {
                month = m + 1;
                return true;
            }
        }

        return false;
    }
}
