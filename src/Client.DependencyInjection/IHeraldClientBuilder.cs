using Microsoft.Extensions.DependencyInjection;

namespace Herald.Client;

/// <summary>
/// Configures one Herald client registered with <c>services.AddHeraldClient(...)</c>: chain
/// <c>.ConfigureHeraldClient(...)</c> and <c>.AddTypedClient&lt;T&gt;()</c>, or reach the framework's own
/// <see cref="IHttpClientBuilder"/> extensions through <see cref="HttpClientBuilder"/>.
/// </summary>
public interface IHeraldClientBuilder
{
    /// <summary>Gets the client's name: the name of its <see cref="HeraldClientOptions"/> and of its <see cref="System.Net.Http.IHttpClientFactory"/> client.</summary>
    string Name { get; }

    /// <summary>Gets the service collection the client is registered in.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Gets the builder of the underlying <see cref="System.Net.Http.IHttpClientFactory"/> client of the same
    /// <see cref="Name"/>, for the framework's extensions: <c>SetHandlerLifetime</c>, <c>AddHttpMessageHandler</c>
    /// (such handlers sit inside Herald's middleware, just above the transport), <c>RemoveAllLoggers</c>, ….
    /// </summary>
    IHttpClientBuilder HttpClientBuilder { get; }
}
