using Microsoft.Extensions.DependencyInjection;

namespace Herald.Client.DependencyInjection;

/// <summary>
/// The names registered with <c>AddHeraldClient</c>, filled while services are registered: the factory refuses other
/// names, which <see cref="System.Net.Http.IHttpClientFactory"/> would otherwise serve with a plain handler that
/// follows redirects and keeps cookies on its own, bypassing Herald's middleware without a word.
/// </summary>
internal sealed class HeraldClientRegistry
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Gets the registered names, for error messages.</summary>
    public IEnumerable<string> Names => _names;

    /// <summary>Returns the registry of <paramref name="services"/>, registering one first if there is none.</summary>
    public static HeraldClientRegistry Of(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(HeraldClientRegistry) && descriptor.ImplementationInstance is HeraldClientRegistry registry)
            {
                return registry;
            }
        }

        var created = new HeraldClientRegistry();
        services.AddSingleton(created);
        return created;
    }

    /// <summary>Adds <paramref name="name"/>; returns <see langword="false"/> when it was already registered.</summary>
    public bool Add(string name) => _names.Add(name);

    /// <summary>Returns whether <paramref name="name"/> is registered.</summary>
    public bool Contains(string name) => _names.Contains(name);
}
