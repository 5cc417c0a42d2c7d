using System.Collections;
using System.Globalization;

namespace Herald.Client.Internal;

/// <summary>Validates header names and values and formats typed values as HTTP header text.</summary>
internal static class HeaderValues
{
    // RFC 9110 §5.6.2 tchar, as a lookup table: header names are checked on every Add, so no per-call allocation.
    private static readonly bool[] TokenChars = BuildTokenTable();

    /// <summary>Content headers live on <see cref="HttpContent.Headers"/>, not on the request's own headers.</summary>
    private static readonly HashSet<string> ContentHeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
        "Content-MD5", "Content-Range", "Content-Type", "Expires", "Last-Modified",
    };

    public static bool IsContentHeader(string name) => ContentHeaderNames.Contains(name);

    public static bool IsToken(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c >= 128 || !TokenChars[c])
            {
                return false;
            }
        }

        return true;
    }

    public static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!IsToken(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid header name: use letters, digits and !#$%&'*+-.^_`|~ only (RFC 9110 token).",
                nameof(name));
        }
    }

    public static string ValidateValue(string name, string value)
    {
        // CR, LF and NUL would let a value end the header and start another (header injection).
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException(
                $"The value of header '{name}' contains CR, LF or NUL, which could inject headers; remove those characters.",
                nameof(value));
        }

        return value;
    }

    /// <summary>Formats <paramref name="value"/> as zero or more header values (a sequence gives one value per item).</summary>
    public static void Format(string name, object? value, List<string> into)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                into.Add(ValidateValue(name, s));
                return;
            case IEnumerable sequence:
                foreach (var item in sequence)
                {
                    if (item is IEnumerable and not string)
                    {
                        throw new ArgumentException($"Header '{name}' was given a nested sequence; pass a flat list of values.", nameof(value));
                    }

                    Format(name, item, into);
                }

                return;
            default:
                into.Add(ValidateValue(name, FormatScalar(value)));
                return;
        }
    }

    public static string FormatScalar(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        // HTTP dates are IMF-fixdate (RFC 9110 §5.6.7), always in GMT.
        DateTimeOffset d => d.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture),
        DateTime d => (d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime())
            .ToString("R", CultureInfo.InvariantCulture),
        // Durations in headers (Max-Age, Retry-After, Keep-Alive) are delta-seconds.
        TimeSpan t => ((long)t.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool[] BuildTokenTable()
    {
        var table = new bool[128];
        for (var c = '0'; c <= '9'; c++)
        {
            table[c] = true;
        }

        for (var c = 'a'; c <= 'z'; c++)
        {
            table[c] = true;
            table[char.ToUpperInvariant(c)] = true;
        }

        foreach (var c in "!#$%&'*+-.^_`|~")
        {
            table[c] = true;
        }

        return table;
    }
}
