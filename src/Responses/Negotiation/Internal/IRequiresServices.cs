namespace Herald.Responses.Negotiation;

/// <summary>
/// A built-in converter that takes defaults from the application's services (JSON takes the app's
/// <c>JsonOptions</c>). Converters are created inside the options callback, before any service provider exists, so the
/// negotiator hands them the application's services once when it is built.
/// </summary>
internal interface IRequiresServices
{
    void Initialize(IServiceProvider services);
}
