namespace Herald.Client;

/// <summary>Configures the redirect middleware (<see cref="HeraldMiddleware.Redirects"/>).</summary>
public sealed class RedirectOptions
{
}
