namespace Herald.Client;

/// <summary>Configures the logging and interceptor middleware (<see cref="HeraldMiddleware.Logging"/>).</summary>
public sealed class ClientLoggingOptions
{
}
