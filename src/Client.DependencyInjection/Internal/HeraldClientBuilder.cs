using Microsoft.Extensions.DependencyInjection;

namespace Herald.Client.DependencyInjection;

/// <summary>The <see cref="IHeraldClientBuilder"/> that <c>AddHeraldClient</c> returns.</summary>
internal sealed class HeraldClientBuilder(string name, IServiceCollection services, IHttpClientBuilder httpClientBuilder)
    : IHeraldClientBuilder
{
    public string Name { get; } = name;

    public IServiceCollection Services { get; } = services;

    public IHttpClientBuilder HttpClientBuilder { get; } = httpClientBuilder;
}
