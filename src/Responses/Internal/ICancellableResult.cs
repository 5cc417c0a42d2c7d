using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Internal;

/// <summary>A result whose body can also be stopped by a caller's token, for the <c>HttpContext.RespondXAsync</c> helpers.</summary>
internal interface ICancellableResult : IResult
{
    /// <summary>Executes the result, passing <paramref name="cancellationToken"/> to every write and callback.</summary>
    Task ExecuteAsync(HttpContext httpContext, CancellationToken cancellationToken);
}
