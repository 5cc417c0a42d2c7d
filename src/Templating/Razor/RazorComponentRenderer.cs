using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Templating;

/// <summary>
/// Renders Razor components (compiled at build time) to HTML with the framework's <see cref="HtmlRenderer"/>, inside a
/// request or outside one (an e-mail body). A component's <c>@layout</c> is applied, nested layouts included.
/// </summary>
/// <remarks>
/// Registered by <c>AddTemplating(o =&gt; o.AddRazor())</c>. Each render gets its own <see cref="HtmlRenderer"/>. Inside a
/// request, components get their services from the request's <c>HttpContext.RequestServices</c> (as the framework's
/// <c>RazorComponentResult</c> does), so a scoped service is the same instance the endpoint sees; outside a request
/// (an e-mail body) each render gets a fresh service scope. The renderer is thread-safe.
/// </remarks>
public sealed class RazorComponentRenderer
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IHttpContextAccessor? _httpContext;
    private readonly ConcurrentDictionary<Type, Type?> _layouts = new();

    internal RazorComponentRenderer(IServiceScopeFactory scopes, ILoggerFactory loggerFactory, IHttpContextAccessor? httpContext)
    {
        _scopes = scopes;
        _loggerFactory = loggerFactory;
        _httpContext = httpContext;
    }

    /// <summary>Renders <typeparamref name="TComponent"/> to a string.</summary>
    /// <typeparam name="TComponent">The component.</typeparam>
    /// <param name="parameters">The component's parameters by name; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops rendering, including a wait for a component's asynchronous work; nothing is written then.</param>
    /// <returns>The HTML.</returns>
    public async Task<string> RenderToStringAsync<TComponent>(IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
        where TComponent : IComponent
    {
        using var writer = new Herald.Responses.Internal.PooledTextWriter();
        await RenderAsync(typeof(TComponent), parameters, writer, cancellationToken);
        return writer.ToString();
    }

    /// <summary>Renders <typeparamref name="TComponent"/> to <paramref name="writer"/>.</summary>
    /// <typeparam name="TComponent">The component.</typeparam>
    /// <param name="parameters">The component's parameters by name; may be <see langword="null"/>.</param>
    /// <param name="writer">Receives the HTML.</param>
    /// <param name="cancellationToken">Stops rendering, including a wait for a component's asynchronous work; nothing is written then.</param>
    /// <returns>A task that completes when the HTML has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public Task RenderAsync<TComponent>(IReadOnlyDictionary<string, object?>? parameters, TextWriter writer, CancellationToken cancellationToken = default)
        where TComponent : IComponent =>
        RenderAsync(typeof(TComponent), parameters, writer, cancellationToken);

    /// <summary>Renders the component of type <paramref name="componentType"/> to <paramref name="writer"/>.</summary>
    /// <param name="componentType">A type implementing <see cref="IComponent"/>.</param>
    /// <param name="parameters">The component's parameters by name; may be <see langword="null"/>.</param>
    /// <param name="writer">Receives the HTML.</param>
    /// <param name="cancellationToken">Stops rendering, including a wait for a component's asynchronous work; nothing is written then.</param>
    /// <returns>A task that completes when the HTML has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="componentType"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="componentType"/> is not a component.</exception>
    public Task RenderAsync(Type componentType, IReadOnlyDictionary<string, object?>? parameters, TextWriter writer, CancellationToken cancellationToken = default) =>
        RenderAsync(componentType, parameters, writer, _httpContext?.HttpContext?.RequestServices, cancellationToken);

    /// <summary>Renders with <paramref name="requestServices"/> (a request's), or in a new scope when it is <see langword="null"/>.</summary>
    internal async Task RenderAsync(Type componentType, IReadOnlyDictionary<string, object?>? parameters, TextWriter writer, IServiceProvider? requestServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(componentType);
        ArgumentNullException.ThrowIfNull(writer);
        if (!typeof(IComponent).IsAssignableFrom(componentType))
        {
            throw new ArgumentException($"{componentType.FullName} is not a Razor component (it does not implement IComponent).", nameof(componentType));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var layout = _layouts.GetOrAdd(componentType, static t => t.GetCustomAttribute<LayoutAttribute>()?.LayoutType);

        // The request's scope belongs to the request; a scope is created (and disposed) only outside one.
        await using var scope = requestServices is null ? _scopes.CreateAsyncScope() : default(AsyncServiceScope?);
        await using var renderer = new HtmlRenderer(requestServices ?? scope!.Value.ServiceProvider, _loggerFactory);
        await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // HtmlRenderer renders a component on its own; layouts are applied by LayoutView (as the router's RouteView
            // does), so a component with @layout is rendered inside one.
            var rendering = layout is null
                ? renderer.RenderComponentAsync(componentType, parameters is null ? ParameterView.Empty : ParameterView.FromDictionary(ToDictionary(parameters)))
                : renderer.RenderComponentAsync<LayoutHost>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(LayoutHost.Layout)] = layout,
                    [nameof(LayoutHost.ComponentType)] = componentType,
                    [nameof(LayoutHost.Parameters)] = parameters,
                }));

            // Components get no token: a cancelled render stops waiting for their async work (a request's abort frees
            // the request at once), writes nothing, and the renderer's disposal below ends the components.
            var root = await rendering.WaitAsync(cancellationToken);
            root.WriteHtmlTo(writer);
        });
    }

    private static Dictionary<string, object?> ToDictionary(IReadOnlyDictionary<string, object?> parameters) =>
        parameters as Dictionary<string, object?> ?? new Dictionary<string, object?>(parameters, StringComparer.Ordinal);
}
