using Herald.Client;

namespace WebApp.ClientDemo;

/// <summary>What the client saw on one call to the app's own routes.</summary>
/// <param name="Request">The request line, e.g. <c>GET /customer/1</c>.</param>
/// <param name="Status">The status code, or <see langword="null"/> when the call failed without a response.</param>
/// <param name="ReasonPhrase">The reason phrase of the status line.</param>
/// <param name="Elapsed">The time the call took, from sending to the response headers.</param>
/// <param name="CacheStatus">What the private cache did with the call.</param>
/// <param name="Attempts">How many times the resilience pipeline sent it.</param>
/// <param name="RedirectTrace">The addresses redirects led to, in order.</param>
/// <param name="Seen">What the client made of the body, or the error when the call failed.</param>
public sealed record ClientCall(
    string Request,
    int? Status,
    string? ReasonPhrase,
    TimeSpan Elapsed,
    HttpCacheStatus CacheStatus,
    int Attempts,
    IReadOnlyList<Uri> RedirectTrace,
    string Seen)
{
    /// <summary>Describes a response.</summary>
    /// <param name="request">The request line.</param>
    /// <param name="response">The response.</param>
    /// <param name="seen">What the client made of the body.</param>
    /// <returns>The call.</returns>
    public static ClientCall From(string request, HeraldResponse response, string seen)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(request, response.Status, response.ReasonPhrase, response.Elapsed, response.CacheStatus,
            response.Attempts, response.RedirectTrace, seen);
    }
}
