using System.Net;

namespace Herald.Client.Internal;

/// <summary>
/// The framework credentials of <see cref="AuthOptions.Credentials"/> as the transport sees them: they answer a
/// challenge only from a URI inside the client's credential scope, the same scope as client-wide basic and bearer
/// credentials (<see cref="AuthOptions.Origins"/>, else the base address's origin, else the origin each call starts
/// at). A <see cref="CredentialCache"/> still applies its own URI prefixes inside that scope.
/// </summary>
/// <remarks>
/// <para>Needed because Herald follows redirects itself: every hop goes through the same
/// <see cref="SocketsHttpHandler"/>, which would otherwise answer a <c>401</c> from any host a redirect leads to with
/// these credentials (a digest response, an NTLM exchange that can be relayed, a Basic password in clear).</para>
/// <para>For a client without base address or origins the scope is the first URL of each call. That URL is known only
/// to the call, and <see cref="ICredentials.GetCredential(Uri, string)"/> receives no request, so <see cref="HeraldClient"/>
/// puts it in an <see cref="AsyncLocal{T}"/> that flows with the call into the transport (where the framework asks
/// for credentials, in the request's own flow) and is restored when the call returns, so concurrent calls never see
/// each other's. Outside a call (a pipeline used without <see cref="HeraldClient"/>) such credentials answer nothing.</para>
/// </remarks>
internal sealed class ScopedCredentials : ICredentials
{
    private static readonly AsyncLocal<Uri?> CallOrigin = new();

    private readonly ICredentials _inner;
    private readonly Uri[] _origins;

    private ScopedCredentials(ICredentials inner, Uri[] origins)
    {
        _inner = inner;
        _origins = origins;
    }

    /// <summary>Whether the scope is per call (no origins, no base address), so each call must say where it starts.</summary>
    public bool IsPerCall => _origins.Length == 0;

    /// <summary>Wraps <see cref="AuthOptions.Credentials"/> for the transport, or returns <see langword="null"/> when there are none.</summary>
    /// <exception cref="ArgumentException">Thrown when an entry of <see cref="AuthOptions.Origins"/> is not an absolute http(s) URI.</exception>
    public static ScopedCredentials? For(HeraldClientOptions options)
    {
        if (options.Auth.Credentials is not { } credentials)
        {
            return null;
        }

        Uri[] origins = options.Auth.Origins.Count > 0
            ? [.. options.Auth.Origins.Select(AuthHandler.OriginOfConfigured)]
            : options.BaseAddress is { IsAbsoluteUri: true } baseAddress ? [baseAddress] : [];
        return new ScopedCredentials(credentials, origins);
    }

    /// <summary>
    /// Records where the current call starts, for credentials scoped per call. Call it from the async method that runs
    /// the call: the value then flows into everything that method awaits and is gone when it returns.
    /// </summary>
    public static void EnterCall(Uri firstUrl) => CallOrigin.Value = firstUrl;

    /// <inheritdoc/>
    public NetworkCredential? GetCredential(Uri uri, string authType) =>
        InScope(uri) ? _inner.GetCredential(uri, authType) : null;

    private bool InScope(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return false;
        }

        if (_origins.Length == 0)
        {
            return CallOrigin.Value is { } start && AuthHandler.SameOrigin(uri, start);
        }

        foreach (var origin in _origins)
        {
            if (AuthHandler.SameOrigin(uri, origin))
            {
                return true;
            }
        }

        return false;
    }
}
