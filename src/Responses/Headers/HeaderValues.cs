using System.Buffers;
using System.Globalization;
using Herald.Responses.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses;

/// <summary>Formats and checks the values the header helpers write.</summary>
internal static class HeaderValues
{
    // field-value characters Kestrel sends by default: HTAB, SP and VCHAR (RFC 9110 section 5.5). obs-text is
    // deprecated and Kestrel refuses it unless configured otherwise, failing only when the response is sent.
    internal static readonly SearchValues<char> FieldChars = SearchValues.Create(
        "\t !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Formats a value for a header: invariant culture, HTTP dates for dates, lowercase booleans.</summary>
    public static string Format<T>(T value, string paramName)
    {
        var text = value switch
        {
            string s => s,
            DateTimeOffset d => HeaderUtilities.FormatDate(d),
            DateTime d => HeaderUtilities.FormatDate(d.Kind == DateTimeKind.Local ? new DateTimeOffset(d) : new DateTimeOffset(d.Ticks, TimeSpan.Zero)),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString(),
        } ?? string.Empty;
        ThrowIfInvalid(text, paramName);
        return text;
    }

    /// <summary>Throws when <paramref name="value"/> holds a character a header value cannot carry.</summary>
    /// <exception cref="ArgumentException">Thrown for CR, LF, NUL, other control characters and non-ASCII text.</exception>
    public static void ThrowIfInvalid(string value, string paramName)
    {
        HeaderValueGuard.ThrowIfInvalid(value, paramName);
        var index = value.AsSpan().IndexOfAnyExcept(FieldChars);
        if (index >= 0)
        {
            throw new ArgumentException(
                $"The value of '{paramName}' contains U+{(int)value[index]:X4} at index {index}; header values carry printable ASCII only. Percent-encode the text (Uri.EscapeDataString) or use an RFC 8187 ext-value.",
                paramName);
        }
    }

    /// <summary>Throws the "response already started" error for a header, allocating its message only then.</summary>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static void EnsureNotStarted(HttpResponse response, string name)
    {
        if (response.HasStarted)
        {
            ResponseGuard.EnsureNotStarted(response.HttpContext, $"the '{name}' header");
        }
    }
}
