namespace Herald.Client;

/// <summary>
/// Creates the <see cref="HeraldClient"/>s registered with <c>services.AddHeraldClient(...)</c>, by name, on
/// <see cref="System.Net.Http.IHttpClientFactory"/>: each call returns a new, cheap client over the factory's pooled
/// handler chain for that name, with the name's <see cref="HeraldClientOptions"/>.
/// </summary>
/// <remarks>
/// Dispose a client when done with it, or not: disposing it never disposes the factory's handlers or connections.
/// Clients of one name share its cookie jar (<see cref="HeraldClient.Cookies"/>); names never share one.
/// </remarks>
public interface IHeraldClientFactory
{
    /// <summary>Creates a client with the options and handler chain registered under <paramref name="name"/>.</summary>
    /// <param name="name">The name given to <c>AddHeraldClient</c>; <see cref="string.Empty"/> (<c>Options.DefaultName</c>) for the default client.</param>
    /// <returns>A new client.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when no Herald client has that name, or its options are
    /// invalid; the message says which and how to fix it.</exception>
    HeraldClient CreateClient(string name);
}
