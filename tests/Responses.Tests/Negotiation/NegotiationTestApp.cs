using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Responses.Tests.Negotiation;

/// <summary>Starts a <see cref="TestApp"/> with content negotiation registered.</summary>
internal static class NegotiationTestApp
{
    public static readonly Customer Jet = new(1, "Jet", "Brains");

    public static Task<TestApp> StartAsync(
        Action<WebApplication> map,
        Action<ContentNegotiationOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        string environment = "Production") =>
        TestApp.StartAsync(
            map,
            s =>
            {
                s.AddContentNegotiation(configure ?? (o => o.AddJson().AddXml().AddText()));
                services?.Invoke(s);
            },
            environment);

    public static async Task<HttpResponseMessage> GetAsync(this TestApp app, string path, string? accept, string? acceptCharset = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (acceptCharset is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Charset", acceptCharset);
        }

        return await app.Client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostAsync(this TestApp app, string path, string body, string? contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)),
        };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return await app.Client.SendAsync(request);
    }

    public static string? ContentType(this HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Content-Type", out var values) ? string.Join(", ", values) : null;

    public static string? MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;
}
