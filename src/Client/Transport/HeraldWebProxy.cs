using System.Net;

namespace Herald.Client.Internal;

/// <summary>The proxy of <see cref="TransportOptions.Proxy"/> with whole-host bypass matching.</summary>
internal sealed class HeraldWebProxy(Uri address, ICredentials? credentials, ProxyBypassList bypass) : IWebProxy
{
    /// <summary>Gets the proxy address, without user-info.</summary>
    public Uri Address { get; } = address;

    /// <summary>Gets the bypass list.</summary>
    public ProxyBypassList Bypass { get; } = bypass;

    /// <inheritdoc/>
    public ICredentials? Credentials { get; set; } = credentials;

    /// <inheritdoc/>
    public Uri? GetProxy(Uri destination) => Bypass.Matches(destination) ? null : Address;

    /// <inheritdoc/>
    public bool IsBypassed(Uri host) => Bypass.Matches(host);
}
