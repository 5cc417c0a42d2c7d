using Herald.Client;

namespace WebApp.ClientDemo;

/// <summary>
/// A typed Herald client for this app's own routes: each method makes one call and says what the client saw.
/// Registered with <c>AddHeraldClient&lt;SampleSiteClient&gt;</c>, so its base address, resilience and cache come from
/// the container's options for it.
/// </summary>
/// <param name="client">The client the factory made for this type.</param>
public sealed class SampleSiteClient(HeraldClient client)
{
    /// <summary>Gets the address the calls are relative to, or <see langword="null"/> when the app has no socket to call.</summary>
    public Uri? BaseAddress => client.BaseAddress;

    /// <summary>Gets a customer as JSON and deserializes it.</summary>
    /// <param name="id">The customer's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the client saw.</returns>
    public Task<ClientCall> GetCustomerAsync(int id, CancellationToken cancellationToken = default) =>
        CallAsync($"customer/{id}", r => r.Accept("json"), async (response, ct) =>
            await response.ReadJsonAsync<Customer>(cancellationToken: ct) is { } customer
                ? $"Customer {customer.Id}: {customer.FirstName} {customer.LastName}"
                : "no customer in the body",
            cancellationToken);

    /// <summary>Gets the server's time, which the server lets a cache keep for a minute.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the client saw.</returns>
    public Task<ClientCall> GetTimeAsync(CancellationToken cancellationToken = default) =>
        CallAsync("time", configure: null, ReadTextAsync, cancellationToken);

    /// <summary>Gets the teapot's 418 as a response to look at rather than an exception.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the client saw.</returns>
    public Task<ClientCall> GetTeapotAsync(CancellationToken cancellationToken = default) =>
        CallAsync("teapot", r => r.ThrowOnError(false), ReadTextAsync, cancellationToken);

    /// <summary>Gets <c>/redirect</c>, following its redirect.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the client saw.</returns>
    public Task<ClientCall> FollowRedirectAsync(CancellationToken cancellationToken = default) =>
        CallAsync("redirect", configure: null, ReadTextAsync, cancellationToken);

    private static async Task<string> ReadTextAsync(HeraldResponse response, CancellationToken cancellationToken)
    {
        var text = await response.ReadStringAsync(cancellationToken);
        return text.Length == 0 ? "(no body)" : text;
    }

    private async Task<ClientCall> CallAsync(
        string path,
        Action<HeraldRequest>? configure,
        Func<HeraldResponse, CancellationToken, Task<string>> read,
        CancellationToken cancellationToken)
    {
        var request = $"GET /{path}";
        try
        {
            using var response = await client.GetAsync(path, configure, cancellationToken);
            return ClientCall.From(request, response, await read(response, cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            // Every failure Herald reports (an error status, a refused connection, an open circuit, a timeout) derives
            // from one of these two; the page shows it in the call's row instead of failing as a whole.
            return new ClientCall(request, (e as HttpRequestException)?.StatusCode is { } status ? (int)status : null,
                ReasonPhrase: null, TimeSpan.Zero, HttpCacheStatus.None, Attempts: 0, RedirectTrace: [], e.Message);
        }
    }
}
