using System.Text.Json.Serialization.Metadata;

namespace Herald.Client;

/// <summary>
/// Typed shortcuts over <see cref="HeraldClient"/> (Ktor's <c>client.get(url).body&lt;T&gt;()</c>): each sends one
/// request, reads the body, disposes the response and returns the value. Errors throw as for any call.
/// </summary>
public static class HeraldClientExtensions
{
    /// <summary>GETs <paramref name="url"/> with <c>Accept: application/json</c> and reads the body as <typeparamref name="T"/>.</summary>
    /// <returns>The value, or <see langword="default"/> for an empty body.</returns>
    /// <exception cref="HeraldHttpException">Thrown when the status is outside the success set and throwing is on.</exception>
    /// <exception cref="System.Text.Json.JsonException">Thrown when the body is not JSON for <typeparamref name="T"/>.</exception>
    public static Task<T?> GetJsonAsync<T>(
        this HeraldClient client, string url, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<T>(client, Json(HttpMethod.Get, url, configure), null, cancellationToken);

    /// <summary>GETs <paramref name="url"/> and reads the body as <typeparamref name="T"/> with source-generated metadata.</summary>
    /// <returns>The value, or <see langword="default"/> for an empty body.</returns>
    /// <exception cref="HeraldHttpException">Thrown when the status is outside the success set and throwing is on.</exception>
    /// <exception cref="System.Text.Json.JsonException">Thrown when the body is not JSON for <typeparamref name="T"/>.</exception>
    public static Task<T?> GetJsonAsync<T>(
        this HeraldClient client, string url, JsonTypeInfo<T> typeInfo, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return SendJsonAsync(client, Json(HttpMethod.Get, url, configure), typeInfo, cancellationToken);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON and reads the response body as <typeparamref name="TResult"/>.</summary>
    /// <returns>The value, or <see langword="default"/> for an empty body (a 204, say).</returns>
    /// <exception cref="HeraldHttpException">Thrown when the status is outside the success set and throwing is on.</exception>
    public static Task<TResult?> PostJsonAsync<TBody, TResult>(
        this HeraldClient client, string url, TBody body, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<TResult>(client, Json(HttpMethod.Post, url, configure).JsonBody(body), null, cancellationToken);

    /// <summary>PUTs <paramref name="body"/> as JSON and reads the response body as <typeparamref name="TResult"/>.</summary>
    /// <returns>The value, or <see langword="default"/> for an empty body (a 204, say).</returns>
    /// <exception cref="HeraldHttpException">Thrown when the status is outside the success set and throwing is on.</exception>
    public static Task<TResult?> PutJsonAsync<TBody, TResult>(
        this HeraldClient client, string url, TBody body, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<TResult>(client, Json(HttpMethod.Put, url, configure).JsonBody(body), null, cancellationToken);

    /// <summary>GETs <paramref name="url"/> and returns the body as text.</summary>
    /// <returns>The text; empty for an empty body.</returns>
    /// <exception cref="HeraldHttpException">Thrown when the status is outside the success set and throwing is on.</exception>
    public static async Task<string> GetStringAsync(
        this HeraldClient client, string url, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(url, r => { configure?.Invoke(r); r.As(ResponseBodyKind.String); }, cancellationToken);
        return response.Body as string ?? string.Empty;
    }

    /// <summary>GETs <paramref name="url"/> and returns the body as bytes.</summary>
    /// <returns>The bytes; empty for an empty body.</returns>
    /// <exception cref="HeraldHttpException">Thrown when the status is outside the success set and throwing is on.</exception>
    public static async Task<byte[]> GetBytesAsync(
        this HeraldClient client, string url, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(url, r => { configure?.Invoke(r); r.As(ResponseBodyKind.Bytes); }, cancellationToken);
        return response.Body as byte[] ?? [];
    }

    private static HeraldRequest Json(HttpMethod method, string url, Action<HeraldRequest>? configure)
    {
        var request = new HeraldRequest(method, url).Accept("json");
        configure?.Invoke(request);
        // Bytes: the typed read below parses them directly; decoding a string first would be wasted work.
        return request.As(ResponseBodyKind.Bytes);
    }

    private static async Task<T?> SendJsonAsync<T>(HeraldClient client, HeraldRequest request, JsonTypeInfo<T>? typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.SendAsync(request, cancellationToken);
        return typeInfo is null
            ? await response.ReadJsonAsync<T>(cancellationToken: cancellationToken)
            : await response.ReadJsonAsync(typeInfo, cancellationToken);
    }
}
