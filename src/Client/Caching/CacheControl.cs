using System.Net.Http.Headers;

namespace Herald.Client.Internal;

/// <summary>
/// The <c>Cache-Control</c> directives a private cache acts on (RFC 9111 §5.2), parsed leniently: a malformed header
/// never throws. Hand-written rather than <see cref="CacheControlHeaderValue"/>, because the framework's parser rejects
/// a whole header over one bad directive, and the RFC wants the opposite: keep what can be read and err on the safe side
/// (an invalid freshness value makes the response stale, §4.2.1; a directive name wrapped in stray quotes still counts).
/// </summary>
internal struct CacheControl
{
    /// <summary>RFC 9111 §1.2.2: a delta-seconds value too large to hold is taken as 2^31 seconds.</summary>
    private static readonly TimeSpan MaxDelta = TimeSpan.FromSeconds(2147483648L);

    public bool NoStore;
    public bool NoCache;
    public bool MustRevalidate;
    public bool Public;
    public bool Private;
    public bool OnlyIfCached;

    /// <summary>The <c>max-age</c> value, when present and valid (and not given twice with different values).</summary>
    public TimeSpan? MaxAge;

    /// <summary>Whether <c>max-age</c> was present but unusable (not a number, repeated with another value, stray quotes).</summary>
    public bool MaxAgeInvalid;

    /// <summary>A request's <c>max-stale</c> value; <see cref="TimeSpan.MaxValue"/> for a bare <c>max-stale</c>.</summary>
    public TimeSpan? MaxStale;

    /// <summary>A request's <c>min-fresh</c> value.</summary>
    public TimeSpan? MinFresh;

    /// <summary>Whether the message carries a <c>max-age</c> at all, valid or not: explicit freshness.</summary>
    public readonly bool HasMaxAge => MaxAge is not null || MaxAgeInvalid;

    /// <summary>Reads every <c>Cache-Control</c> line of <paramref name="headers"/>, and a request's <c>Pragma: no-cache</c>.</summary>
    public static CacheControl Parse(HttpHeaders headers, bool isRequest)
    {
        var result = default(CacheControl);
        var any = false;
        if (headers.NonValidated.TryGetValues("Cache-Control", out var values))
        {
            foreach (var value in values)
            {
                any = true;
                ParseLine(value, ref result);
            }
        }

        // RFC 9111 §5.4: Pragma: no-cache counts only when the request has no Cache-Control.
        if (isRequest && !any && headers.NonValidated.TryGetValues("Pragma", out var pragma))
        {
            foreach (var value in pragma)
            {
                foreach (var range in value.AsSpan().Split(','))
                {
                    if (value.AsSpan(range).Trim().Trim('"').Equals("no-cache", StringComparison.OrdinalIgnoreCase))
                    {
                        result.NoCache = true;
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Parses one header line into <paramref name="result"/>.</summary>
    internal static void ParseLine(string line, ref CacheControl result)
    {
        // Quotes delimit values only when they pair up; an odd count means a stray quote, and then every comma splits,
        // so that a directive after it (say no-store) is not swallowed into a quoted value.
        var quotesPair = line.AsSpan().Count('"') % 2 == 0;
        var start = 0;
        var inQuotes = false;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length)
            {
                var c = line[i];
                if (quotesPair && c == '"')
                {
                    inQuotes = !inQuotes;
                }

                if (c != ',' || inQuotes)
                {
                    continue;
                }
            }

            Apply(line.AsSpan(start, i - start), ref result);
            start = i + 1;
        }
    }

    private static void Apply(ReadOnlySpan<char> element, ref CacheControl result)
    {
        element = element.Trim();
        if (element.IsEmpty)
        {
            return;
        }

        var equals = element.IndexOf('=');
        var name = (equals < 0 ? element : element[..equals]).Trim().Trim('"').Trim();
        var hasValue = equals >= 0;
        var value = hasValue ? element[(equals + 1)..].Trim() : default;

        if (name.Equals("no-store", StringComparison.OrdinalIgnoreCase))
        {
            result.NoStore = true;
        }
        else if (name.Equals("no-cache", StringComparison.OrdinalIgnoreCase))
        {
            // The qualified form (no-cache="Set-Cookie") is treated as the unqualified one: stricter, and always allowed.
            result.NoCache = true;
        }
        else if (name.Equals("must-revalidate", StringComparison.OrdinalIgnoreCase))
        {
            result.MustRevalidate = true;
        }
        else if (name.Equals("public", StringComparison.OrdinalIgnoreCase))
        {
            result.Public = true;
        }
        else if (name.Equals("private", StringComparison.OrdinalIgnoreCase))
        {
            result.Private = true;
        }
        else if (name.Equals("only-if-cached", StringComparison.OrdinalIgnoreCase))
        {
            result.OnlyIfCached = true;
        }
        else if (name.Equals("max-age", StringComparison.OrdinalIgnoreCase))
        {
            var parsed = hasValue ? ParseDelta(value) : null;
            if (parsed is null || (result.MaxAge is { } earlier && earlier != parsed) || result.MaxAgeInvalid)
            {
                // §4.2.1: invalid or conflicting freshness information makes the response stale.
                result.MaxAge = null;
                result.MaxAgeInvalid = true;
            }
            else
            {
                result.MaxAge = parsed;
            }
        }
        else if (name.Equals("max-stale", StringComparison.OrdinalIgnoreCase))
        {
            // A bare max-stale accepts any staleness; an unreadable value accepts none (the stricter reading).
            result.MaxStale = !hasValue ? TimeSpan.MaxValue : ParseDelta(value) ?? result.MaxStale;
        }
        else if (name.Equals("min-fresh", StringComparison.OrdinalIgnoreCase))
        {
            if (hasValue && ParseDelta(value) is { } minFresh)
            {
                result.MinFresh = result.MinFresh is { } earlier && earlier > minFresh ? earlier : minFresh;
            }
        }
    }

    /// <summary>Parses delta-seconds, accepting the quoted form senders should not use; <see langword="null"/> when invalid.</summary>
    internal static TimeSpan? ParseDelta(ReadOnlySpan<char> value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        if (value.IsEmpty)
        {
            return null;
        }

        long seconds = 0;
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }

            seconds = Math.Min(seconds * 10 + (c - '0'), 2147483648L);
        }

        return seconds >= 2147483648L ? MaxDelta : TimeSpan.FromSeconds(seconds);
    }
}
