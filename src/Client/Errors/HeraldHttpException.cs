namespace Herald.Client;

/// <summary>
/// Thrown when a response's status is outside the success set (<see cref="HeraldClientOptions.IsSuccessStatus"/>)
/// and throwing is on (<see cref="HeraldClientOptions.ThrowOnError"/>). It carries the whole response, body
/// buffered, so the error can be inspected after the connection is gone.
/// </summary>
public sealed class HeraldHttpException : HttpRequestException
{
    internal HeraldHttpException(HeraldResponse response, string? bodyText)
        : base(MessageFor(response), null, response.StatusCode)
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

    /// <summary>Gets the URL of the request that received the response (after redirects).</summary>
    public Uri? RequestUri => Response.RequestUri;

    /// <summary>Gets the response headers.</summary>
    public HeraldHeaders Headers => Response.Headers;

    /// <summary>Gets the body decoded as text, or <see langword="null"/> when the response had no body.</summary>
    public string? BodyText { get; }

    private static string MessageFor(HeraldResponse response)
    {
        var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? string.Empty : " " + response.ReasonPhrase;
        return $"{response.Method?.Method ?? "?"} {response.RequestUri?.ToString() ?? "?"} answered {response.Status}{reason}";
    }
}
