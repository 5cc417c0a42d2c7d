using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Herald.Responses;

/// <summary>Encodes cookie values for <c>Set-Cookie</c> and decodes them from <c>Cookie</c>.</summary>
internal static class CookieValueCodec
{
    // cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E (RFC 6265 section 4.1.1)
    private static readonly SearchValues<char> CookieOctets = SearchValues.Create(
        "!#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    // Inside double quotes user agents also keep spaces and commas; '%' is the escape character, so it is escaped too.
    private static readonly SearchValues<char> QuotedLiterals = SearchValues.Create(
        " !#$&'()*+,-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes <paramref name="value"/> for a <c>Set-Cookie</c> header.</summary>
    /// <exception cref="ArgumentException">Thrown when a <see cref="CookieEncoding.Raw"/> value holds a character that cannot be sent raw.</exception>
    public static string Encode(string name, string value, CookieEncoding encoding, string paramName) => encoding switch
    {
        CookieEncoding.Raw => CheckRaw(name, value, paramName),
        CookieEncoding.DoubleQuotes => Quote(value),
        CookieEncoding.Uri => Uri.EscapeDataString(value),
        CookieEncoding.Base64 => Convert.ToBase64String(Encoding.UTF8.GetBytes(value)),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown cookie encoding: use Raw, DoubleQuotes, Uri or Base64."),
    };

    /// <summary>Decodes a value read from a <c>Cookie</c> header; false when it is not valid in <paramref name="encoding"/>.</summary>
    public static bool TryDecode(ReadOnlySpan<char> raw, CookieEncoding encoding, out string? value)
    {
        value = null;
        switch (encoding)
        {
            case CookieEncoding.Raw:
                value = raw.ToString();
                return true;
            case CookieEncoding.DoubleQuotes:
                if (raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"')
                {
                    raw = raw[1..^1];
                }

                return TryUnescape(raw, out value);
            case CookieEncoding.Uri:
                return TryUnescape(raw, out value);
            case CookieEncoding.Base64:
                return TryDecodeBase64(raw, out value);
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown cookie encoding: use Raw, DoubleQuotes, Uri or Base64.");
        }
    }

    private static string CheckRaw(string name, string value, string paramName)
    {
        var index = value.AsSpan().IndexOfAnyExcept(CookieOctets);
        if (index >= 0)
        {
            var c = value[index];
            var shown = c switch
            {
                ' ' => "a space",
                '\r' or '\n' or '\0' => "a CR, LF or NUL character",
                < ' ' or '\x7f' => $"the control character U+{(int)c:X4}",
                > '\x7f' => $"the non-ASCII character U+{(int)c:X4}",
                _ => $"'{c}'",
            };
            throw new ArgumentException(
                $"The value of cookie '{name}' contains {shown} at index {index}, which cannot be sent raw. Use CookieEncoding.Uri or CookieEncoding.Base64 for arbitrary text (or DoubleQuotes to keep spaces and commas readable).",
                paramName);
        }

        return value;
    }

    private static string Quote(string value)
    {
        if (value.AsSpan().IndexOfAnyExcept(QuotedLiterals) < 0)
        {
            return string.Concat("\"", value, "\"");
        }

        var builder = new StringBuilder(value.Length + 16).Append('"');
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (QuotedLiterals.Contains(c))
            {
                builder.Append(c);
                continue;
            }

            // A lone surrogate has no UTF-8 form; like every UTF-8 encoder, send U+FFFD in its place.
            var rune = Rune.TryGetRuneAt(value, i, out var r) ? r : Rune.ReplacementChar;
            if (rune.Utf16SequenceLength == 2)
            {
                i++;
            }

            var written = rune.EncodeToUtf8(utf8);
            for (var b = 0; b < written; b++)
            {
                builder.Append('%').Append(utf8[b].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool TryUnescape(ReadOnlySpan<char> raw, out string? value)
    {
        value = raw.IndexOf('%') < 0 ? raw.ToString() : Uri.UnescapeDataString(raw);
        return true;
    }

    private static bool TryDecodeBase64(ReadOnlySpan<char> raw, out string? value)
    {
        value = null;
        var rented = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(raw.Length));
        try
        {
            if (!Convert.TryFromBase64Chars(raw, rented, out var length))
            {
                return false;
            }

            value = StrictUtf8.GetString(rented, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
