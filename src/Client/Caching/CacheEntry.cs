using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Herald.Client.Internal;

/// <summary>
/// A stored response (RFC 9111 §3): status, headers, body, the request headers its <c>Vary</c> names (as keyed hashes,
/// <see cref="CacheKeys"/>, so a shared store never holds a token), and what freshness needs: when it was received, its corrected initial age and
/// its freshness lifetime (§4.2). Serialized to bytes for <see cref="IHttpCacheStore"/>.
/// </summary>
internal sealed class CacheEntry
{
    // "HHC" and a format version: an entry written by another format is a miss, never a misread.
    private const int Magic = 0x01434848;

    /// <summary>Headers a cache never stores (RFC 9111 §3.1: hop-by-hop ones), plus those Herald leaves out on purpose.</summary>
    private static readonly HashSet<string> NotStored = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "TE", "Trailer", "Upgrade",
        "Proxy-Authenticate", "Proxy-Authentication-Info",
        "Age",        // recomputed on every hit (§5.1)
        "Set-Cookie", // the cookie middleware below already took them; a store shared by instances must not hand one user's session to another
    };

    /// <summary>Content headers never taken from a 304 or HEAD (§3.2, §4.3.4): they describe the stored body.</summary>
    private static readonly HashSet<string> NotUpdated = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Content-Encoding", "Content-Range",
    };

    public required int Status { get; init; }

    public string? ReasonPhrase { get; init; }

    public required Version Version { get; init; }

    public required List<KeyValuePair<string, string[]>> Headers { get; init; }

    public required List<KeyValuePair<string, string[]>> ContentHeaders { get; init; }

    /// <summary>The request headers named by <c>Vary</c>, and <c>Authorization</c>, each with a hash of its value (or of its absence).</summary>
    public required List<KeyValuePair<string, byte[]>> Vary { get; init; }

    public string? OriginalContentEncoding { get; init; }

    public required byte[] Body { get; set; }

    /// <summary>When the response was received (response_time).</summary>
    public DateTimeOffset ResponseTime { get; private set; }

    /// <summary>corrected_initial_age (§4.2.3).</summary>
    public TimeSpan CorrectedInitialAge { get; private set; }

    /// <summary>freshness_lifetime (§4.2.1).</summary>
    public TimeSpan FreshnessLifetime { get; private set; }

    public bool NoCache { get; private set; }

    public bool MustRevalidate { get; private set; }

    public string? ETag => First(Headers, "ETag");

    public string? LastModified => First(ContentHeaders, "Last-Modified") ?? First(Headers, "Last-Modified");

    public bool HasValidators => ETag is not null || LastModified is not null;

    /// <summary>current_age at <paramref name="now"/> (§4.2.3).</summary>
    public TimeSpan CurrentAge(DateTimeOffset now)
    {
        var resident = now - ResponseTime;
        return CorrectedInitialAge + (resident > TimeSpan.Zero ? resident : TimeSpan.Zero);
    }

    /// <summary>Captures what a new response to store says; the body is set later, once read.</summary>
    public static CacheEntry Capture(
        HttpResponseMessage response,
        List<KeyValuePair<string, byte[]>> vary,
        string? originalContentEncoding,
        DateTimeOffset requestTime,
        DateTimeOffset responseTime,
        double heuristicFraction)
    {
        var entry = new CacheEntry
        {
            Status = (int)response.StatusCode,
            ReasonPhrase = response.ReasonPhrase,
            Version = response.Version,
            Headers = Copy(response.Headers, exclude: null),
            ContentHeaders = Copy(response.Content.Headers, exclude: "Content-Length"),
            Vary = vary,
            OriginalContentEncoding = originalContentEncoding,
            Body = [],
        };
        entry.Describe(AgeOf(response), requestTime, responseTime, heuristicFraction);
        return entry;
    }

    /// <summary>
    /// The entry freshened by a 304 (or a HEAD response) (§4.3.4): its headers replace the stored ones of the same name,
    /// the body stays, and the age and lifetime are computed again from this exchange.
    /// </summary>
    public CacheEntry Freshen(HttpResponseMessage response, DateTimeOffset requestTime, DateTimeOffset responseTime, double heuristicFraction)
    {
        var headers = Replace(Headers, response.Headers);
        var contentHeaders = Replace(ContentHeaders, response.Content.Headers);
        var entry = new CacheEntry
        {
            Status = Status,
            ReasonPhrase = ReasonPhrase,
            Version = Version,
            Headers = headers,
            ContentHeaders = contentHeaders,
            Vary = Vary,
            OriginalContentEncoding = OriginalContentEncoding,
            Body = Body,
        };
        entry.Describe(AgeOf(response), requestTime, responseTime, heuristicFraction);
        return entry;
    }

    /// <summary>Builds the response a hit returns: the stored one with a current <c>Age</c>; no body for HEAD.</summary>
    public HttpResponseMessage ToResponse(HttpRequestMessage request, TimeSpan age, bool head)
    {
        var content = new ByteArrayContent(head ? [] : Body);
        foreach (var (name, values) in ContentHeaders)
        {
            content.Headers.TryAddWithoutValidation(name, values);
        }

        content.Headers.ContentLength = Body.Length;
        var response = new HttpResponseMessage((HttpStatusCode)Status)
        {
            Version = Version,
            Content = content,
            RequestMessage = request,
        };
        if (ReasonPhrase is not null)
        {
            response.ReasonPhrase = ReasonPhrase;
        }

        foreach (var (name, values) in Headers)
        {
            response.Headers.TryAddWithoutValidation(name, values);
        }

        response.Headers.TryAddWithoutValidation("Age", ((long)Math.Min(age.TotalSeconds, 2147483648d)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>Whether the headers <c>Vary</c> named have the same values in <paramref name="request"/> (§4.1).</summary>
    public bool MatchesVary(HttpRequestHeaders request, CacheKeys keys)
    {
        foreach (var (name, hash) in Vary)
        {
            if (!CryptographicOperations.FixedTimeEquals(keys.ValueHash(ValueOf(request, name)), hash))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A request header's value for <c>Vary</c> matching, normalized (§4.1): lines joined with commas, values trimmed;
    /// <see langword="null"/> when absent.
    /// </summary>
    public static string? ValueOf(HttpRequestHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out var values))
        {
            return null;
        }

        if (values.Count == 1)
        {
            return values.ToString().Trim();
        }

        return string.Join(',', values.Select(v => v.Trim()));
    }

    public byte[] Serialize()
    {
        using var buffer = new MemoryStream(Body.Length + 512);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Status);
            WriteNullable(writer, ReasonPhrase);
            writer.Write(Version.Major);
            writer.Write(Version.Minor);
            writer.Write(ResponseTime.UtcTicks);
            writer.Write(CorrectedInitialAge.Ticks);
            writer.Write(FreshnessLifetime.Ticks);
            writer.Write((byte)((NoCache ? 1 : 0) | (MustRevalidate ? 2 : 0)));
            WriteNullable(writer, OriginalContentEncoding);
            WriteHeaders(writer, Headers);
            WriteHeaders(writer, ContentHeaders);
            writer.Write(Vary.Count);
            foreach (var (name, hash) in Vary)
            {
                writer.Write(name);
                writer.Write(hash.Length);
                writer.Write(hash);
            }

            writer.Write(Body.Length);
            writer.Write(Body);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads an entry; <see langword="null"/> when the bytes are not an entry of this format (corrupt, foreign, truncated).</summary>
    public static CacheEntry? Deserialize(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadInt32() != Magic)
            {
                return null;
            }

            var status = reader.ReadInt32();
            var reason = ReadNullable(reader);
            var version = new Version(reader.ReadInt32(), reader.ReadInt32());
            var responseTime = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var initialAge = TimeSpan.FromTicks(reader.ReadInt64());
            var lifetime = TimeSpan.FromTicks(reader.ReadInt64());
            var flags = reader.ReadByte();
            var encoding = ReadNullable(reader);
            var headers = ReadHeaders(reader);
            var contentHeaders = ReadHeaders(reader);
            var varyCount = ReadCount(reader);
            var vary = new List<KeyValuePair<string, byte[]>>(varyCount);
            for (var i = 0; i < varyCount; i++)
            {
                var name = reader.ReadString();
                vary.Add(new(name, reader.ReadBytes(ReadCount(reader))));
            }

            var body = reader.ReadBytes(ReadCount(reader));
            if (status is < 100 or > 999 || reader.BaseStream.Position != bytes.Length)
            {
                return null;
            }

            return new CacheEntry
            {
                Status = status,
                ReasonPhrase = reason,
                Version = version,
                Headers = headers,
                ContentHeaders = contentHeaders,
                Vary = vary,
                OriginalContentEncoding = encoding,
                Body = body,
                ResponseTime = responseTime,
                CorrectedInitialAge = initialAge,
                FreshnessLifetime = lifetime,
                NoCache = (flags & 1) != 0,
                MustRevalidate = (flags & 2) != 0,
            };
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="status"/> is cacheable by default (heuristically, RFC 9110 §15.1), 206 aside.</summary>
    public static bool IsCacheableByDefault(int status) =>
        status is 200 or 203 or 204 or 300 or 301 or 308 or 404 or 405 or 410 or 414 or 501;

    /// <summary>Computes age and freshness (§4.2) from the stored headers.</summary>
    private void Describe(TimeSpan? ageValue, DateTimeOffset requestTime, DateTimeOffset responseTime, double heuristicFraction)
    {
        var control = default(CacheControl);
        foreach (var (name, values) in Headers)
        {
            if (string.Equals(name, "Cache-Control", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in values)
                {
                    CacheControl.ParseLine(value, ref control);
                }
            }
        }

        var date = HttpDate.Parse(First(Headers, "Date")) ?? responseTime;

        // §4.2.3
        var apparentAge = Max(TimeSpan.Zero, responseTime - date);
        var responseDelay = Max(TimeSpan.Zero, responseTime - requestTime);
        var correctedAgeValue = (ageValue ?? TimeSpan.Zero) + responseDelay;
        ResponseTime = responseTime;
        CorrectedInitialAge = Max(apparentAge, correctedAgeValue);
        NoCache = control.NoCache;
        MustRevalidate = control.MustRevalidate;
        FreshnessLifetime = Lifetime(control, date, heuristicFraction);
    }

    /// <summary>freshness_lifetime (§4.2.1): max-age, else Expires − Date, else the heuristic (§4.2.2); s-maxage is for shared caches.</summary>
    private TimeSpan Lifetime(in CacheControl control, DateTimeOffset date, double heuristicFraction)
    {
        if (control.MaxAgeInvalid)
        {
            return TimeSpan.Zero;
        }

        if (control.MaxAge is { } maxAge)
        {
            return maxAge;
        }

        var expires = All(ContentHeaders, "Expires") ?? All(Headers, "Expires");
        if (expires is not null)
        {
            // §5.3: an invalid date (such as "0") means already expired; two different values, stale too (§4.2.1).
            if (expires.Distinct(StringComparer.Ordinal).Count() != 1 || HttpDate.Parse(expires[0]) is not { } at)
            {
                return TimeSpan.Zero;
            }

            return Max(TimeSpan.Zero, at - date);
        }

        if ((IsCacheableByDefault(Status) || control.Public)
            && HttpDate.Parse(LastModified) is { } lastModified
            && date > lastModified)
        {
            return TimeSpan.FromTicks((long)((date - lastModified).Ticks * heuristicFraction));
        }

        return TimeSpan.Zero;
    }

    private static TimeSpan? AgeOf(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Age", out var values)
            ? CacheControl.ParseDelta(values.First().AsSpan().Trim())
            : null;

    private static List<KeyValuePair<string, string[]>> Copy(HttpHeaders headers, string? exclude)
    {
        var list = new List<KeyValuePair<string, string[]>>();
        foreach (var (name, values) in headers.NonValidated)
        {
            if (NotStored.Contains(name) || string.Equals(name, exclude, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            list.Add(new(name, [.. values]));
        }

        return list;
    }

    private static List<KeyValuePair<string, string[]>> Replace(List<KeyValuePair<string, string[]>> stored, HttpHeaders update)
    {
        var result = new List<KeyValuePair<string, string[]>>(stored);
        foreach (var (name, values) in update.NonValidated)
        {
            if (NotStored.Contains(name) || NotUpdated.Contains(name))
            {
                continue;
            }

            result.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
            result.Add(new(name, [.. values]));
        }

        return result;
    }

    private static string? First(List<KeyValuePair<string, string[]>> headers, string name)
    {
        foreach (var (key, values) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && values.Length > 0)
            {
                return values[0];
            }
        }

        return null;
    }

    private static string[]? All(List<KeyValuePair<string, string[]>> headers, string name)
    {
        foreach (var (key, values) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && values.Length > 0)
            {
                return values;
            }
        }

        return null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteHeaders(BinaryWriter writer, List<KeyValuePair<string, string[]>> headers)
    {
        writer.Write(headers.Count);
        foreach (var (name, values) in headers)
        {
            writer.Write(name);
            writer.Write(values.Length);
            foreach (var value in values)
            {
                writer.Write(value);
            }
        }
    }

    private static List<KeyValuePair<string, string[]>> ReadHeaders(BinaryReader reader)
    {
        var count = ReadCount(reader);
        var headers = new List<KeyValuePair<string, string[]>>(Math.Min(count, 64));
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var values = new string[ReadCount(reader)];
            for (var j = 0; j < values.Length; j++)
            {
                values[j] = reader.ReadString();
            }

            headers.Add(new(name, values));
        }

        return headers;
    }

    /// <summary>Reads a count, refusing one larger than the bytes left could hold (a corrupt entry must not allocate gigabytes).</summary>
    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (count < 0 || count > left)
        {
            throw new FormatException("Corrupt cache entry.");
        }

        return count;
    }
}
