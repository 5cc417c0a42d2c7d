using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Negotiation;

/// <summary>
/// Chooses the converter, media type and encoding for a response from <c>Accept</c> (or the query override) and
/// <c>Accept-Charset</c>, and the converter for a request body from <c>Content-Type</c>. One instance per application.
/// </summary>
/// <remarks>
/// The framework's <see cref="MediaTypeHeaderValue"/> parses <c>Accept</c>; the ordered outcome for each distinct
/// <c>Accept</c> string is cached (bounded), so the common values cost a dictionary lookup and no allocation. Ordering is
/// hand-written because the framework has no public negotiation API outside MVC's output formatters.
/// </remarks>
internal sealed class ContentNegotiator
{
    private const int MaxCachedAcceptLength = 1024;

    // A browser lists application/xhtml+xml for pages it can render; answering it with serialized XML would show markup
    // as a page, so that suffix never maps to the XML converter.
    private static readonly string[] SuffixExclusions = ["application/xhtml+xml"];

    private readonly NegotiationCandidate[] _defaults;
    private readonly string[] _defaultTypes;
    private readonly string[] _defaultSubTypes;
    private readonly ConcurrentDictionary<string, NegotiationCandidate[]> _acceptCache = new(StringComparer.Ordinal);
    private readonly int _acceptCacheSize;
    private readonly string? _formatParameter;
    private readonly Dictionary<string, string> _formats;
    private int _acceptCacheCount;

    public ContentNegotiator(IOptions<ContentNegotiationOptions> options, IServiceProvider services)
    {
        // Reading Value runs the validator: a misconfiguration surfaces here with its message, not as a wrong answer later.
        var o = options.Value;
        Converters = [.. o.Converters];
        foreach (var converter in Converters)
        {
            (converter as IRequiresServices)?.Initialize(services);
        }

        FallBackToDefault = o.FallBackToDefault;
        _acceptCacheSize = o.AcceptCacheSize;
        _formatParameter = o.FormatQueryParameter;
        _formats = new Dictionary<string, string>(o.Formats, StringComparer.OrdinalIgnoreCase);

        var defaults = new List<NegotiationCandidate>();
        foreach (var converter in Converters)
        {
            foreach (var mediaType in converter.MediaTypes)
            {
                defaults.Add(new NegotiationCandidate(converter, mediaType.ToLowerInvariant()));
            }
        }

        _defaults = [.. defaults];
        _defaultTypes = new string[_defaults.Length];
        _defaultSubTypes = new string[_defaults.Length];
        for (var i = 0; i < _defaults.Length; i++)
        {
            var slash = _defaults[i].MediaType.IndexOf('/', StringComparison.Ordinal);
            _defaultTypes[i] = _defaults[i].MediaType[..slash];
            _defaultSubTypes[i] = _defaults[i].MediaType[(slash + 1)..];
        }
    }

    /// <summary>Finds the application's negotiator, or explains how to register one.</summary>
    public static ContentNegotiator From(HttpContext httpContext) =>
        httpContext.RequestServices.GetService(typeof(ContentNegotiator)) as ContentNegotiator
        ?? throw new InvalidOperationException(
            "Content negotiation is not configured. Register it at startup: builder.Services.AddContentNegotiation(o => o.AddJson().AddXml()), " +
            "then use Respond.Negotiated, HttpContext.RespondAsync, HttpContext.ReceiveAsync or Negotiated<T> parameters.");

    /// <summary>The converters in preference order.</summary>
    public IContentConverter[] Converters { get; }

    public bool FallBackToDefault { get; }

    /// <summary>Herald's body-accepting routes, gathered on the first 415 routing answers (see <see cref="UnsupportedMediaTypeResponder"/>).</summary>
    internal UnsupportedMediaTypeResponder.HeraldRoute[]? Routes { get; set; }

    /// <summary>The query parameter that overrides Accept, or null when the override is off.</summary>
    public string? FormatParameter => _formatParameter;

