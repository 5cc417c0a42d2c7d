using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Herald's in-memory, thread-safe <see cref="ICookieStore"/>, following RFC 6265 and the rules of RFC 6265bis that
/// browsers apply. Share one instance between clients (<see cref="CookieJarOptions.Store"/>) to share their cookies.
/// </summary>
/// <remarks>
/// <para>Herald has its own store because the framework's <see cref="System.Net.CookieContainer"/> offers no cookie
/// policies, no <c>__Host-</c>/<c>__Secure-</c> rules, no public-suffix check and no way to plug in another store, all of
/// which clj-http and Ktor users expect.</para>
/// <para>Storing (RFC 6265 5.3): a <c>Domain</c> the request host does not domain-match, or a public suffix
/// (<c>com</c>, <c>co.uk</c>, <c>localhost</c>, …; see the compact list's limits in the project docs), rejects the
/// cookie, except a public suffix equal to the host, which makes a host-only cookie. A host that is an IP address
/// only gets host-only cookies. <c>Secure</c> cookies are accepted only from https or a loopback host
/// (<c>localhost</c>, <c>*.localhost</c>, <c>127.0.0.0/8</c>, <c>::1</c>: traffic that never leaves the machine, as
/// RFC 6265bis allows), and a plain-http response may not replace or shadow a <c>Secure</c> cookie. A name starting
/// with <c>__Secure-</c> needs <c>Secure</c>; <c>__Host-</c> needs <c>Secure</c>, <c>Path=/</c> and no <c>Domain</c>.
/// Replacing a cookie keeps its creation time; an expired cookie (<c>Max-Age</c> ≤ 0, a past <c>Expires</c>) deletes.
/// A cookie whose name and value exceed 4096 characters is ignored.</para>
/// <para>Limits: past <see cref="MaxCookiesPerDomain"/> cookies for one domain, or <see cref="MaxCookies"/> in all,
/// expired cookies go first, then the least recently used.</para>
/// </remarks>
public sealed class CookieStore : ICookieStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Entry>> _byDomain = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _count;
    private long _sequence;

    /// <summary>Creates an empty store that reads the system clock.</summary>
    public CookieStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates an empty store that reads time (for expiry) from <paramref name="timeProvider"/>.</summary>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public CookieStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
    }

    /// <summary>Gets how many cookies one domain may hold before the least recently used are evicted.</summary>
    /// <value>The default value is <c>180</c>, as in Chromium (RFC 6265 6.1 asks for at least 50).</value>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when set to less than 1.</exception>
    public int MaxCookiesPerDomain
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 180;

    /// <summary>Gets how many cookies the store holds in all before the least recently used are evicted.</summary>
    /// <value>The default value is <c>3000</c> (RFC 6265 6.1's minimum).</value>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when set to less than 1.</exception>
    public int MaxCookies
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 3000;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="requestUrl"/> is not absolute.</exception>
    public bool Add(Uri requestUrl, HeraldCookie cookie)
    {
        ArgumentNullException.ThrowIfNull(requestUrl);
        ArgumentNullException.ThrowIfNull(cookie);
        RequireAbsolute(requestUrl, nameof(requestUrl));
        if (cookie.Name.Length + cookie.Value.Length > SetCookieParser.MaxNameValueLength)
        {
            return false;
        }

        var host = CookieRules.CanonicalHost(requestUrl);
        var hostIsIp = CookieRules.IsIpHost(requestUrl);
        var secureOrigin = CookieRules.IsSecureOrigin(requestUrl);

        // RFC 6265 5.3 steps 4-6: where the cookie may go.
        string domain;
        bool hostOnly;
        var domainAttribute = cookie.Domain is null ? null : CookieRules.NormalizeDomain(cookie.Domain);
        if (cookie.HostOnly || domainAttribute is null)
        {
            if (domainAttribute is not null && domainAttribute != host)
            {
                return false;
            }

            (domain, hostOnly) = (host, true);
        }
        else if (hostIsIp || PublicSuffixes.IsPublicSuffix(domainAttribute))
        {
            if (domainAttribute != host)
            {
                return false;
            }

            (domain, hostOnly) = (host, true);
        }
        else if (CookieRules.DomainMatch(host, domainAttribute, hostIsIp))
        {
            (domain, hostOnly) = (domainAttribute, false);
        }
        else
        {
            return false;
        }

        var path = cookie.Path is { Length: > 0 } given && given[0] == '/' ? given : CookieRules.DefaultPath(requestUrl);

        // RFC 6265bis 5.6 steps 13-21: Secure only from secure origins, and the name prefixes.
        if (cookie.Secure && !secureOrigin)
        {
            return false;
        }

        var hasDomainAttribute = !cookie.HostOnly && cookie.Domain is not null;
        if (cookie.Name.StartsWith("__Secure-", StringComparison.OrdinalIgnoreCase) && !cookie.Secure)
        {
            return false;
        }

        if (cookie.Name.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase)
            && (!cookie.Secure || hasDomainAttribute || cookie.Path != "/"))
        {
            return false;
        }

        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!cookie.Secure && !secureOrigin && ShadowsSecureCookie(cookie.Name, domain, path))
            {
                return false;
            }

            var creation = now;
            if (_byDomain.TryGetValue(domain, out var list))
            {
                var index = list.FindIndex(e => e.Cookie.HostOnly == hostOnly
                    && string.Equals(e.Cookie.Name, cookie.Name, StringComparison.Ordinal)
                    && string.Equals(e.Cookie.Path, path, StringComparison.Ordinal));
                if (index >= 0)
                {
                    creation = list[index].Cookie.CreationTime;
                    list.RemoveAt(index);
                    _count--;
                }
            }

            if (cookie.IsExpired(now))
            {
                if (list is { Count: 0 })
                {
                    _byDomain.Remove(domain);
                }

                return true;
            }

            if (list is null)
            {
                list = [];
                _byDomain[domain] = list;
            }

            var entry = new Entry(cookie.ForStore(domain, hostOnly, path, creation), now, ++_sequence);
            list.Add(entry);
            _count++;
            Evict(list, entry, now);
            return true;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="url"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="url"/> is not absolute.</exception>
    public IReadOnlyList<HeraldCookie> GetCookies(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        RequireAbsolute(url, nameof(url));
        var host = CookieRules.CanonicalHost(url);
        var hostIsIp = CookieRules.IsIpHost(url);
        var secure = CookieRules.IsSecureOrigin(url);
        var path = CookieRules.RequestPath(url);
        var now = _time.GetUtcNow();
        List<Entry>? found = null;
        lock (_lock)
        {
            if (_count == 0)
            {
                return [];
            }

            // The host itself, then each parent domain: the only keys a cookie for this host can sit under.
            var key = host;
            var atHost = true;
            while (true)
            {
                if (_byDomain.TryGetValue(key, out var list))
                {
                    for (var i = list.Count - 1; i >= 0; i--)
                    {
                        var entry = list[i];
                        var cookie = entry.Cookie;
                        if (cookie.IsExpired(now))
                        {
                            list.RemoveAt(i);
                            _count--;
                            continue;
                        }

                        if ((cookie.HostOnly && !atHost) || (cookie.Secure && !secure)
                            || !CookieRules.PathMatch(path, cookie.Path!))
                        {
                            continue;
                        }

                        entry.LastAccess = now;
                        (found ??= []).Add(entry);
                    }

                    if (list.Count == 0)
                    {
                        _byDomain.Remove(key);
                    }
                }

                var dot = hostIsIp ? -1 : key.IndexOf('.');
                if (dot < 0)
                {
                    break;
                }

                key = key[(dot + 1)..];
                atHost = false;
            }
        }

        if (found is null)
        {
            return [];
        }

        // RFC 6265 5.4 step 2: longer paths first, then earlier creation (then arrival, to be deterministic).
        found.Sort(static (a, b) =>
        {
            var byPath = b.Cookie.Path!.Length.CompareTo(a.Cookie.Path!.Length);
            if (byPath != 0)
            {
                return byPath;
            }

            var byCreation = a.Cookie.CreationTime.CompareTo(b.Cookie.CreationTime);
            return byCreation != 0 ? byCreation : a.Sequence.CompareTo(b.Sequence);
        });

        var result = new HeraldCookie[found.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = found[i].Cookie;
        }

        return result;
    }

    /// <inheritdoc/>
    public IReadOnlyList<HeraldCookie> GetAllCookies()
    {
        var now = _time.GetUtcNow();
        var all = new List<HeraldCookie>();
        lock (_lock)
        {
            foreach (var list in _byDomain.Values)
            {
                foreach (var entry in list)
                {
                    if (!entry.Cookie.IsExpired(now))
                    {
                        all.Add(entry.Cookie);
                    }
                }
            }
        }

        all.Sort(static (a, b) =>
        {
            var byDomain = string.CompareOrdinal(a.Domain, b.Domain);
            if (byDomain != 0)
            {
                return byDomain;
            }

            var byPath = string.CompareOrdinal(a.Path, b.Path);
            return byPath != 0 ? byPath : string.CompareOrdinal(a.Name, b.Name);
        });
        return all;
    }

    /// <inheritdoc/>
    public void Clear()
    {
        lock (_lock)
        {
            _byDomain.Clear();
            _count = 0;
        }
    }

    private static void RequireAbsolute(Uri url, string name)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"Cookies belong to an absolute URL; '{url}' is relative.", name);
        }
    }

    // RFC 6265bis 5.6 step 16: a non-secure origin may not set a cookie that would shadow a Secure one (same name,
    // domains matching either way, and a path inside the Secure cookie's path).
    private bool ShadowsSecureCookie(string name, string domain, string path)
    {
        foreach (var (key, list) in _byDomain)
        {
            if (!CookieRules.DomainMatch(key, domain, hostIsIp: false) && !CookieRules.DomainMatch(domain, key, hostIsIp: false))
            {
                continue;
            }

            foreach (var entry in list)
            {
                if (entry.Cookie.Secure && string.Equals(entry.Cookie.Name, name, StringComparison.Ordinal)
                    && CookieRules.PathMatch(path, entry.Cookie.Path!))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // RFC 6265 5.3 last paragraph: expired cookies first, then the least recently used; never the one just added.
    private void Evict(List<Entry> domainList, Entry added, DateTimeOffset now)
    {
        if (domainList.Count > MaxCookiesPerDomain)
        {
            _count -= domainList.RemoveAll(e => e.Cookie.IsExpired(now));
            while (domainList.Count > MaxCookiesPerDomain && LeastRecentlyUsed(domainList, added) is { } victim)
            {
                domainList.Remove(victim);
                _count--;
            }
        }

        if (_count <= MaxCookies)
        {
            return;
        }

        foreach (var list in _byDomain.Values)
        {
            _count -= list.RemoveAll(e => e.Cookie.IsExpired(now));
        }

        while (_count > MaxCookies)
        {
            Entry? oldest = null;
            List<Entry>? owner = null;
            foreach (var list in _byDomain.Values)
            {
                var candidate = LeastRecentlyUsed(list, added);
                if (candidate is not null && (oldest is null || IsOlder(candidate, oldest)))
                {
                    (oldest, owner) = (candidate, list);
                }
            }

            if (oldest is null || owner is null)
            {
                break;
            }

            owner.Remove(oldest);
            _count--;
        }

        foreach (var key in _byDomain.Where(p => p.Value.Count == 0).Select(p => p.Key).ToList())
        {
            _byDomain.Remove(key);
        }
    }

    private static Entry? LeastRecentlyUsed(List<Entry> list, Entry except)
    {
        Entry? oldest = null;
        foreach (var entry in list)
        {
            if (!ReferenceEquals(entry, except) && (oldest is null || IsOlder(entry, oldest)))
            {
                oldest = entry;
            }
        }

        return oldest;
    }

    private static bool IsOlder(Entry a, Entry b) =>
        a.LastAccess != b.LastAccess ? a.LastAccess < b.LastAccess : a.Sequence < b.Sequence;

    /// <summary>A stored cookie with the bookkeeping eviction needs.</summary>
    private sealed class Entry(HeraldCookie cookie, DateTimeOffset lastAccess, long sequence)
    {
        public HeraldCookie Cookie { get; } = cookie;

        public DateTimeOffset LastAccess { get; set; } = lastAccess;

        public long Sequence { get; } = sequence;
    }
}
