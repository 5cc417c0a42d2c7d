namespace Herald.Templating;

/// <summary>Thrown when no engine has a template of the requested name.</summary>
public sealed class TemplateNotFoundException : Exception
{
    /// <summary>Creates the exception, listing the places searched in the message.</summary>
    /// <param name="templateName">The name that was asked for.</param>
    /// <param name="searchedLocations">Every place looked in (file paths, mapped names), in the order searched.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public TemplateNotFoundException(string templateName, IReadOnlyList<string> searchedLocations)
        : this(templateName, searchedLocations, reason: null)
    {
    }

    /// <summary>Creates the exception, with a reason that replaces the usual "was not found" wording.</summary>
    /// <param name="templateName">The name that was asked for.</param>
    /// <param name="searchedLocations">Every place looked in, in the order searched.</param>
    /// <param name="reason">Why the template could not be found (an invalid name), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="templateName"/> or <paramref name="searchedLocations"/> is <see langword="null"/>.</exception>
    public TemplateNotFoundException(string templateName, IReadOnlyList<string> searchedLocations, string? reason)
        : base(FormatMessage(templateName, searchedLocations, reason))
    {
        TemplateName = templateName;
        SearchedLocations = searchedLocations;
        Reason = reason;
    }

    /// <summary>Gets the name that was asked for.</summary>
    public string TemplateName { get; }

    /// <summary>Gets every place searched, in order.</summary>
    public IReadOnlyList<string> SearchedLocations { get; }

    /// <summary>Gets the reason given in place of "was not found", or <see langword="null"/>.</summary>
    internal string? Reason { get; }

    private static string FormatMessage(string templateName, IReadOnlyList<string> searchedLocations, string? reason)
    {
        ArgumentNullException.ThrowIfNull(templateName);
        ArgumentNullException.ThrowIfNull(searchedLocations);
        var message = reason ?? $"The template '{templateName}' was not found.";
        return searchedLocations.Count == 0
            ? message + " No template engine is registered: call services.AddTemplating(o => o.AddHandlebars()) or .AddRazor(...)."
            : message + " Searched: " + string.Join("; ", searchedLocations) + ". Add the file (or map the component), or fix the name.";
    }
}
