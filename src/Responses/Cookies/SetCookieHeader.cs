using System.Globalization;
using System.Runtime.CompilerServices;
using Herald.Responses.Internal;
using Microsoft.AspNetCore.Http;
using HeaderUtilities = Microsoft.Net.Http.Headers.HeaderUtilities;

namespace Herald.Responses;

/// <summary>
/// Formats a <c>Set-Cookie</c> header line. Written here rather than with the framework's <c>SetCookieHeaderValue</c>,
/// which refuses a quoted value holding spaces or commas (what <see cref="CookieEncoding.DoubleQuotes"/> sends), and
/// rather than with <c>Response.Cookies.Append</c>, which percent-encodes every value itself.
/// </summary>
internal static class SetCookieHeader
{
    /// <summary>The attributes Herald starts from: <c>HttpOnly</c>, <c>SameSite=Lax</c>, <c>Secure</c> on HTTPS, path <c>/</c>.</summary>
    public static CookieOptions CreateDefaults(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps,
        Path = "/",
    };

    /// <summary>Throws when <paramref name="name"/> is not a cookie name (an RFC 9110 token).</summary>
    /// <exception cref="ArgumentException">Thrown when the name is empty or holds a character outside the token set.</exception>
    public static void ValidateName(string name, string paramName)
    {
        HeaderValueGuard.ThrowIfInvalid(name, paramName);
        try
        {
            HeaderValueGuard.ThrowIfInvalidName(name, paramName);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"'{name}' is not a valid cookie name: cookie names are tokens (letters, digits and !#$%&'*+-.^_`|~), without spaces, '=', ';' or non-ASCII letters. Use a name such as \"session_id\" and put free text in the value.",
                paramName,
                e);
        }
    }

    /// <summary>Checks the options against what user agents accept, then formats the header line.</summary>
    /// <exception cref="ArgumentException">Thrown when an attribute would corrupt the header or a user agent would drop the cookie.</exception>
    public static string Format(string name, string encodedValue, CookieOptions options, string? expiresOverride = null)
    {
        Validate(name, options);
        var handler = new DefaultInterpolatedStringHandler(64, 0, CultureInfo.InvariantCulture);
        handler.AppendLiteral(name);
        handler.AppendLiteral("=");
        handler.AppendLiteral(encodedValue);
        if (expiresOverride is not null)
        {
            handler.AppendLiteral("; expires=");
            handler.AppendLiteral(expiresOverride);
        }
        else if (options.Expires is { } expires)
        {
            handler.AppendLiteral("; expires=");
            handler.AppendLiteral(HeaderUtilities.FormatDate(expires));
        }

        if (options.MaxAge is { } maxAge)
        {
            handler.AppendLiteral("; max-age=");
            handler.AppendFormatted((long)Math.Floor(maxAge.TotalSeconds));
        }

        if (!string.IsNullOrEmpty(options.Domain))
        {
            handler.AppendLiteral("; domain=");
            handler.AppendLiteral(options.Domain);
        }

        if (!string.IsNullOrEmpty(options.Path))
        {
            handler.AppendLiteral("; path=");
            handler.AppendLiteral(options.Path);
        }

        if (options.Secure)
        {
            handler.AppendLiteral("; secure");
        }

        switch (options.SameSite)
        {
            case SameSiteMode.None:
                handler.AppendLiteral("; samesite=none");
                break;
            case SameSiteMode.Lax:
                handler.AppendLiteral("; samesite=lax");
                break;
            case SameSiteMode.Strict:
                handler.AppendLiteral("; samesite=strict");
                break;
        }

        if (options.HttpOnly)
        {
            handler.AppendLiteral("; httponly");
        }

        foreach (var extension in options.Extensions)
        {
            handler.AppendLiteral("; ");
            handler.AppendLiteral(extension);
        }

        return handler.ToStringAndClear();
    }

    private static void Validate(string name, CookieOptions options)
    {
        CheckAttribute(options.Domain, "Domain");
        CheckAttribute(options.Path, "Path");
        foreach (var extension in options.Extensions)
        {
            CheckAttribute(extension, "Extensions");
        }

        if (options.SameSite == SameSiteMode.None && !options.Secure)
        {
            throw new ArgumentException(
                $"Cookie '{name}' has SameSite=None without Secure; browsers drop such cookies. Set Secure = true (and serve over HTTPS), or use SameSite Lax or Strict.",
                "configure");
        }

        if (name.StartsWith("__Host-", StringComparison.Ordinal)
            && (!options.Secure || !string.IsNullOrEmpty(options.Domain) || options.Path != "/"))
        {
            throw new ArgumentException(
                $"Cookie '{name}' uses the __Host- prefix, which browsers accept only with Secure, Path=/ and no Domain. Serve it over HTTPS (or set Secure = true), keep Path \"/\" and leave Domain unset.",
                "configure");
        }

        if (name.StartsWith("__Secure-", StringComparison.Ordinal) && !options.Secure)
        {
            throw new ArgumentException(
                $"Cookie '{name}' uses the __Secure- prefix, which browsers accept only with Secure. Serve it over HTTPS or set Secure = true.",
                "configure");
        }
    }

    private static void CheckAttribute(string? value, string attribute)
    {
        if (value is null)
        {
            return;
        }

        var paramName = "configure." + attribute;
        HeaderValues.ThrowIfInvalid(value, paramName);
        if (value.Contains(';', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The cookie's {attribute} '{value}' contains ';', which would start another attribute. Remove it.",
                paramName);
        }
    }
}
