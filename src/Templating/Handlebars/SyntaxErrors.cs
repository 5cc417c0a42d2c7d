using System.Text.RegularExpressions;
using HandlebarsDotNet;

namespace Herald.Templating.Handlebars;

/// <summary>Turns Handlebars.Net's compile errors into <see cref="TemplateSyntaxException"/>s with a line and column.</summary>
/// <remarks>
/// Handlebars.Net puts a position in the message of some parser errors only (<c>Occured at: line:char</c>, both
/// 0-based), and none in its block errors, so for those the position is found here: the tag the message names
/// (the unclosed opening tag, or the stray closing one), else the end of the template, where the error was noticed.
/// </remarks>
internal static partial class SyntaxErrors
{
    public static TemplateSyntaxException From(string templateName, string source, HandlebarsException exception)
    {
        var message = exception.Message;
        var at = OccurredAt().Match(message);
        if (at.Success)
        {
            var detail = message[..at.Index].TrimEnd();
            return new TemplateSyntaxException(templateName, int.Parse(at.Groups[1].ValueSpan, provider: null) + 1, int.Parse(at.Groups[2].ValueSpan, provider: null) + 1, detail, exception);
        }

        var index = -1;
        if (UnclosedBlock().Match(message) is { Success: true } unclosed)
        {
            index = LastOpeningTag(source, unclosed.Groups[1].Value);
        }
        else if (StrayClose().Match(message) is { Success: true } stray)
        {
            index = source.IndexOf("{{" + stray.Groups[1].Value, StringComparison.Ordinal);
            if (index < 0)
            {
                index = source.IndexOf("{{~" + stray.Groups[1].Value, StringComparison.Ordinal);
            }
        }

        if (index < 0)
        {
            index = source.Length;
        }

        var (line, column) = Position(source, index);
        return new TemplateSyntaxException(templateName, line, column, message.Trim(), exception);
    }

    private static int LastOpeningTag(string source, string block)
    {
        var best = -1;
        foreach (var prefix in new[] { "{{#", "{{~#", "{{^", "{{#>", "{{#*" })
        {
            var pattern = new Regex(Regex.Escape(prefix) + @"\s*" + Regex.Escape(block) + @"(?=[\s}~])", RegexOptions.CultureInvariant);
            foreach (Match match in pattern.Matches(source))
            {
                best = Math.Max(best, match.Index);
            }
        }

        return best;
    }

    private static (int Line, int Column) Position(string source, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    [GeneratedRegex(@"\s*Occured at: (\d+):(\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OccurredAt();

    // Handlebars.Net names some blocks with their '#' ('#each') and others without ('if').
    [GeneratedRegex(@"block expression '[#^]?([^']+)' was closed", RegexOptions.CultureInvariant)]
    private static partial Regex UnclosedBlock();

    [GeneratedRegex(@"closing element '([^']+)' was found", RegexOptions.CultureInvariant)]
    private static partial Regex StrayClose();
}
