namespace Herald.Responses.Internal;

/// <summary>Rejects values that would split or corrupt a header line (response splitting, header injection).</summary>
internal static class HeaderValueGuard
{
    /// <summary>Throws when <paramref name="value"/> contains CR, LF or NUL.</summary>
    /// <exception cref="ArgumentException">Thrown when the value contains CR, LF or NUL.</exception>
    public static void ThrowIfInvalid(string? value, string paramName)
    {
        if (value is not null && value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException(
                $"The value of '{paramName}' contains a CR, LF or NUL character, which would inject a header line. Remove line breaks and NUL characters from header, cookie and redirect values.",
                paramName);
        }
    }

    /// <summary>Throws when <paramref name="name"/> is not a valid header field name (RFC 9110 token).</summary>
    /// <exception cref="ArgumentException">Thrown when the name is empty or contains a character outside the token set.</exception>
    public static void ThrowIfInvalidName(string name, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, paramName);
        foreach (var c in name)
        {
            if (!IsTokenChar(c))
            {
                throw new ArgumentException(
                    $"'{name}' is not a valid header name: '{(c < 0x20 ? $"\\x{(int)c:x2}" : c.ToString())}' is not allowed. Header names are RFC 9110 tokens (letters, digits and !#$%&'*+-.^_`|~).",
                    paramName);
            }
        }
    }

    private static bool IsTokenChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
