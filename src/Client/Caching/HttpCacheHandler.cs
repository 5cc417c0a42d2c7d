using System.Net;
using Microsoft.Extensions.Logging;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// The private HTTP cache middleware (RFC 9111). See <see cref="HttpCacheOptions"/> for what it stores and
/// <see cref="HeraldMiddleware"/> for its place: below auth (so <c>Authorization</c> is seen and keys the entry), above
/// cookies, decompression and logging (so a hit touches neither the jar nor the wire, and bodies are stored decoded).
/// </summary>
internal sealed class HttpCacheHandler : DelegatingHandler
{
    /// <summary>Request headers that make a request the caller's own conditional or partial one: passed through untouched.</summary>
    private static readonly string[] CallerConditionals =
        ["If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range", "Range"];

    private readonly IHttpCacheStore _store;
    private readonly long _maxBodyBytes;
    private readonly double _heuristicFraction;
    private readonly bool _cacheAuthorized;
    private readonly CacheKeys _keys;
    private readonly bool _cookiesBelow;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public HttpCacheHandler(
        IHttpCacheStore store,
        long maxBodyBytes,
        double heuristicFraction,
        bool cacheAuthorized,
        CacheKeys keys,
        bool cookiesBelow,
        TimeProvider time,
        ILogger logger)
    {
        _store = store;
        _maxBodyBytes = maxBodyBytes;
        _heuristicFraction = heuristicFraction;
        _cacheAuthorized = cacheAuthorized;
        _keys = keys;
        // Whether the cookie middleware sits below: a Cookie the jar adds is invisible here.
        _cookiesBelow = cookiesBelow;
        _time = time;
        _logger = logger;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Herald's cache middleware is asynchronous: send with SendAsync.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var exchange = HeraldExchange.Of(request);
        var method = request.Method;
        var isGet = method == HttpMethod.Get;
        if (request.RequestUri is not { IsAbsoluteUri: true } url || url.Scheme is not ("http" or "https"))
        {
            exchange.CacheStatus = HttpCacheStatus.Bypass;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var enabled = !request.Options.TryGetValue(CacheRequestExtensions.EnabledKey, out var perRequest) || perRequest;
        if ((isGet || method == HttpMethod.Head)
            && enabled
            && !IsCallerConditional(request)
            && (_cacheAuthorized || !request.Headers.NonValidated.Contains("Authorization")))
        {
            return isGet
                ? await GetAsync(request, url, exchange, cancellationToken).ConfigureAwait(false)
                : await HeadAsync(request, url, exchange, cancellationToken).ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        exchange.CacheStatus = HttpCacheStatus.Bypass;
        if (!IsSafe(method) && (int)response.StatusCode is >= 200 and < 400)
        {
            // RFC 9111 §4.4: a successful unsafe request changed the resource; so may the ones it names.
            await RemoveAsync(_keys.UrlKey(url), url, exchange, cancellationToken).ConfigureAwait(false);
            foreach (var named in new[] { response.Headers.Location, response.Content.Headers.ContentLocation })
            {
                if (named is not null
                    && Uri.TryCreate(url, named, out var target)
                    && RedirectHandler.SameOrigin(url, target)
                    && target != url)
                {
                    await RemoveAsync(_keys.UrlKey(target), target, exchange, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return response;
    }

    private async Task<HttpResponseMessage> GetAsync(HttpRequestMessage request, Uri url, HeraldExchange exchange, CancellationToken cancellationToken)
    {
        var requestControl = CacheControl.Parse(request.Headers, isRequest: true);
        var stored = await LoadAsync(url, request, exchange, cancellationToken).ConfigureAwait(false);
        var entry = stored.Entry;
        var requestTime = _time.GetUtcNow();
        if (entry is not null && CanServe(entry, requestControl, entry.CurrentAge(requestTime)))
        {
            return Hit(request, entry, requestTime, exchange, head: false);
        }

        if (requestControl.OnlyIfCached)
        {
            return Unavailable(request, exchange);
        }

        // What the request carried on reaching the cache: Vary is matched on this, before the middleware below
        // (cookies, decompression) adds its own headers, since a lookup can only ever see this much.
        var sent = Snapshot(request);
        CacheEntry? validating = null;
        string? validatingKey = null;
        if (stored is { Entry: { HasValidators: true } candidate, EntryKey: { } candidateKey })
        {
            validating = candidate;
            validatingKey = candidateKey;
            if (candidate.ETag is { } etag)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (candidate.LastModified is { } lastModified)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (validating is not null)
            {
                // The message may be sent again above (a retry after a 401): it must go as the caller wrote it.
                request.Headers.Remove("If-None-Match");
                request.Headers.Remove("If-Modified-Since");
            }
        }

        var responseTime = _time.GetUtcNow();
        if (validating is not null && validatingKey is not null && response.StatusCode == HttpStatusCode.NotModified)
        {
            // §4.3.4: the 304's headers update the stored response, whose body is served.
            var freshened = validating.Freshen(response, requestTime, responseTime, _heuristicFraction);
            response.Dispose();
            await SaveAsync(validatingKey, freshened.Serialize(), url, exchange, cancellationToken).ConfigureAwait(false);
            exchange.OriginalContentEncoding = freshened.OriginalContentEncoding;
            exchange.CacheStatus = HttpCacheStatus.Validated;
            return freshened.ToResponse(request, freshened.CurrentAge(responseTime), head: false);
        }

        try
        {
            return await StoreAsync(request, response, url, requestControl, sent, stored, requestTime, responseTime, exchange, cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> HeadAsync(HttpRequestMessage request, Uri url, HeraldExchange exchange, CancellationToken cancellationToken)
    {
        var requestControl = CacheControl.Parse(request.Headers, isRequest: true);
        var stored = await LoadAsync(url, request, exchange, cancellationToken).ConfigureAwait(false);
        var entry = stored.Entry;
        var requestTime = _time.GetUtcNow();
        if (entry is not null && CanServe(entry, requestControl, entry.CurrentAge(requestTime)))
        {
            // §4.3.5 aside, a fresh GET answers a HEAD: the same headers, no body.
            return Hit(request, entry, requestTime, exchange, head: true);
        }

        if (requestControl.OnlyIfCached)
        {
            return Unavailable(request, exchange);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        exchange.CacheStatus = HttpCacheStatus.NotCacheable;
        if (stored is { Entry: { } described, EntryKey: { } describedKey } && (int)response.StatusCode is >= 200 and < 300)
        {
            // §4.3.5: a HEAD response freshens the stored GET when it describes the same representation, and
            // shows it outdated when it does not.
            if (SameRepresentation(described, response))
            {
                var freshened = described.Freshen(response, requestTime, _time.GetUtcNow(), _heuristicFraction);
                await SaveAsync(describedKey, freshened.Serialize(), url, exchange, cancellationToken).ConfigureAwait(false);
                exchange.CacheStatus = HttpCacheStatus.Miss;
            }
            else
            {
                await RemoveAsync(describedKey, url, exchange, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    private async Task<HttpResponseMessage> StoreAsync(
        HttpRequestMessage request,
        HttpResponseMessage response,
        Uri url,
        CacheControl requestControl,
        KeyValuePair<string, string?>[] sent,
        StoredVariant stored,
        DateTimeOffset requestTime,
        DateTimeOffset responseTime,
        HeraldExchange exchange,
        CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var vary = VaryKeys(request, response, sent);
        if (vary is null || !IsStorable(response, status, requestControl))
        {
            return await NotStoredAsync(response, url, stored, exchange, cancellationToken).ConfigureAwait(false);
        }

        // A response that is never fresh and cannot be revalidated would only take space.
        var entry = CacheEntry.Capture(response, vary, exchange.OriginalContentEncoding, requestTime, responseTime, _heuristicFraction);
        if ((entry.FreshnessLifetime <= TimeSpan.Zero && !entry.HasValidators)
            || response.Content.Headers.ContentLength > _maxBodyBytes)
        {
            return await NotStoredAsync(response, url, stored, exchange, cancellationToken).ConfigureAwait(false);
        }

        var original = response.Content;
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var (buffer, count) = await ReadUpToAsync(stream, original.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
        if (count > _maxBodyBytes)
        {
            // Too large after all (no Content-Length said so): hand on what was read, then the rest as it comes.
            response.Content = new PrefixedContent(original, stream, buffer, count);
            return await NotStoredAsync(response, url, stored, exchange, cancellationToken).ConfigureAwait(false);
        }

        var body = count == buffer.Length ? buffer : buffer.AsSpan(0, count).ToArray();
        await stream.DisposeAsync().ConfigureAwait(false);
        var buffered = new ByteArrayContent(body);
        foreach (var (name, values) in original.Headers.NonValidated)
        {
            buffered.Headers.TryAddWithoutValidation(name, values);
        }

        response.Content = buffered;
        original.Dispose();

        entry.Body = body;
        var urlKey = _keys.UrlKey(url);
        var names = vary.ConvertAll(k => k.Key).ToArray();
        var variants = stored.Variants is { } known && known.HasNames(names) ? known : CacheVariants.Create(names);
        if (!ReferenceEquals(variants, stored.Variants))
        {
            await SaveAsync(urlKey, variants.Serialize(), url, exchange, cancellationToken).ConfigureAwait(false);
        }

        await SaveAsync(variants.KeyOf(urlKey, vary.Select(k => k.Value)), entry.Serialize(), url, exchange, cancellationToken)
            .ConfigureAwait(false);
        exchange.CacheStatus = HttpCacheStatus.Miss;
        return response;
    }

    private async Task<HttpResponseMessage> NotStoredAsync(
        HttpResponseMessage response, Uri url, StoredVariant stored, HeraldExchange exchange, CancellationToken cancellationToken)
    {
        exchange.CacheStatus = HttpCacheStatus.NotCacheable;
        if (stored.EntryKey is { } entryKey && (int)response.StatusCode < 500)
        {
            // The server answered anew and the answer is not to be kept: the stored one is outdated. A 5xx is a
            // passing failure and says nothing about it, so that entry stays for the next try.
            await RemoveAsync(entryKey, url, exchange, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>RFC 9111 §3: may this response to a GET be stored by a private cache?</summary>
    private static bool IsStorable(HttpResponseMessage response, int status, in CacheControl requestControl)
    {
        if (requestControl.NoStore || status < 200 || status is 206 or 304)
        {
            return false;
        }

        var control = CacheControl.Parse(response.Headers, isRequest: false);
        if (control.NoStore)
        {
            return false;
        }

        return control.HasMaxAge
            || control.Public
            || control.Private
            || response.Content.Headers.NonValidated.Contains("Expires")
            || response.Headers.NonValidated.Contains("Expires")
            || CacheEntry.IsCacheableByDefault(status);
    }

    /// <summary>
    /// The request headers the entry is keyed on: those <c>Vary</c> names, and <c>Authorization</c> in every case.
    /// <see langword="null"/> when the response cannot be matched later: <c>Vary: *</c>, <c>Vary: Cookie</c> while the
    /// cookie middleware is below (the jar adds or leaves out <c>Cookie</c> where a lookup cannot see it, and a login
    /// changes it without the URL changing), or another header named by <c>Vary</c> that the middleware below changed.
    /// <c>Accept-Encoding</c> is the exception: decompression adds the same value to every call, and the body is
    /// stored decoded.
    /// </summary>
    private List<KeyValuePair<string, byte[]>>? VaryKeys(HttpRequestMessage request, HttpResponseMessage response, KeyValuePair<string, string?>[] sent)
    {
        var keys = new List<KeyValuePair<string, byte[]>>();
        if (response.Headers.NonValidated.TryGetValues("Vary", out var varyValues))
        {
            foreach (var line in varyValues)
            {
                foreach (var range in line.AsSpan().Split(','))
                {
                    var name = line.AsSpan(range).Trim();
                    if (name.IsEmpty)
                    {
                        continue;
                    }

                    if (name.SequenceEqual("*"))
                    {
                        return null;
                    }

                    var header = name.ToString();
                    if (_cookiesBelow && header.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
                    {
                        return null;
                    }

                    var before = SentValue(sent, header);
                    if (!header.Equals("Accept-Encoding", StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(before, CacheEntry.ValueOf(request.Headers, header), StringComparison.Ordinal))
                    {
                        return null;
                    }

                    if (!keys.Exists(k => k.Key.Equals(header, StringComparison.OrdinalIgnoreCase)))
                    {
                        keys.Add(new(header, _keys.ValueHash(before)));
                    }
                }
            }
        }

        // Always keyed on the credential, present or not: a response fetched anonymously must not answer a call
        // with credentials (the server may tailor it to the user without saying Vary: Authorization, as shared
        // caches never store such responses anyway), nor the other way round.
        if (!keys.Exists(k => k.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
        {
            keys.Add(new("Authorization", _keys.ValueHash(SentValue(sent, "Authorization"))));
        }

        return keys;
    }

    /// <summary>Whether a stored response may answer the request without the server (RFC 9111 §4.2, §5.2.1).</summary>
    private static bool CanServe(CacheEntry entry, in CacheControl request, TimeSpan age)
    {
        if (entry.NoCache || request.NoCache)
        {
            return false;
        }

        // An unreadable max-age in a request is taken as max-age=0: the caller wanted something recent.
        var maxAge = request.MaxAgeInvalid ? TimeSpan.Zero : request.MaxAge;
        if (maxAge is { } limit && age > limit)
        {
            return false;
        }

        var freshFor = entry.FreshnessLifetime - age;
        if (request.MinFresh is { } minFresh && freshFor < minFresh)
        {
            return false;
        }

        if (freshFor > TimeSpan.Zero)
        {
            return true;
        }

        // Stale: only what the request accepts (max-stale), and never a must-revalidate response (§5.2.2.2).
        return !entry.MustRevalidate && request.MaxStale is { } maxStale && -freshFor <= maxStale;
    }

    private HttpResponseMessage Hit(HttpRequestMessage request, CacheEntry entry, DateTimeOffset now, HeraldExchange exchange, bool head)
    {
        exchange.CacheStatus = HttpCacheStatus.Hit;
        exchange.OriginalContentEncoding = entry.OriginalContentEncoding;
        return entry.ToResponse(request, entry.CurrentAge(now), head);
    }

    private static HttpResponseMessage Unavailable(HttpRequestMessage request, HeraldExchange exchange)
    {
        exchange.CacheStatus = HttpCacheStatus.Unavailable;
        return new HttpResponseMessage(HttpStatusCode.GatewayTimeout)
        {
            RequestMessage = request,
            Content = new CacheUnavailableContent(),
        };
    }

    private static bool SameRepresentation(CacheEntry entry, HttpResponseMessage head)
    {
        var etag = head.Headers.NonValidated.TryGetValues("ETag", out var e) ? e.ToString() : null;
        var lastModified = head.Content.Headers.NonValidated.TryGetValues("Last-Modified", out var l) ? l.ToString() : null;
        return string.Equals(etag, entry.ETag, StringComparison.Ordinal)
            && (lastModified is null || entry.LastModified is null || string.Equals(lastModified, entry.LastModified, StringComparison.Ordinal))
            && (entry.OriginalContentEncoding is not null || head.Content.Headers.ContentLength is not { } length || length == entry.Body.Length);
    }

    private async Task<(byte[] Buffer, int Count)> ReadUpToAsync(Stream stream, long? length, CancellationToken cancellationToken)
    {
        // Read at most one byte past the limit: enough to know the body is too large, never the whole of it.
        var limit = _maxBodyBytes + 1;
        var buffer = new byte[(int)Math.Min(limit, length is { } known ? Math.Max(known, 1) : 16 * 1024)];
        var count = 0;
        while (count < limit)
        {
            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(limit, (long)buffer.Length * 2));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            count += read;
        }

        return (buffer, count);
    }

    /// <summary>
    /// Finds the stored variant for <paramref name="request"/>: the URL's record (<see cref="CacheVariants"/>), then the
    /// entry under the key its headers' values give.
    /// </summary>
    private async Task<StoredVariant> LoadAsync(Uri url, HttpRequestMessage request, HeraldExchange exchange, CancellationToken cancellationToken)
    {
        var urlKey = _keys.UrlKey(url);
        var record = await GetAsync(urlKey, url, exchange, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return default;
        }

        if (CacheVariants.Deserialize(record) is not { } variants)
        {
            CacheLog.EntryUnreadable(_logger, DisplayUrl.Of(url, exchange.ShowQuery));
            await RemoveAsync(urlKey, url, exchange, cancellationToken).ConfigureAwait(false);
            return default;
        }

        if (_cookiesBelow && Array.Exists(variants.Names, n => n.Equals("Cookie", StringComparison.OrdinalIgnoreCase)))
        {
            // Stored by a client without cookies sharing this store: which Cookie this call will carry is unknown here.
            return default;
        }

        var headers = request.Headers;
        var entryKey = variants.KeyOf(urlKey, variants.Names.Select(name => _keys.ValueHash(CacheEntry.ValueOf(headers, name))));
        var bytes = await GetAsync(entryKey, url, exchange, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return new StoredVariant(variants, null, null);
        }

        if (CacheEntry.Deserialize(bytes) is not { } entry)
        {
            CacheLog.EntryUnreadable(_logger, DisplayUrl.Of(url, exchange.ShowQuery));
            await RemoveAsync(entryKey, url, exchange, cancellationToken).ConfigureAwait(false);
            return new StoredVariant(variants, null, null);
        }

        // The key comes from a hash; the entry's own list settles it.
        return entry.MatchesVary(headers, _keys) ? new StoredVariant(variants, entryKey, entry) : new StoredVariant(variants, null, null);
    }

    private async Task<byte[]?> GetAsync(string key, Uri url, HeraldExchange exchange, CancellationToken cancellationToken)
    {
        try
        {
            return await _store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            CacheLog.StoreFailed(_logger, "read", DisplayUrl.Of(url, exchange.ShowQuery), ex);
            return null;
        }
    }

    private async Task SaveAsync(string key, byte[] bytes, Uri url, HeraldExchange exchange, CancellationToken cancellationToken)
    {
        try
        {
            await _store.SetAsync(key, bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            CacheLog.StoreFailed(_logger, "write", DisplayUrl.Of(url, exchange.ShowQuery), ex);
        }
    }

    private async Task RemoveAsync(string key, Uri url, HeraldExchange exchange, CancellationToken cancellationToken)
    {
        try
        {
            await _store.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            CacheLog.StoreFailed(_logger, "remove", DisplayUrl.Of(url, exchange.ShowQuery), ex);
        }
    }

    private static KeyValuePair<string, string?>[] Snapshot(HttpRequestMessage request)
    {
        var headers = request.Headers.NonValidated;
        var snapshot = new KeyValuePair<string, string?>[headers.Count];
        var i = 0;
        foreach (var (name, _) in headers)
        {
            snapshot[i++] = new(name, CacheEntry.ValueOf(request.Headers, name));
        }

        return snapshot;
    }

    private static string? SentValue(KeyValuePair<string, string?>[] sent, string name)
    {
        foreach (var (key, value) in sent)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsCallerConditional(HttpRequestMessage request)
    {
        var headers = request.Headers.NonValidated;
        foreach (var name in CallerConditionals)
        {
            if (headers.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSafe(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace;

    /// <summary>What a lookup found: the URL's record, and the variant matching the request with its key.</summary>
    private readonly record struct StoredVariant(CacheVariants? Variants, string? EntryKey, CacheEntry? Entry);
}
