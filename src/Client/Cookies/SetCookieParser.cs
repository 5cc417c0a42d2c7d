namespace Herald.Client.Internal;

/// <summary>The <c>Set-Cookie</c> parsing algorithm of RFC 6265 5.2, with the limits of RFC 6265bis.</summary>
internal static class SetCookieParser
{
    /// <summary>The most characters a name and value may have together (RFC 6265bis 5.6 step 5; RFC 6265 6.1).</summary>
    public const int MaxNameValueLength = 4096;

    /// <summary>Longer attribute values are ignored (RFC 6265bis 5.6 step 8).</summary>
    public const int MaxAttributeValueLength = 1024;

    /// <summary>No cookie lives longer than 400 days (RFC 6265bis 5.6.1, 5.6.2).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(400);

    public static IReadOnlyList<HeraldCookie> ParseAll(HttpResponseMessage response, DateTimeOffset now)
    {
        if (!response.Headers.NonValidated.TryGetValues("Set-Cookie", out var values) || values.Count == 0)
        {
            return [];
        }

        var cookies = new List<HeraldCookie>(values.Count);
        foreach (var value in values)
        {
            if (Parse(value, now) is { } cookie)
            {
                cookies.Add(cookie);
            }
        }

        return cookies;
    }

    public static HeraldCookie? Parse(ReadOnlySpan<char> header, DateTimeOffset now)
    {
        var semicolon = header.IndexOf(';');
        var pair = semicolon < 0 ? header : header[..semicolon];
        var attributes = semicolon < 0 ? [] : header[semicolon..];

        var equals = pair.IndexOf('=');
        if (equals < 0)
        {
            return null;
        }

        var name = Trim(pair[..equals]);
        var value = Trim(pair[(equals + 1)..]);
        if (name.IsEmpty || name.Length + value.Length > MaxNameValueLength
            || !CookieRules.IsValidName(name) || !CookieRules.IsValidValue(value))
        {
            return null;
        }

        string? domain = null;
        string? path = null;
        DateTimeOffset? expires = null;
        DateTimeOffset? maxAge = null;
        var secure = false;
        var httpOnly = false;
        var sameSite = CookieSameSite.Unspecified;
        List<KeyValuePair<string, string?>>? extensions = null;

        // Each attribute replaces an earlier one of the same name: "the last one wins" (RFC 6265 5.3).
        while (!attributes.IsEmpty)
        {
            attributes = attributes[1..];
            var end = attributes.IndexOf(';');
            var attribute = end < 0 ? attributes : attributes[..end];
            attributes = end < 0 ? [] : attributes[end..];

            var separator = attribute.IndexOf('=');
            var attributeName = Trim(separator < 0 ? attribute : attribute[..separator]);
            var attributeValue = separator < 0 ? [] : Trim(attribute[(separator + 1)..]);
            if (attributeName.IsEmpty || attributeValue.Length > MaxAttributeValueLength)
            {
                continue;
            }

            if (attributeName.Equals("Expires", StringComparison.OrdinalIgnoreCase))
            {
                if (CookieDate.TryParse(attributeValue, out var date))
                {
                    expires = Cap(date, now);
                }
            }
            else if (attributeName.Equals("Max-Age", StringComparison.OrdinalIgnoreCase))
            {
                if (TryMaxAge(attributeValue, now) is { } expiry)
                {
                    maxAge = expiry;
                }
            }
            else if (attributeName.Equals("Domain", StringComparison.OrdinalIgnoreCase))
            {
                // An empty Domain is ignored (RFC 6265bis 5.6.3); one that is no domain at all rejects the cookie.
                if (!attributeValue.IsEmpty)
                {
                    domain = CookieRules.NormalizeDomain(attributeValue);
                    if (domain is null)
                    {
                        return null;
                    }
                }
            }
            else if (attributeName.Equals("Path", StringComparison.OrdinalIgnoreCase))
            {
                path = !attributeValue.IsEmpty && attributeValue[0] == '/' ? attributeValue.ToString() : null;
            }
            else if (attributeName.Equals("Secure", StringComparison.OrdinalIgnoreCase))
            {
                secure = true;
            }
            else if (attributeName.Equals("HttpOnly", StringComparison.OrdinalIgnoreCase))
            {
                httpOnly = true;
            }
            else if (attributeName.Equals("SameSite", StringComparison.OrdinalIgnoreCase))
            {
                sameSite = attributeValue.Equals("None", StringComparison.OrdinalIgnoreCase) ? CookieSameSite.None
                    : attributeValue.Equals("Lax", StringComparison.OrdinalIgnoreCase) ? CookieSameSite.Lax
                    : attributeValue.Equals("Strict", StringComparison.OrdinalIgnoreCase) ? CookieSameSite.Strict
                    : CookieSameSite.Unspecified;
            }
            else
            {
                extensions ??= [];
                extensions.Add(new(attributeName.ToString(), separator < 0 ? null : attributeValue.ToString()));
            }
        }

        return new HeraldCookie(name.ToString(), value.ToString(), trusted: true)
        {
            Domain = domain,
            Path = path,
            Expires = maxAge ?? expires,
            Secure = secure,
            HttpOnly = httpOnly,
            SameSite = sameSite,
            Extensions = extensions is null ? [] : extensions.ToArray(),
            CreationTime = now,
        };
    }

    // Max-Age = ["-"] 1*DIGIT; zero or less means "expire now", which RFC 6265 writes as the earliest time there is.
    private static DateTimeOffset? TryMaxAge(ReadOnlySpan<char> value, DateTimeOffset now)
    {
        if (value.IsEmpty || !(value[0] == '-' || char.IsAsciiDigit(value[0])))
        {
            return null;
        }

        var digits = value[0] == '-' ? value[1..] : value;
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        if (value[0] == '-' || digits.TrimStart('0').IsEmpty)
        {
            return DateTimeOffset.MinValue;
        }

        var seconds = long.TryParse(digits, out var parsed) ? parsed : long.MaxValue;
        return seconds >= (long)MaxLifetime.TotalSeconds ? now + MaxLifetime : now.AddSeconds(seconds);
    }

    private static DateTimeOffset Cap(DateTimeOffset date, DateTimeOffset now) =>
        date - now > MaxLifetime ? now + MaxLifetime : date;

    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> span) => span.Trim(" \t");
}
