using System.Net;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// The decompression middleware: adds <c>Accept-Encoding</c> and decodes gzip, deflate and brotli bodies as they are
/// read. See <see cref="DecompressionOptions"/> for the rules and <see cref="HeraldMiddleware"/> for its place.
/// </summary>
internal sealed class DecompressionHandler : DelegatingHandler
{
    private const string AcceptEncodingHeader = "Accept-Encoding";
    private const string DefaultAcceptEncoding = "gzip, deflate, br";
    private static readonly string[] Offered = ["gzip", "deflate", "br"];

    private readonly bool _enabled;
    private readonly long? _limit;

    /// <exception cref="ArgumentOutOfRangeException">Thrown when <see cref="DecompressionOptions.MaxDecodedBytes"/> is not positive.</exception>
    public DecompressionHandler(DecompressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxDecodedBytes is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1, "DecompressionOptions.MaxDecodedBytes");
        }

        Options = options;
        _enabled = options.Enabled;
        _limit = options.MaxDecodedBytes;
    }

    /// <summary>Gets the options this handler was built with.</summary>
    public DecompressionOptions Options { get; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var enabled = request.Options.TryGetValue(DecompressionRequestExtensions.EnabledKey, out var perRequest) ? perRequest : _enabled;
        if (!enabled)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        AddAcceptEncoding(request);
        var response = await base.SendAsync(request, cancellationToken);
        var exchange = HeraldExchange.Of(request);
        exchange.OriginalContentEncoding = null;
        if (request.Method == HttpMethod.Head
            || response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotModified
            || response.Content is not { } content
            || !content.Headers.NonValidated.Contains("Content-Encoding")
            || content.Headers.ContentEncoding.Count == 0)
        {
            return response;
        }

        var codings = content.Headers.ContentEncoding.ToArray();
        var decodeOrder = new List<ContentCoding>(codings.Length);
        var undone = codings.Length;
        for (var i = codings.Length - 1; i >= 0; i--)
        {
            var coding = Parse(codings[i]);
            if (coding == ContentCoding.Unknown)
            {
                break;
            }

            if (coding != ContentCoding.Identity)
            {
                decodeOrder.Add(coding);
            }

            undone = i;
        }

        if (undone == codings.Length)
        {
            return response;
        }

        var original = string.Join(", ", codings);
        response.Content = new DecodedContent(content, [.. decodeOrder], codings.Take(undone), _limit, original);
        exchange.OriginalContentEncoding = original;
        return response;
    }

    private static ContentCoding Parse(string coding)
    {
        var token = coding.AsSpan().Trim();
        return token.Equals("gzip", StringComparison.OrdinalIgnoreCase) || token.Equals("x-gzip", StringComparison.OrdinalIgnoreCase) ? ContentCoding.Gzip
            : token.Equals("br", StringComparison.OrdinalIgnoreCase) ? ContentCoding.Brotli
            : token.Equals("deflate", StringComparison.OrdinalIgnoreCase) ? ContentCoding.Deflate
            : token.Equals("identity", StringComparison.OrdinalIgnoreCase) ? ContentCoding.Identity
            : ContentCoding.Unknown;
    }

    private static void AddAcceptEncoding(HttpRequestMessage request)
    {
        var headers = request.Headers;
        if (!headers.NonValidated.TryGetValues(AcceptEncodingHeader, out var existing))
        {
            headers.TryAddWithoutValidation(AcceptEncodingHeader, DefaultAcceptEncoding);
            return;
        }

        Span<bool> mentioned = stackalloc bool[Offered.Length];
        foreach (var value in existing)
        {
            foreach (var range in value.AsSpan().Split(','))
            {
                var item = value.AsSpan(range);
                var semicolon = item.IndexOf(';');
                var token = (semicolon < 0 ? item : item[..semicolon]).Trim();
                if (token.Equals("identity", StringComparison.OrdinalIgnoreCase) || token.SequenceEqual("*"))
                {
                    // The caller chose explicitly: send their value as written.
                    return;
                }

                for (var i = 0; i < Offered.Length; i++)
                {
                    mentioned[i] |= token.Equals(Offered[i], StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        for (var i = 0; i < Offered.Length; i++)
        {
            if (!mentioned[i])
            {
                headers.TryAddWithoutValidation(AcceptEncodingHeader, Offered[i]);
            }
        }
    }
}
