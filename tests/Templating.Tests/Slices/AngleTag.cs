namespace Herald.Templating.Tests.Slices;

/// <summary>A formattable value whose text needs HTML encoding, so the slice's formatted-value path is checked for encoding.</summary>
public readonly record struct AngleTag(int Value) : ISpanFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) => $"<{Value}&>";

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite($"<{Value}&>", out charsWritten);
}
