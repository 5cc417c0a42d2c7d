using System.Net;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Thrown when an attempt failed in a way the retry would retry, but the request cannot be sent again: its body is a
/// stream that can be read once only and no whole copy was kept. The failure of the last attempt is kept: its status
/// and headers when the server answered, else <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class HeraldRetryException : HttpRequestException
{
    internal HeraldRetryException(string message, HttpStatusCode? status, HeraldHeaders? headers, int attempts, Exception? inner)
        : base(message, inner, status)
    {
        Headers = headers;
        Attempts = attempts;
    }

    /// <summary>Gets the headers of the last response when the server answered, else <see langword="null"/>. Its body was not kept.</summary>
    public HeraldHeaders? Headers { get; }

    /// <summary>Gets how many attempts were made.</summary>
    public int Attempts { get; }

    internal static HeraldRetryException BodyNotReplayable(
        HttpRequestMessage request, HttpResponseMessage? response, Exception? failure, int attempts, HeraldExchange exchange)
    {
        var outcome = response is not null ? $"was answered {(int)response.StatusCode}" : $"failed ({failure?.Message})";
        var message =
            $"{request.Method.Method} {DisplayUrl.Of(request.RequestUri, exchange.ShowQuery)} {outcome} on attempt {attempts} and was not retried: "
            + "the request body is a stream that can be read once only, and no whole copy was kept (it is larger than "
            + $"HeraldClientOptions.MaxReplayBufferBytes, {exchange.MaxReplayBufferBytes} bytes, or was not sent in full). Send the body "
            + "as bytes, a file or a stream factory (request.Body(() => Open())), raise MaxReplayBufferBytes, or turn retry off for "
            + "this request with request.NoRetry().";
        return new HeraldRetryException(
            message, response?.StatusCode, response is null ? null : HeraldResponse.ReadHeaders(response), attempts, failure);
    }
}
