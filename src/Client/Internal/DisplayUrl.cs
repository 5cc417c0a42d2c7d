namespace Herald.Client.Internal;

/// <summary>
/// URLs as logs and exception messages may show them: scheme, host, port and path; the query as <c>?*</c> unless
/// asked to show it; never the user-info or the fragment. Query strings carry API keys, tokens and signatures, and a
/// message ends up in logs, so every message that names a URL goes through here. The exceptions' <c>RequestUri</c>
/// properties keep the whole URL for code that needs it.
/// </summary>
/// <remarks>
/// The format follows .NET's own redaction (<c>IHttpClientFactory</c> logging and <c>HttpClient</c> events since .NET 9):
/// <c>https://host/path?*</c>. Written here because the framework's helper is internal.
/// </remarks>
internal static class DisplayUrl
{
    /// <summary>
    /// Whether the process turned .NET's URL redaction off (the <c>System.Net.Http.DisableUriRedaction</c> switch or
    /// the <c>DOTNET_SYSTEM_NET_HTTP_DISABLEURIREDACTION</c> variable): the default of
    /// <see cref="ClientLoggingOptions.LogQueryStrings"/>, so one setting governs the framework's logs and Herald's.
    /// </summary>
    public static bool QueryShownByDefault { get; } = ReadFrameworkSwitch();

    /// <summary>Returns <paramref name="uri"/> as it may be shown.</summary>
    public static string Of(Uri? uri, bool showQuery)
    {
        if (uri is null)
        {
            return "?";
        }

        if (!uri.IsAbsoluteUri)
        {
            return Of(uri.OriginalString, showQuery);
        }

        // PathAndQuery rather than GetComponents: the resolver builds some URIs with canonicalization off (to keep
        // %7E as written), and those refuse GetComponents for the path and query. Authority holds no user-info.
        var pathAndQuery = uri.PathAndQuery;
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? pathAndQuery.AsSpan() : pathAndQuery.AsSpan(0, question);
        var start = string.Concat(uri.Scheme, "://", uri.Authority);
        if (question < 0 || question == pathAndQuery.Length - 1)
        {
            return string.Concat(start, path);
        }

        return showQuery ? start + pathAndQuery : string.Concat(start, path, "?*");
    }

    /// <summary>
    /// Returns URL text that may not parse (a <c>Location</c> header, a URL the caller wrote) as it may be shown:
    /// cut at the query and fragment, with any user-info replaced by <c>*</c>.
    /// </summary>
    public static string Of(string text, bool showQuery)
    {
        var fragment = text.IndexOf('#', StringComparison.Ordinal);
        var shown = fragment < 0 ? text : text[..fragment];
        var question = shown.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0 && question < shown.Length - 1 && !showQuery)
        {
            shown = shown[..(question + 1)] + "*";
        }

        var authority = shown.IndexOf("//", StringComparison.Ordinal);
        if (authority < 0)
        {
            return shown;
        }

        authority += 2;
        var authorityEnd = shown.AsSpan(authority).IndexOfAny('/', '?', '\\');
        var end = authorityEnd < 0 ? shown.Length : authority + authorityEnd;
        var at = shown.AsSpan(authority, end - authority).LastIndexOf('@');
        return at < 0 ? shown : string.Concat(shown.AsSpan(0, authority), "*", shown.AsSpan(authority + at));
    }

    private static bool ReadFrameworkSwitch()
    {
        if (AppContext.TryGetSwitch("System.Net.Http.DisableUriRedaction", out var disabled))
        {
            return disabled;
        }

        var variable = Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_HTTP_DISABLEURIREDACTION");
        return bool.TryParse(variable, out disabled) ? disabled : uint.TryParse(variable, out var number) && number != 0;
    }
}
