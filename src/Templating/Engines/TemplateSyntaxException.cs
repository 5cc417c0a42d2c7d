namespace Herald.Templating;

/// <summary>Thrown when a template cannot be compiled: names the template, the line and the column.</summary>
public sealed class TemplateSyntaxException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="templateName">The template's name.</param>
    /// <param name="line">The 1-based line of the error.</param>
    /// <param name="column">The 1-based column of the error.</param>
    /// <param name="detail">What the compiler said.</param>
    /// <param name="innerException">The compiler's exception, if any.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="templateName"/> or <paramref name="detail"/> is <see langword="null"/>.</exception>
    public TemplateSyntaxException(string templateName, int line, int column, string detail, Exception? innerException = null)
        : base(FormatMessage(templateName, line, column, detail), innerException)
    {
        TemplateName = templateName;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>Gets the template's name.</summary>
    public string TemplateName { get; }

    /// <summary>Gets the 1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>Gets what the compiler said, without the location.</summary>
    public string Detail { get; }

    private static string FormatMessage(string templateName, int line, int column, string detail)
    {
        ArgumentNullException.ThrowIfNull(templateName);
        ArgumentNullException.ThrowIfNull(detail);
        return $"The template '{templateName}' has a syntax error at line {line}, column {column}: {detail}";
    }
}
