namespace Herald.Client.Internal;

/// <summary>Builds the <see cref="SocketsHttpHandler"/> under the middleware from the client options (transport, and the credentials of <see cref="AuthOptions"/>).</summary>
internal static class TransportFactory
{
    /// <summary>
    /// Creates the transport. Its own redirects, cookies and decompression are off: Herald's middleware owns them.
    /// </summary>
    public static SocketsHttpHandler Create(HeraldClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        };
    }
}
