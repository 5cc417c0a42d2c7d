using System.Text;

namespace Herald.Client;

/// <summary>Per-request credentials for the authentication middleware.</summary>
public static class AuthRequestExtensions
{
    /// <summary>The per-request <c>Authorization</c> value, read by the authentication middleware.</summary>
    internal static readonly HttpRequestOptionsKey<string> AuthorizationKey = new("Herald.Auth.Authorization");

    /// <summary>
    /// Sends <c>Authorization: Basic</c> with this user name and password (UTF-8) to the origin the request starts at,
    /// and not again once a redirect has left that origin, even if another one comes back.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="userName">The user name; it may not contain a colon (RFC 7617).</param>
    /// <param name="password">The password.</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="userName"/> contains a colon.</exception>
    public static HeraldRequest BasicAuth(this HeraldRequest request, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.SetOption(AuthorizationKey, BasicHeaderValue(userName, password, nameof(userName)));
    }

    /// <summary>
    /// Sends <c>Authorization: Bearer</c> with this token to the origin the request starts at, and not again once a
    /// redirect has left that origin, even if another one comes back.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="token">The token, as issued.</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="token"/> is empty or spans lines.</exception>
    public static HeraldRequest BearerToken(this HeraldRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.SetOption(AuthorizationKey, BearerHeaderValue(token, nameof(token)));
    }

    /// <summary>Builds <c>Basic base64(user:password)</c>, checking the user name.</summary>
    internal static string BasicHeaderValue(string userName, string password, string paramName)
    {
        ArgumentNullException.ThrowIfNull(userName, paramName);
        ArgumentNullException.ThrowIfNull(password);
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "A basic-auth user name may not contain ':' (RFC 7617): the server could not tell it from the password.", paramName);
        }

        return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
    }

    /// <summary>Builds <c>Bearer token</c>, checking the token.</summary>
    internal static string BearerHeaderValue(string token, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token, paramName);
        if (token.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException("A bearer token may not contain line breaks.", paramName);
        }

        return "Bearer " + token;
    }
}
