using System.Net.Sockets;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Decides whether a call that failed on one target may go to the next. An idempotent call may always; a POST or
/// PATCH may only when the failure proves the request never reached the target (the connection was never made, or
/// the body never began to go out), since otherwise the target may have acted on it and a second target would act
/// again: two orders, two payments.
/// </summary>
internal static class TargetResend
{
    /// <summary>
    /// Whether <paramref name="request"/> may be sent to another target after any failure: an idempotent method
    /// (RFC 9110 §9.2.2), or a request declared safe to repeat with <see cref="ResilienceRequestExtensions.Retry(HeraldRequest, int?)"/>.
    /// </summary>
    public static bool MayRepeat(HttpRequestMessage request) =>
        RetryOptions.IsIdempotent(request.Method)
        || (request.Options.TryGetValue(ResilienceRequestExtensions.RetryKey, out var own) && own.Enabled);

    /// <summary>
    /// Whether <paramref name="failure"/> proves the request never left for the target: the name did not resolve or
    /// the connection was not made, or a read-once body that was being sent never began to be read.
    /// </summary>
    public static bool NeverLeft(Exception failure, HttpContent? content)
    {
        if (content is ReplayableContent { HasStarted: false })
        {
            return true;
        }

        // Bounded walk: the framework nests a SocketException one or two levels under an HttpRequestException.
        var depth = 0;
        for (var ex = failure; ex is not null && depth < 8; ex = ex.InnerException, depth++)
        {
            switch (ex)
            {
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }:
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData or SocketError.HostUnreachable or SocketError.NetworkUnreachable }:
                    return true;
            }
        }

        return false;
    }
}
