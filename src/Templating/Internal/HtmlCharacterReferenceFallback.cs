using System.Globalization;
using System.Text;

namespace Herald.Templating.Internal;

/// <summary>
/// Writes a character the page's encoding cannot hold (a <c>✓</c> in an ISO-8859-1 page) as an HTML numeric character
/// reference (<c>&amp;#x2713;</c>), which a browser shows as the character itself: nothing is lost, where the
/// encoding's own fallback would write <c>?</c>. The BCL has replacement and exception fallbacks only, hence this one.
/// </summary>
internal sealed class HtmlCharacterReferenceFallback : EncoderFallback
{
    public static readonly HtmlCharacterReferenceFallback Instance = new();

    // "&#x10FFFF;" is the longest reference.
    public override int MaxCharCount => 10;

    public override EncoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

    /// <summary>
    /// Returns <paramref name="encoding"/> itself when it can write every character (the Unicode encodings), else a
    /// copy that writes what it cannot hold as character references.
    /// </summary>
    public static Encoding For(Encoding encoding)
    {
        if (encoding.CodePage is 65001 or 1200 or 1201 or 12000 or 12001)
        {
            return encoding;
        }

        var copy = (Encoding)encoding.Clone();
        copy.EncoderFallback = Instance;
        return copy;
    }

    private sealed class Buffer : EncoderFallbackBuffer
    {
        private string _reference = "";
        private int _next;

        public override int Remaining => _reference.Length - _next;

        public override bool Fallback(char charUnknown, int index) => Start(charUnknown);

        public override bool Fallback(char charUnknownHigh, char charUnknownLow, int index) =>
            Start(char.ConvertToUtf32(charUnknownHigh, charUnknownLow));

        public override char GetNextChar() => _next < _reference.Length ? _reference[_next++] : '\0';

        public override bool MovePrevious()
        {
            if (_next == 0)
            {
                return false;
            }

            _next--;
            return true;
        }

        public override void Reset()
        {
            _reference = "";
            _next = 0;
        }

        private bool Start(int codePoint)
        {
            _reference = string.Create(CultureInfo.InvariantCulture, $"&#x{codePoint:X};");
            _next = 0;
            return true;
        }
    }
}
