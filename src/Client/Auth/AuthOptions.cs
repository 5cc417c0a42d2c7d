namespace Herald.Client;

/// <summary>Configures the authentication middleware (<see cref="HeraldMiddleware.Auth"/>).</summary>
public sealed class AuthOptions
{
}
