namespace Herald.Responses;

/// <summary>
/// Creates Herald's response results for Minimal API endpoints: the counterpart of Ktor's <c>call.respondX</c> family.
/// </summary>
/// <remarks>
/// Each method checks its arguments and returns a concrete <see langword="sealed"/> <see cref="Microsoft.AspNetCore.Http.IResult"/>
/// that an endpoint returns (<c>app.MapGet("/hello", () =&gt; Respond.Text("Hello, world!"))</c>). The result types expose
/// their status, content type and value to tests through the framework's <c>IStatusCodeHttpResult</c>,
/// <c>IContentTypeHttpResult</c> and <c>IValueHttpResult</c>, and describe what they produce to OpenAPI through
/// <c>IEndpointMetadataProvider</c>. The imperative <c>HttpContext</c> extensions (<c>await ctx.RespondTextAsync(...)</c>)
/// execute these same result types.
/// </remarks>
public static partial class Respond
{
}
