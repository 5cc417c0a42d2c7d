namespace Herald.Templating.Internal;

/// <summary>Checks template names before any file is looked up, so a name can never leave the template root.</summary>
internal static class TemplateNames
{
    /// <summary>
    /// Returns <see langword="null"/> when <paramref name="name"/> is a relative path of plain segments separated by
    /// <c>/</c>; otherwise why it is not. File providers refuse most of these too, but a name is checked here first so
    /// the answer does not depend on the provider.
    /// </summary>
    public static string? Validate(string name)
    {
        if (name.Length == 0)
        {
            return "The template name is empty.";
        }

        if (name[0] == '/' || name.Contains('\\', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal) || Path.IsPathRooted(name))
        {
            return $"'{name}' is not a valid template name: names are relative paths under the template root with '/' separators (no leading '/', no '\\', no drive).";
        }

        if (name.Contains('%', StringComparison.Ordinal))
        {
            // A name still percent-encoded (a route value such as "..%2Fsecret") is refused rather than guessed at: a
            // provider that decodes it would see '..' or a separator that the checks below never saw.
            return $"'{name}' is not a valid template name: it contains '%' (a percent-encoded name); decode it before choosing a template.";
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return $"The template name '{Printable(name)}' contains a control character.";
            }
        }

        // Checked on every render, so the segments are walked as spans rather than split into new strings.
        foreach (var range in name.AsSpan().Split('/'))
        {
            var segment = name.AsSpan(range);
            if (segment.Length == 0 || segment is "." or "..")
            {
                return $"'{name}' is not a valid template name: it has an empty, '.' or '..' segment, and a template cannot be read from outside the template root.";
            }
        }

        return null;
    }

    private static string Printable(string name) => string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
