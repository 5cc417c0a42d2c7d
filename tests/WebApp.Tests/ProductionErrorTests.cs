using System.Net;
using System.Text.Json;
using Herald.Templating;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests;

/// <summary>The sample as it runs outside Development: a failing template answers with problem details and no stack trace.</summary>
public sealed class ProductionErrorTests
{
    [Fact]
    public async Task FailingTemplate_InProduction_AnswersProblemDetailsWithoutStackTrace()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .ConfigureServices(s => s.AddSingleton<ITemplateRenderer>(new FailingRenderer())));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/index");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain(FailingRenderer.Detail, body, StringComparison.Ordinal);
        Assert.DoesNotContain("half a page", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(FailingRenderer), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_InProduction_RendersTheSeedPage()
    {
        // The Production environment itself is not what breaks pages: the same route renders without the failing renderer.
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/index");

        Assert.Contains("<span id=\"user-name\">John</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureBrowser_MissingAndRequired_SaysHowToInstall()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-chromium-{Guid.NewGuid():N}");

        var e = Assert.Throws<InvalidOperationException>(() => BrowserFixture.EnsureBrowser(missing, required: true));

        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", e.Message, StringComparison.Ordinal);
        Assert.False(BrowserFixture.EnsureBrowser(missing, required: false));
    }

    /// <summary>A renderer whose every render fails halfway, with a detail that must not reach the client.</summary>
    private sealed class FailingRenderer : ITemplateRenderer
    {
        public const string Detail = "connection string Server=db;Password=hunter2";

        public IReadOnlyList<ITemplateEngine> Engines => [];

        public bool CanRender(string name) => true;

        public async ValueTask RenderAsync(string name, object? model, TextWriter writer, CancellationToken cancellationToken)
        {
            await writer.WriteAsync("<html><body>half a page".AsMemory(), cancellationToken);
            throw new InvalidOperationException(Detail);
        }
    }
}
