using System.Text;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// The cookie middleware. See <see cref="HeraldMiddleware"/> for its place in the pipeline: it sits below the redirect
/// and auth middleware, so every hop of a redirect and every attempt after a bearer refresh gets the cookies of its own
/// origin, including those the previous response set, and stores what its response sets.
/// </summary>
/// <remarks>
/// On each hop it writes one <c>Cookie</c> header (RFC 6265 5.4: never more than one): on the call's first origin (until
/// a redirect leaves it), the caller's own <c>Cookie</c> header and the per-request cookies; then the store's cookies
/// for the hop's URL, minus
/// names already given. It replaces any <c>Cookie</c> header a previous hop left, so cookies never leak to another
/// origin and are never doubled.
/// </remarks>
internal sealed class CookieHandler : DelegatingHandler
{
    /// <summary>Per-request cookies (<see cref="CookieRequestExtensions"/>).</summary>
    internal static readonly HttpRequestOptionsKey<IReadOnlyList<KeyValuePair<string, string>>> RequestCookiesKey =
        new("Herald.Cookies.RequestCookies");

    private readonly CookiePolicy _policy;
    private readonly ICookieStore _store;
    private readonly TimeProvider _time;

    public CookieHandler(CookieJarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;

        // A client never sees later changes to its options: keep the values it was built with.
        _policy = options.Policy;
        _store = options.Store;
        _time = options.EffectiveTimeProvider;
    }

    /// <summary>Gets the options this handler was built with.</summary>
    public CookieJarOptions Options { get; }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Herald's cookie middleware is asynchronous: send with SendAsync.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } url)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var exchange = HeraldExchange.Of(request);
        if (exchange.CookieOrigin is not { } origin)
        {
            origin = url;
            exchange.CookieOrigin = url;
            exchange.CallerCookieHeader = request.Headers.NonValidated.TryGetValues("Cookie", out var given)
                ? string.Join("; ", given)
                : null;
        }

        var header = BuildCookieHeader(request, url, origin, exchange.CallerCookieHeader, exchange.LeftFirstOrigin);
        request.Headers.Remove("Cookie");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var cookies = SetCookieParser.ParseAll(response, _time.GetUtcNow());
            exchange.ResponseCookies = cookies;
            if (_policy != CookiePolicy.None)
            {
                foreach (var cookie in cookies)
                {
                    if (Admit(cookie, url, origin) is { } admitted)
                    {
                        _store.Add(url, admitted);
                    }
                }
            }
        }
        catch
        {
            // A custom store that throws fails the call; the response would otherwise keep its connection forever.
            response.Dispose();
            throw;
        }

        return response;
    }

    private string? BuildCookieHeader(HttpRequestMessage request, Uri url, Uri origin, string? callerHeader, bool leftOrigin)
    {
        // The caller's cookies go to the first origin only, and not again once a redirect has left it.
        var atOrigin = !leftOrigin && RedirectHandler.SameOrigin(url, origin);
        var caller = atOrigin ? callerHeader : null;
        var perRequest = atOrigin && request.Options.TryGetValue(RequestCookiesKey, out var list) && list.Count > 0 ? list : null;
        var stored = _policy == CookiePolicy.None || (_policy == CookiePolicy.Strict && !CookieRules.SameSite(url, origin))
            ? []
            : _store.GetCookies(url);

        if (perRequest is null && stored.Count == 0)
        {
            return caller;
        }

        var builder = new StringBuilder(caller);
        HashSet<string>? given = null;
        if (caller is not null)
        {
            given = new(StringComparer.Ordinal);
            foreach (var part in caller.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=');
                given.Add(equals < 0 ? part : part[..equals].TrimEnd());
            }
        }

        if (perRequest is not null)
        {
            given ??= new(StringComparer.Ordinal);
            foreach (var (name, value) in perRequest)
            {
                Append(builder, name, value);
                given.Add(name);
            }
        }

        foreach (var cookie in stored)
        {
            if (given is null || !given.Contains(cookie.Name))
            {
                Append(builder, cookie.Name, cookie.Value);
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    private static void Append(StringBuilder builder, string name, string value)
    {
        if (builder.Length > 0)
        {
            builder.Append("; ");
        }

        builder.Append(name).Append('=').Append(value);
    }

    /// <summary>Applies the strict policy's extra rules; the store applies RFC 6265's.</summary>
    private HeraldCookie? Admit(HeraldCookie cookie, Uri url, Uri origin)
    {
        if (_policy != CookiePolicy.Strict)
        {
            return cookie;
        }

        if (!CookieRules.SameSite(url, origin) || (cookie.SameSite == CookieSameSite.None && !cookie.Secure))
        {
            return null;
        }

        if (cookie.Domain is null)
        {
            return cookie;
        }

        // A Domain attribute is honoured only when it names this very host, and then only as a host-only cookie;
        // __Host- cookies must not carry one at all, so they stay rejected.
        return cookie.Domain == CookieRules.CanonicalHost(url) && !cookie.Name.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase)
            ? cookie.WithoutDomain()
            : null;
    }
}
