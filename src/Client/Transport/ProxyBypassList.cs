using System.Net;

namespace Herald.Client.Internal;

/// <summary>
/// The hosts of <see cref="TransportOptions.ProxyBypass"/>, parsed once when the client is built.
/// </summary>
/// <remarks>
/// Written by hand rather than handed to <see cref="WebProxy.BypassList"/>: that list takes unanchored regular
/// expressions matched against <c>scheme://host:port</c>, so a plain entry such as <c>internal</c> would also bypass the
/// proxy for <c>notinternal.example</c>, and a dot would match any character. Whole-host matching with <c>*</c>
/// wildcards is what users write in <c>NO_PROXY</c> and browser settings.
/// </remarks>
internal sealed class ProxyBypassList
{
    private readonly Rule[] _rules;

    private ProxyBypassList(Rule[] rules) => _rules = rules;

    /// <summary>Gets whether the list has no entries.</summary>
    public bool IsEmpty => _rules.Length == 0;

    /// <summary>Parses the entries, throwing an <see cref="ArgumentException"/> that names the bad one.</summary>
    public static ProxyBypassList Parse(IEnumerable<string> entries)
    {
        var rules = new List<Rule>();
        foreach (var raw in entries)
        {
            rules.Add(ParseEntry(raw));
        }

        return new ProxyBypassList([.. rules]);
    }

    /// <summary>Returns whether requests to <paramref name="destination"/> skip the proxy.</summary>
    public bool Matches(Uri destination)
    {
        if (_rules.Length == 0)
        {
            return false;
        }

        var host = destination.DnsSafeHost.TrimEnd('.').ToLowerInvariant();
        var port = destination.Port;
        foreach (var rule in _rules)
        {
            if (rule.Port is { } p && p != port)
            {
                continue;
            }

            if (rule.Kind switch
            {
                RuleKind.Local => IsLocal(host),
                RuleKind.Exact => host == rule.Host,
                RuleKind.Domain => host == rule.Host || host.EndsWith("." + rule.Host, StringComparison.Ordinal),
                _ => Glob(rule.Host, host),
            })
            {
                return true;
            }
        }

        return false;
    }

    private static Rule ParseEntry(string? raw)
    {
        var entry = raw?.Trim() ?? string.Empty;
        if (entry.Length == 0)
        {
            throw Invalid(raw, "it is empty");
        }

        if (string.Equals(entry, "<local>", StringComparison.OrdinalIgnoreCase))
        {
            return new Rule(RuleKind.Local, string.Empty, null);
        }

        if (entry.Contains('/', StringComparison.Ordinal) || entry.Contains('@', StringComparison.Ordinal))
        {
            throw Invalid(raw, "an entry is a host, optionally with :port, not a URL");
        }

        string host;
        int? port = null;
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid(raw, "the IPv6 address has no closing ']'");
            }

            host = entry[1..close];
            var rest = entry[(close + 1)..];
            if (rest.Length > 0)
            {
                port = rest.StartsWith(':') ? ParsePort(raw, rest[1..]) : throw Invalid(raw, "only :port may follow ']'");
            }
        }
        else if (entry.Count(c => c == ':') == 1)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            host = entry[..colon];
            port = ParsePort(raw, entry[(colon + 1)..]);
        }
        else
        {
            host = entry;
        }

        host = host.TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0 || host == ".")
        {
            throw Invalid(raw, "it names no host");
        }

        if (host.Contains('*', StringComparison.Ordinal))
        {
            return new Rule(RuleKind.Wildcard, host, port);
        }

        return host.StartsWith('.')
            ? new Rule(RuleKind.Domain, host[1..], port)
            : new Rule(RuleKind.Exact, host, port);
    }

    private static int ParsePort(string? raw, string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
        && port is > 0 and <= 65535
            ? port
            : throw Invalid(raw, $"'{text}' is not a port number (1-65535)");

    private static ArgumentException Invalid(string? entry, string why) =>
        new($"TransportOptions.ProxyBypass entry '{entry}' is invalid: {why}. Use a host (api.internal), a pattern (*.internal), a domain (.internal), host:port, or <local>.",
            nameof(TransportOptions.ProxyBypass));

    // <local> as in Windows proxy settings: plain host names without a dot, plus loopback addresses and the
    // .localhost names that RFC 6761 reserves for loopback.
    private static bool IsLocal(string host) =>
        IPAddress.TryParse(host, out var address)
            ? IPAddress.IsLoopback(address)
            : !host.Contains('.', StringComparison.Ordinal) || host.EndsWith(".localhost", StringComparison.Ordinal);

    // '*' matches any run of characters, dots included (as NO_PROXY and WinINet patterns do).
    private static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (p < pattern.Length && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private enum RuleKind
    {
        Exact,
        Domain,
        Wildcard,
        Local,
    }

    private readonly record struct Rule(RuleKind Kind, string Host, int? Port);
}
