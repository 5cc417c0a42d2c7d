using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace Herald.Client.Internal;

/// <summary>The matching rules of RFC 6265 section 5.1 and the host canonicalization they rely on.</summary>
internal static class CookieRules
{
    // RFC 6265bis 5.6 steps 3-4: control characters other than HTAB make a cookie invalid.
    private static readonly SearchValues<char> ForbiddenInValue = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000a\u000b\u000c\u000d\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f;");

    private static readonly SearchValues<char> ForbiddenInName = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000a\u000b\u000c\u000d\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f;=");

    private static readonly IdnMapping Idn = new();

    public static bool IsValidName(ReadOnlySpan<char> name) =>
        !name.IsEmpty && name.IndexOfAny(ForbiddenInName) < 0 && !IsWhitespace(name[0]) && !IsWhitespace(name[^1]);

    public static bool IsValidValue(ReadOnlySpan<char> value) => value.IndexOfAny(ForbiddenInValue) < 0;

    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    /// <summary>The request host as cookies see it: lower-case, IDN in ASCII (punycode), IPv6 without brackets.</summary>
    public static string CanonicalHost(Uri url) => url.IdnHost.ToLowerInvariant();

    public static bool IsIpHost(Uri url) => url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6;

    /// <summary>
    /// Whether <paramref name="url"/> is a secure origin for cookies: https (or wss), or a loopback host, which
    /// RFC 6265bis and the Secure Contexts standard treat as potentially trustworthy (traffic never leaves the machine).
    /// </summary>
    public static bool IsSecureOrigin(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeWss || IsLoopback(url);

    public static bool IsLoopback(Uri url)
    {
        if (IsIpHost(url))
        {
            return IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address);
        }

        var host = url.IdnHost;
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Normalizes a <c>Domain</c> attribute (RFC 6265 5.2.3 and 6265bis): one leading dot removed, lower-case, IDN in
    /// ASCII. Returns <see langword="null"/> for a value that is no domain at all.
    /// </summary>
    public static string? NormalizeDomain(ReadOnlySpan<char> value)
    {
        if (!value.IsEmpty && value[0] == '.')
        {
            value = value[1..];
        }

        if (value.IsEmpty)
        {
            return null;
        }

        if (!Ascii.IsValid(value))
        {
            try
            {
                return Idn.GetAscii(value.ToString()).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return value.ToString().ToLowerInvariant();
    }

    /// <summary>RFC 6265 5.1.3: the host equals the domain, or ends with "." + domain and is not an IP address.</summary>
    public static bool DomainMatch(string host, string domain, bool hostIsIp)
    {
        if (string.Equals(host, domain, StringComparison.Ordinal))
        {
            return true;
        }

        return !hostIsIp
            && host.Length > domain.Length
            && host.EndsWith(domain, StringComparison.Ordinal)
            && host[host.Length - domain.Length - 1] == '.';
    }

    /// <summary>RFC 6265 5.1.4: the paths are equal, or the cookie path is a directory prefix of the request path.</summary>
    public static bool PathMatch(string requestPath, string cookiePath)
    {
        if (!requestPath.StartsWith(cookiePath, StringComparison.Ordinal))
        {
            return false;
        }

        return requestPath.Length == cookiePath.Length
            || cookiePath[^1] == '/'
            || requestPath[cookiePath.Length] == '/';
    }

    /// <summary>RFC 6265 5.1.4: the default path of a cookie set without a usable Path attribute.</summary>
    public static string DefaultPath(Uri url)
    {
        var path = url.AbsolutePath;
        if (path.Length == 0 || path[0] != '/')
        {
            return "/";
        }

        var last = path.LastIndexOf('/');
        return last == 0 ? "/" : path[..last];
    }

    /// <summary>The request path used for matching: the URL's path, "/" when empty.</summary>
    public static string RequestPath(Uri url) => url.AbsolutePath is { Length: > 0 } path ? path : "/";

    /// <summary>Whether two URLs belong to the same site: the same registrable domain (or the same IP address).</summary>
    public static bool SameSite(Uri a, Uri b)
    {
        var hostA = CanonicalHost(a);
        var hostB = CanonicalHost(b);
        if (IsIpHost(a) || IsIpHost(b))
        {
            return string.Equals(hostA, hostB, StringComparison.Ordinal);
        }

        return PublicSuffixes.RegistrableDomain(hostA).Equals(PublicSuffixes.RegistrableDomain(hostB), StringComparison.Ordinal);
    }
}
