using System.Net;
using System.Text;

namespace Herald.Client.Internal;

/// <summary>
/// The body of the cache's own <c>504</c> for a request that said <c>only-if-cached</c> when nothing stored could answer
/// it (RFC 9111 §5.2.1.7). Its type marks the response as the cache's final word: no server was asked, so there is
/// nothing for a retry to repeat, nothing for a circuit breaker to count against the service, and nothing another
/// target could do better. The mark travels with the response itself, not in per-call state a later hop could
/// overwrite.
/// </summary>
internal sealed class CacheUnavailableContent : StringContent
{
    public CacheUnavailableContent()
        : base(
            "The request said Cache-Control: only-if-cached and no stored response could answer it; the server was not asked.",
            Encoding.UTF8,
            "text/plain")
    {
    }

    /// <summary>Whether <paramref name="response"/> is the cache's <c>only-if-cached</c> 504, which must be returned as it is.</summary>
    public static bool IsOn(HttpResponseMessage? response) =>
        response is { StatusCode: HttpStatusCode.GatewayTimeout, Content: CacheUnavailableContent };
}
