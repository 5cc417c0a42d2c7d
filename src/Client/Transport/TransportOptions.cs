namespace Herald.Client;

/// <summary>Configures the transport under the middleware: connection pool, timeouts, proxy, TLS and HTTP version.</summary>
public sealed class TransportOptions
{
}
