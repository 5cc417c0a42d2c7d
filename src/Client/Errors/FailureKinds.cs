using System.Net.Sockets;

namespace Herald.Client.Internal;

/// <summary>Recognizes failures the client reports differently: unknown hosts and transport timeouts.</summary>
internal static class FailureKinds
{
    /// <summary>Whether <paramref name="exception"/> says the host name did not resolve (clj-http's unknown host).</summary>
    public static bool IsUnknownHost(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
            {
                return true;
            }

            if (e is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="exception"/> is or wraps a <see cref="TimeoutException"/>.</summary>
    public static bool IsTimeout(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
