using System.Net;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// The authentication middleware: adds preemptive basic or bearer credentials to each hop that goes to their origin,
/// and refreshes a provided bearer token once on a 401. See <see cref="AuthOptions"/> for the rules and
/// <see cref="HeraldMiddleware"/> for its place in the pipeline.
/// </summary>
internal sealed class AuthHandler : DelegatingHandler
{
    private const string AuthorizationHeader = "Authorization";
    private static readonly HttpRequestOptionsKey<string> OwnHeaderKey = new("Herald.Auth.Sent");

    private readonly string? _clientAuthorization;
    private readonly BearerTokenSource? _tokens;
    private readonly Uri[] _origins;
    private readonly CancellationTokenSource _lifetime = new();

    /// <exception cref="InvalidOperationException">Thrown when more than one kind of client-wide credential is set.</exception>
    /// <exception cref="ArgumentException">Thrown when a credential or origin is malformed; the message names the property.</exception>
    public AuthHandler(AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var kinds = (options.Basic is null ? 0 : 1) + (options.BearerToken is null ? 0 : 1) + (options.LoadBearerToken is null ? 0 : 1);
        if (kinds > 1)
        {
            throw new InvalidOperationException(
                "Set only one of AuthOptions.Basic, AuthOptions.BearerToken and AuthOptions.LoadBearerToken: each would replace the other's Authorization header.");
        }

        if (options.RefreshBearerToken is not null && options.LoadBearerToken is null)
        {
            throw new InvalidOperationException("AuthOptions.RefreshBearerToken needs AuthOptions.LoadBearerToken to provide the first token.");
        }

        if (options.Basic is { } basic)
        {
            _clientAuthorization = AuthRequestExtensions.BasicHeaderValue(basic.UserName, basic.Password, "AuthOptions.Basic");
        }
        else if (options.BearerToken is { } token)
        {
            _clientAuthorization = AuthRequestExtensions.BearerHeaderValue(token, "AuthOptions.BearerToken");
        }
        else if (options.LoadBearerToken is { } loader)
        {
            _tokens = new BearerTokenSource(loader, options.RefreshBearerToken ?? loader, _lifetime.Token);
        }

        _origins = [.. options.Origins.Select(OriginOfConfigured)];
    }

    /// <summary>Gets the options this handler was built with.</summary>
    public AuthOptions Options { get; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var exchange = HeraldExchange.Of(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } target)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        exchange.FirstHop ??= target;
        ForgetOwnHeader(request);
        if (request.Headers.Contains(AuthorizationHeader))
        {
            // The caller wrote their own Authorization header: theirs wins.
            return await base.SendAsync(request, cancellationToken);
        }

        if (request.Options.TryGetValue(AuthRequestExtensions.AuthorizationKey, out var perRequest))
        {
            // Only while the call is still at its first origin: a redirect away and back drops them for good.
            if (!exchange.LeftFirstOrigin && SameOrigin(target, exchange.FirstHop))
            {
                SetOwnHeader(request, perRequest);
            }

            return await base.SendAsync(request, cancellationToken);
        }

        if (!InClientScope(target, exchange))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        if (_clientAuthorization is not null)
        {
            SetOwnHeader(request, _clientAuthorization);
            return await base.SendAsync(request, cancellationToken);
        }

        if (_tokens is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        return await SendWithTokenProviderAsync(request, _tokens, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lifetime.Cancel();
            _lifetime.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<HttpResponseMessage> SendWithTokenProviderAsync(HttpRequestMessage request, BearerTokenSource tokens, CancellationToken cancellationToken)
    {
        // A refresh resends the request, so a read-once body keeps a copy as it is first sent (once, even when the
        // redirect middleware above wants one too).
        var exchange = HeraldExchange.Of(request);
        BodyReplay.Prepare(request, exchange.MaxReplayBufferBytes);
        var token = await tokens.GetAsync(cancellationToken);
        SetOwnHeader(request, "Bearer " + token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !ChallengesBearer(response))
        {
            return response;
        }

        string fresh;
        try
        {
            fresh = await tokens.RefreshAsync(token, cancellationToken);
        }
        catch
        {
            // The 401 holds its connection until disposed: a failed or cancelled refresh must not leak it.
            response.Dispose();
            throw;
        }

        if (fresh == token)
        {
            return response;
        }

        if (!BodyReplay.CanSendAgain(request.Content))
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.Unknown,
                $"{request.Method} {DisplayUrl.Of(request.RequestUri, exchange.ShowQuery)} was refused with 401 and the bearer token has been refreshed, "
                + "but the request body cannot be sent again: it is a stream that can be read once only, and no whole copy was kept "
                + $"(it is larger than HeraldClientOptions.MaxReplayBufferBytes, {exchange.MaxReplayBufferBytes} bytes, or was not sent in full). "
                + "Send the body as bytes, a file or a stream factory (request.Body(() => Open())), raise MaxReplayBufferBytes, or retry the call.",
                statusCode: HttpStatusCode.Unauthorized);
        }

        response.Dispose();
        ForgetOwnHeader(request);
        SetOwnHeader(request, "Bearer " + fresh);
        return await base.SendAsync(request, cancellationToken);
    }

    private bool InClientScope(Uri target, HeraldExchange exchange)
    {
        if (_origins.Length > 0)
        {
            foreach (var origin in _origins)
            {
                if (SameOrigin(target, origin))
                {
                    return true;
                }
            }

            return false;
        }

        return SameOrigin(target, exchange.BaseAddress is { IsAbsoluteUri: true } baseAddress ? baseAddress : exchange.FirstHop);
    }

    // The header this handler added travels with the message (and with options copied to a redirect's new message);
    // remembering its exact value tells it apart from one the caller set, so a resend gets fresh credentials.
    private static void SetOwnHeader(HttpRequestMessage request, string value)
    {
        request.Headers.TryAddWithoutValidation(AuthorizationHeader, value);
        request.Options.Set(OwnHeaderKey, value);
    }

    private static void ForgetOwnHeader(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(OwnHeaderKey, out var own)
            && request.Headers.NonValidated.TryGetValues(AuthorizationHeader, out var values)
            && values.Count == 1
            && values.ToString() == own)
        {
            request.Headers.Remove(AuthorizationHeader);
        }
    }

    internal static bool SameOrigin(Uri a, Uri? b) =>
        b is not null
        && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static bool ChallengesBearer(HttpResponseMessage response)
    {
        foreach (var challenge in response.Headers.WwwAuthenticate)
        {
            if (string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static Uri OriginOfConfigured(Uri uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException(
                $"AuthOptions.Origins entry '{uri}' is not an absolute http or https URI; give the origin, e.g. https://api.example.com.",
                nameof(AuthOptions.Origins));
        }

        return uri;
    }
}
