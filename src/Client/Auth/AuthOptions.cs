using System.Net;

namespace Herald.Client;

/// <summary>
/// Configures the authentication middleware (<see cref="HeraldMiddleware.Auth"/>): preemptive basic and bearer
/// credentials (clj-http's <c>:basic-auth</c> and <c>:oauth-token</c>; Ktor's <c>Auth { basic; bearer }</c>), a bearer
/// token provider refreshed on 401, and framework credentials for digest, NTLM and Negotiate.
/// </summary>
/// <remarks>
/// <para>Where credentials go. Client-wide credentials (<see cref="Basic"/>, <see cref="BearerToken"/>,
/// <see cref="LoadBearerToken"/>) are sent only to their origin (scheme, host and port): the origins in
/// <see cref="Origins"/> when it has any; otherwise the origin of the client's base address; and for a client without
/// one, the origin each call starts at. So an absolute URL to another host, or a redirect there, never carries them.
/// Per-request credentials (<see cref="AuthRequestExtensions.BasicAuth(HeraldRequest, string, string)"/>,
/// <see cref="AuthRequestExtensions.BearerToken(HeraldRequest, string)"/>) go to the origin the request starts at and
/// win over client-wide ones. An <c>Authorization</c> header the caller set is left alone.</para>
/// <para><see cref="Credentials"/> are the framework's: the transport answers <c>Digest</c>, <c>NTLM</c>,
/// <c>Negotiate</c> (and <c>Basic</c>) challenges with them, within the same scope as the client-wide credentials
/// above, so a redirect to another host that challenges gets nothing. A <see cref="CredentialCache"/> further limits
/// each credential to a URI prefix and scheme inside that scope.</para>
/// <para>Credentials are never logged: the logging middleware redacts <c>Authorization</c>.</para>
/// </remarks>
public sealed class AuthOptions
{
    /// <summary>
    /// Gets or sets the user name and password sent preemptively as <c>Authorization: Basic</c> (UTF-8, RFC 7617).
    /// The user name may not contain a colon.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public NetworkCredential? Basic { get; set; }

    /// <summary>Gets or sets a static token sent as <c>Authorization: Bearer</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? BearerToken { get; set; }

    /// <summary>
    /// Gets or sets the provider of the bearer token (Ktor's <c>loadTokens</c>), called once when the first request
    /// needs a token; its token is reused until a 401 asks for a new one.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Func<CancellationToken, ValueTask<string>>? LoadBearerToken { get; set; }

    /// <summary>
    /// Gets or sets how a new bearer token is obtained after a <c>401</c> with <c>WWW-Authenticate: Bearer</c>
    /// (Ktor's <c>refreshTokens</c>). Calls that get that 401 together share one refresh; each then retries once with
    /// the new token. Unset, <see cref="LoadBearerToken"/> is called again. The token argument is cancelled only when
    /// the client is disposed, since one call's cancellation must not fail the others waiting on the same refresh.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Func<CancellationToken, ValueTask<string>>? RefreshBearerToken { get; set; }

    /// <summary>
    /// Gets the origins client-wide credentials are sent to (each URI's scheme, host and port count; a path is
    /// ignored). Empty: the client's base address, as described on <see cref="AuthOptions"/>.
    /// </summary>
    /// <value>The default value is an empty list.</value>
    public IList<Uri> Origins { get; } = [];

    /// <summary>
    /// Gets or sets the framework credentials the transport answers <c>Digest</c>, <c>NTLM</c> and <c>Negotiate</c>
    /// challenges with (<see cref="SocketsHttpHandler.Credentials"/>): a <see cref="NetworkCredential"/>,
    /// <see cref="CredentialCache.DefaultCredentials"/> for the current Windows or Kerberos identity, or a
    /// <see cref="CredentialCache"/> per URI prefix and scheme. They answer only challenges from the origins in
    /// <see cref="Origins"/>, else from the base address's origin, else from the origin each call starts at; never
    /// from a host a redirect leads to outside that scope.
    /// </summary>
    /// <remarks>
    /// The transport sees them through a scoping wrapper. One consequence for
    /// <see cref="CredentialCache.DefaultCredentials"/> on Windows: the framework keeps separate connections per
    /// impersonated identity only when it is given that very object, so a process that impersonates several users
    /// should build one client per user.
    /// </remarks>
    /// <value>The default value is <see langword="null"/>.</value>
    public ICredentials? Credentials { get; set; }

    /// <summary>
    /// Gets or sets whether the transport, once a challenge for a URI has succeeded, sends credentials with later
    /// requests to it without waiting to be challenged (<see cref="SocketsHttpHandler.PreAuthenticate"/>).
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool PreAuthenticate { get; set; }
}