    /// <summary>
    /// Selects how to answer: the first acceptable candidate whose converter can write <paramref name="type"/>, then (when
    /// configured) the default. Allocation-free when the request's <c>Accept</c> has been seen before.
    /// </summary>
    public bool TrySelect(HttpContext httpContext, Type type, out NegotiationSelection selection, out string? unknownFormat)
    {
        foreach (var candidate in GetCandidates(httpContext, out unknownFormat))
        {
            if (candidate.Converter.CanWrite(httpContext, type))
            {
                selection = new NegotiationSelection(candidate, ChooseEncoding(httpContext, candidate));
                return true;
            }
        }

        if (FallBackToDefault)
        {
            foreach (var candidate in _defaults)
            {
                if (candidate.Converter.CanWrite(httpContext, type))
                {
                    selection = new NegotiationSelection(candidate, ChooseEncoding(httpContext, candidate));
                    return true;
                }
            }
        }

        selection = default;
        return false;
    }

    /// <summary>The media types this request could be answered with, for a 406 body.</summary>
    public List<string> GetProducibleMediaTypes(HttpContext httpContext, Type type)
    {
        var result = new List<string>();
        foreach (var candidate in _defaults)
        {
            if (!result.Contains(candidate.MediaType) && candidate.Converter.CanWrite(httpContext, type))
            {
                result.Add(candidate.MediaType);
            }
        }

        return result;
    }

    /// <summary>Every media type the registered converters write, for endpoint metadata.</summary>
    public string[] GetAllMediaTypes() => [.. _defaults.Select(c => c.MediaType).Distinct(StringComparer.Ordinal)];

    /// <summary>The media types of converters that can read <paramref name="type"/>, for endpoint metadata and 415 bodies.</summary>
    public string[] GetReadableMediaTypes(Type type) =>
        [.. _defaults.Where(c => c.Converter.CanRead(type)).Select(c => c.MediaType).Distinct(StringComparer.Ordinal)];

    /// <summary>The short names of the query override, for a 406 body.</summary>
    public IEnumerable<string> FormatNames => _formats.Keys;

