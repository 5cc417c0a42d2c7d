using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Negotiation;

/// <summary>
/// Answers a body that could not be received with its problem details before the handler runs.
/// </summary>
/// <remarks>
/// Parameter binding cannot produce a response body: a <c>BindAsync</c> that returns null or throws
/// <c>BadHttpRequestException</c> gets a bare status in Production and an exception page in Development. So
/// <see cref="Negotiated{T}.BindAsync"/> returns a value that carries the failure, and this filter (added from
/// <see cref="Negotiated{T}"/>'s metadata, so no registration is needed) turns it into a problem-details response. It
/// also answers a <see cref="ContentReceiveException"/> the handler lets escape.
/// </remarks>
internal static class NegotiatedBodyFilter
{
    public static readonly Func<EndpointFilterFactoryContext, EndpointFilterDelegate, EndpointFilterDelegate> Factory = Create;

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext factoryContext, EndpointFilterDelegate next)
    {
        var parameters = factoryContext.MethodInfo.GetParameters();
        var indexes = new List<int>();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (typeof(INegotiatedBody).IsAssignableFrom(parameters[i].ParameterType))
            {
                indexes.Add(i);
            }
        }

        var bodyIndexes = indexes.ToArray();
        return async invocation =>
        {
            foreach (var index in bodyIndexes)
            {
                if (index < invocation.Arguments.Count && invocation.Arguments[index] is INegotiatedBody { Failure: { } failure })
                {
                    return TypedResults.Problem(failure.ToProblemDetails());
                }
            }

            try
            {
                return await next(invocation);
            }
            catch (ContentReceiveException e) when (!invocation.HttpContext.Response.HasStarted)
            {
                return TypedResults.Problem(e.ToProblemDetails());
            }
        };
    }
}
