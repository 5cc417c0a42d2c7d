using Microsoft.AspNetCore.Mvc.Testing;

namespace WebApp.Tests;

public sealed class SampleAppTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Hello_ReturnsGreeting()
    {
        using var client = factory.CreateClient();
        Assert.Equal("Hello, world!", await client.GetStringAsync("/hello"));
    }
}