    /// <summary>Finds the converter for a request body of <paramref name="mediaType"/> (suffixes included) that can read <paramref name="type"/>.</summary>
    public IContentConverter? FindReader(MediaTypeHeaderValue mediaType, Type type)
    {
        // An exact media type wins over a suffix match (a converter registered for application/problem+json itself).
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < _defaults.Length; i++)
            {
                var matches = pass == 0
                    ? mediaType.Type.Equals(_defaultTypes[i], StringComparison.OrdinalIgnoreCase)
                      && mediaType.SubType.Equals(_defaultSubTypes[i], StringComparison.OrdinalIgnoreCase)
                    : mediaType.Suffix.HasValue
                      && mediaType.Type.Equals(_defaultTypes[i], StringComparison.OrdinalIgnoreCase)
                      && mediaType.Suffix.Equals(_defaultSubTypes[i], StringComparison.OrdinalIgnoreCase);
                if (matches && _defaults[i].Converter.CanRead(type))
                {
                    return _defaults[i].Converter;
                }
            }
        }

        return null;
    }

    /// <summary>The ordered candidates for this request: from the query override when present, else from <c>Accept</c>.</summary>
    internal NegotiationCandidate[] GetCandidates(HttpContext httpContext, out string? unknownFormat)
    {
        unknownFormat = null;
        if (_formatParameter is not null)
        {
            var format = httpContext.Request.Query[_formatParameter];
            if (format.Count > 0 && format[0] is { } name && !string.IsNullOrWhiteSpace(name))
            {
                if (_formats.TryGetValue(name, out var mapped))
                {
                    return GetCandidates(mapped);
                }

                if (name.Contains('/', StringComparison.Ordinal) && MediaTypeHeaderValue.TryParse(name, out _))
                {
                    return GetCandidates(name);
                }

                unknownFormat = name;
                return [];
            }
        }

        var accept = httpContext.Request.Headers.Accept;
        return accept.Count switch
        {
            0 => _defaults,
            1 => GetCandidates(accept[0]),
            _ => GetCandidates(accept.ToString()),
        };
    }

    /// <summary>The ordered candidates for one <c>Accept</c> value, from the cache when it has been seen before.</summary>
    internal NegotiationCandidate[] GetCandidates(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return _defaults;
        }

        if (_acceptCache.TryGetValue(accept, out var cached))
        {
            return cached;
        }

        var computed = Compute(accept);
        if (accept.Length <= MaxCachedAcceptLength
            && Volatile.Read(ref _acceptCacheCount) < _acceptCacheSize
            && _acceptCache.TryAdd(accept, computed))
        {
            Interlocked.Increment(ref _acceptCacheCount);
        }

        return computed;
    }

    private NegotiationCandidate[] Compute(string accept)
    {
        if (!MediaTypeHeaderValue.TryParseList([accept], out var parsed))
        {
            // Nothing in the header could be read: treat it as absent (RFC 9110 lets a server ignore a bad Accept).
            return _defaults;
        }

        var ranges = new List<AcceptRange>(parsed.Count);
        for (var i = 0; i < parsed.Count; i++)
        {
            if (AcceptRange.TryCreate(parsed[i], i) is { } range)
            {
                ranges.Add(range);
            }
        }

        if (ranges.Count == 0)
        {
            return _defaults;
        }

        var scored = new List<ScoredCandidate>();

        // Each of the server's media types takes the quality of the most specific range that matches it (RFC 9110,
        // section 12.5.1), so "application/json;q=0, */*" excludes JSON while */* admits everything else.
        for (var s = 0; s < _defaults.Length; s++)
        {
            AcceptRange? best = null;
            foreach (var range in ranges)
            {
                if (range.Matches(_defaultTypes[s], _defaultSubTypes[s]) && (best is null || range.Specificity > best.Specificity))
                {
                    best = range;
                }
            }

            if (best is { Quality: > 0 })
            {
                scored.Add(new ScoredCandidate(_defaults[s], best.Quality, best.Specificity, best.Order, s));
            }
        }

        // A structured-syntax suffix (application/problem+json, application/vnd.acme+xml) is answered by the converter
        // for its base format (application/json, application/xml), labelled with the type the client asked for.
        foreach (var range in ranges)
        {
            if (range.Quality <= 0 || range.Suffix is null || range.HasOtherParameters || IsOffered(range.MediaType)
                || SuffixExclusions.Contains(range.MediaType, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            for (var s = 0; s < _defaults.Length; s++)
            {
                if (range.Type.Equals(_defaultTypes[s], StringComparison.OrdinalIgnoreCase)
                    && range.Suffix.Equals(_defaultSubTypes[s], StringComparison.OrdinalIgnoreCase))
                {
                    var derived = new NegotiationCandidate(_defaults[s].Converter, range.MediaType);
                    scored.Add(new ScoredCandidate(derived, range.Quality, range.Specificity, range.Order, s));
                }
            }
        }

        // Quality first, then the more specific range, then the client's order, then the server's preference.
        scored.Sort(static (a, b) =>
        {
            var c = b.Quality.CompareTo(a.Quality);
            if (c == 0) c = b.Specificity.CompareTo(a.Specificity);
            if (c == 0) c = a.Order.CompareTo(b.Order);
            if (c == 0) c = a.ServerOrder.CompareTo(b.ServerOrder);
            return c;
        });

        var result = new List<NegotiationCandidate>(scored.Count);
        foreach (var item in scored)
        {
            if (!result.Exists(r => ReferenceEquals(r.Converter, item.Candidate.Converter)
                                    && string.Equals(r.MediaType, item.Candidate.MediaType, StringComparison.Ordinal)))
            {
                result.Add(item.Candidate);
            }
        }

        return [.. result];
    }

    private bool IsOffered(string mediaType)
    {
        foreach (var candidate in _defaults)
        {
            if (string.Equals(candidate.MediaType, mediaType, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Picks the encoding from <c>Accept-Charset</c> (RFC 9110, section 12.5.2): the acceptable encoding with the highest
    /// quality, ties going to the converter's order. When the header accepts none of the converter's encodings it is
    /// disregarded (which the RFC allows) and the default is sent, rather than refusing the whole response.
    /// </summary>
    private static int ChooseEncoding(HttpContext httpContext, NegotiationCandidate candidate)
    {
        if (candidate.Encodings.Length == 1 || !candidate.HasCharset)
        {
            return 0;
        }

        var header = httpContext.Request.Headers.AcceptCharset;
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header, out var items) || items.Count == 0)
        {
            return 0;
        }

        var best = -1;
        var bestQuality = 0.0;
        for (var i = 0; i < candidate.Encodings.Length; i++)
        {
            double? quality = null;
            double? wildcard = null;
            foreach (var item in items)
            {
                var name = item.Value;
                if (name.Equals("*", StringComparison.Ordinal))
                {
                    wildcard = item.Quality ?? 1;
                }
                else if (ContentEncodings.Matches(candidate.Encodings[i], name.AsSpan()))
                {
                    quality = item.Quality ?? 1;
                }
            }

            var q = quality ?? wildcard ?? 0;
            if (q > bestQuality)
            {
                best = i;
                bestQuality = q;
            }
        }

        return best < 0 ? 0 : best;
    }

    private readonly record struct ScoredCandidate(NegotiationCandidate Candidate, double Quality, int Specificity, int Order, int ServerOrder);

    /// <summary>One usable item of an <c>Accept</c> header.</summary>
    private sealed class AcceptRange
    {
        private AcceptRange(string type, string subType, string? suffix, double quality, int specificity, int order, bool hasOtherParameters)
        {
            Type = type;
            SubType = subType;
            Suffix = suffix;
            Quality = quality;
            Specificity = specificity;
            Order = order;
            HasOtherParameters = hasOtherParameters;
            MediaType = $"{type}/{subType}";
        }

        public string Type { get; }
        public string SubType { get; }
        public string? Suffix { get; }
        public string MediaType { get; }
        public double Quality { get; }

        /// <summary>3 for type/subtype;params, 2 for type/subtype, 1 for type/*, 0 for */*.</summary>
        public int Specificity { get; }

        public int Order { get; }

        /// <summary>
        /// True when the range carries parameters other than <c>q</c> and <c>charset</c> (<c>application/json;v=2</c>).
        /// RFC 9110 section 12.5.1: such a range applies only to a representation with those parameters, and the
        /// converters' representations have none (the options validator refuses media types with parameters), so it
        /// matches nothing: it neither admits nor, with <c>q=0</c>, excludes the plain type.
        /// </summary>
        public bool HasOtherParameters { get; }

        /// <summary>Reads one parsed item, or returns null for an item RFC 9110 does not allow.</summary>
        public static AcceptRange? TryCreate(MediaTypeHeaderValue value, int order)
        {
            var type = value.Type;
            var subType = value.SubType;

            // "*/json" is not a media range (RFC 9110, section 12.5.1).
            if (type.Equals("*", StringComparison.Ordinal) && !subType.Equals("*", StringComparison.Ordinal))
            {
                return null;
            }

            var quality = 1.0;
            var parameters = 0;
            var hasOtherParameters = false;
            foreach (var parameter in value.Parameters)
            {
                if (parameter.Name.Equals("q", StringComparison.OrdinalIgnoreCase))
                {
                    // A weight outside 0..1 or not a number makes the item unreadable: ignore it. Parameters after the
                    // weight are accept-extensions (RFC 9110 section 12.5.1), not part of the range.
                    if (value.Quality is not { } q)
                    {
                        return null;
                    }

                    quality = q;
                    break;
                }

                // charset names an encoding, which Accept-Charset and the converter settle; it does not narrow the range.
                hasOtherParameters |= !parameter.Name.Equals("charset", StringComparison.OrdinalIgnoreCase);
                parameters++;
            }

            var specificity = value.MatchesAllTypes ? 0 : value.MatchesAllSubTypes ? 1 : parameters > 0 ? 3 : 2;
            return new AcceptRange(
                type.ToString().ToLowerInvariant(),
                subType.ToString().ToLowerInvariant(),
                value.Suffix.HasValue ? value.Suffix.ToString().ToLowerInvariant() : null,
                quality,
                specificity,
                order,
                hasOtherParameters);
        }

        /// <summary>Whether the range applies to the parameterless representation <paramref name="type"/>/<paramref name="subType"/>.</summary>
        public bool Matches(string type, string subType) =>
            !HasOtherParameters
            && (Specificity == 0
                || (string.Equals(Type, type, StringComparison.Ordinal)
                    && (Specificity == 1 || string.Equals(SubType, subType, StringComparison.Ordinal))));
    }
}
