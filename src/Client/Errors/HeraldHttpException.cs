using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Thrown when a response's status is outside the success set (<see cref="HeraldClientOptions.IsSuccessStatus"/>)
/// and throwing is on (<see cref="HeraldClientOptions.ThrowOnError"/>). It carries the whole response, body
/// buffered, so the error can be inspected after the connection is gone.
/// </summary>
public sealed class HeraldHttpException : HttpRequestException
{
    internal HeraldHttpException(HeraldResponse response, string? bodyText, bool showQuery)
        : base(MessageFor(response, showQuery), null, response.StatusCode)
    {
        Response = response;
        BodyText = bodyText;
    }

    /// <summary>Gets the response: status, reason, headers and the body (buffered).</summary>
    public HeraldResponse Response { get; }

    /// <summary>Gets the status code as a number.</summary>
    public int Status => Response.Status;

    /// <summary>Gets the reason phrase the server sent (or the standard one for the status).</summary>
    public string? ReasonPhrase => Response.ReasonPhrase;

    /// <summary>Gets the method of the request that received the response.</summary>
    public HttpMethod? Method => Response.Method;

    /// <summary>
    /// Gets the whole URL of the request that received the response (after redirects). The message shows it without
    /// its query string (see <see cref="ClientLoggingOptions.LogQueryStrings"/>).
    /// </summary>
    public Uri? RequestUri => Response.RequestUri;

    /// <summary>Gets the response headers.</summary>
    public HeraldHeaders Headers => Response.Headers;

    /// <summary>Gets the body decoded as text, or <see langword="null"/> when the response had no body.</summary>
    public string? BodyText { get; }

    private static string MessageFor(HeraldResponse response, bool showQuery)
    {
        var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? string.Empty : " " + response.ReasonPhrase;
        return $"{response.Method?.Method ?? "?"} {DisplayUrl.Of(response.RequestUri, showQuery)} answered {response.Status}{reason}";
    }
}
