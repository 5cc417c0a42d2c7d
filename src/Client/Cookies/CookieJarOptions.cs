namespace Herald.Client;

/// <summary>Configures the cookie middleware (<see cref="HeraldMiddleware.Cookies"/>).</summary>
public sealed class CookieJarOptions
{
}
