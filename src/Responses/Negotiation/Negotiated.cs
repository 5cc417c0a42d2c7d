using System.Collections.Concurrent;
using System.Reflection;
using Herald.Responses.Negotiation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Responses;

/// <summary>
/// An endpoint parameter bound from the request body by content negotiation (Ktor's <c>call.receive&lt;T&gt;()</c>):
/// <c>app.MapPost("/customer", (Negotiated&lt;Customer&gt; body) =&gt; ...)</c> reads JSON, XML or any registered
/// format, chosen by <c>Content-Type</c>.
/// </summary>
/// <typeparam name="T">The type the body is read into.</typeparam>
/// <remarks>
/// <para>
/// Before the handler runs, a body that cannot be received is answered with a problem-details body: 415 for a missing or
/// unsupported <c>Content-Type</c> (listing what is accepted), 413 over the server's request size limit, 400 for a
/// malformed body (naming the JSON path, line and position, or the XML line and position).
/// </para>
/// <para>
/// An empty body (or JSON <c>null</c>) is a 400, unless the parameter allows it: declare <c>Negotiated&lt;Customer&gt;?</c>
/// to receive a <see langword="null"/> parameter for an empty body, or <c>Negotiated&lt;Customer?&gt;</c> /
/// <c>Negotiated&lt;int?&gt;</c> to receive a <see langword="null"/> <see cref="Value"/>.
/// </para>
/// </remarks>
public sealed class Negotiated<T> : INegotiatedBody, IEndpointParameterMetadataProvider
{
    // Nullability of each bound parameter, read once per endpoint parameter rather than by reflection per request.
    private static readonly ConcurrentDictionary<ParameterInfo, (bool Parameter, bool Value)> NullabilityCache = new();

    private readonly T _value;

    internal Negotiated(T value) => _value = value;

    private Negotiated(ContentReceiveException failure)
    {
        // Never read: Value throws for a failed binding.
        _value = default!;
        Failure = failure;
    }

    /// <summary>Gets the value read from the request body.</summary>
    /// <exception cref="InvalidOperationException">Thrown when the body could not be received (the endpoint filter normally answers before the handler runs).</exception>
    public T Value => Failure is null
        ? _value
        : throw new InvalidOperationException($"The request body could not be received: {Failure.Message}", Failure);

    ContentReceiveException? INegotiatedBody.Failure => Failure;

    private ContentReceiveException? Failure { get; }

    /// <summary>Binds the parameter from the request body; called by the framework's parameter binding.</summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="parameter">The endpoint parameter being bound.</param>
    /// <returns>The bound body; <see langword="null"/> only for an empty body and a nullable parameter.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when <c>AddContentNegotiation</c> was not called at startup.</exception>
    public static async ValueTask<Negotiated<T>?> BindAsync(HttpContext httpContext, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(parameter);
        var (parameterNullable, valueNullable) = NullabilityCache.GetOrAdd(parameter, ReadNullability);
        try
        {
            var value = await ContentReceiver.ReceiveAsync(httpContext, typeof(T), parameterNullable || valueNullable, httpContext.RequestAborted);
            if (value is null && !valueNullable)
            {
                return null;
            }

            // Null gets here only when the type argument is annotated nullable (Negotiated<Customer?>).
            return new Negotiated<T>((T)value!);
        }
        catch (ContentReceiveException e)
        {
            return new Negotiated<T>(e);
        }
    }

    /// <summary>Declares the media types the body may be sent in (for OpenAPI) and installs the filter that answers failures.</summary>
    /// <param name="parameter">The endpoint parameter.</param>
    /// <param name="builder">The endpoint being built.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    static void IEndpointParameterMetadataProvider.PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(builder);
        var negotiator = builder.ApplicationServices.GetService<ContentNegotiator>();
        var contentTypes = negotiator?.GetReadableMediaTypes(typeof(T)) ?? [];
        var (parameterNullable, valueNullable) = NullabilityCache.GetOrAdd(parameter, ReadNullability);
        builder.Metadata.Add(new NegotiatedAcceptsMetadata(contentTypes, typeof(T), isOptional: parameterNullable || valueNullable));
        if (!builder.FilterFactories.Contains(NegotiatedBodyFilter.Factory))
        {
            builder.FilterFactories.Add(NegotiatedBodyFilter.Factory);
        }
    }

    private static (bool Parameter, bool Value) ReadNullability(ParameterInfo parameter)
    {
        if (Nullable.GetUnderlyingType(typeof(T)) is not null)
        {
            return (false, true);
        }

        var info = new NullabilityInfoContext().Create(parameter);
        var parameterNullable = info.ReadState == NullabilityState.Nullable;
        var valueNullable = !typeof(T).IsValueType
                            && info.GenericTypeArguments is [{ ReadState: NullabilityState.Nullable }];
        return (parameterNullable, valueNullable);
    }
}
