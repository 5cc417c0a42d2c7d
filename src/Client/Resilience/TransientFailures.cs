using System.Net.Sockets;
using Polly.Timeout;

namespace Herald.Client.Internal;

/// <summary>Decides which failures without a response are worth another attempt, for retry and circuit breaker alike.</summary>
internal static class TransientFailures
{
    /// <summary>
    /// Whether <paramref name="exception"/> is a transport failure or a timeout of one attempt: something another attempt
    /// may not meet. Herald's own refusals (a redirect not followed, a body that cannot be resent after a 401) carry a
    /// status and are not; nor is a TLS failure (a certificate does not heal by retrying) or a cancellation.
    /// </summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        null or OperationCanceledException => false,
        TimeoutRejectedException or TimeoutException => true,
        HeraldRedirectException => false,
        HttpRequestException { StatusCode: not null } => false,
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.UserAuthenticationError } => false,
        HttpRequestException => true,
        HttpIOException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } => false,
        IOException or SocketException => true,
        _ => false,
    };

    /// <summary>
    /// Whether <paramref name="exception"/> is a failure of the remote side or the way to it, as the circuit breaker
    /// counts them: every transient one, and TLS failures too (a service with a broken certificate is down all the same).
    /// </summary>
    public static bool IsTransportFailure(Exception? exception) =>
        IsTransient(exception)
        || exception is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError, StatusCode: null };
}
