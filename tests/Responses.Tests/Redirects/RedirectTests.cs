using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Redirects;

public sealed class RedirectTests
{
    private static string Location(HttpResponseMessage response) =>
        Assert.Single(response.Headers.NonValidated["Location"]);

    [Theory]
    [InlineData(false, false, 302)]
    [InlineData(true, false, 301)]
    [InlineData(false, true, 307)]
    [InlineData(true, true, 308)]
    public async Task Redirect_PermanentAndPreserveMethod_PickStatus(bool permanent, bool preserveMethod, int status)
    {
        await using var app = await TestApp.StartAsync(a => a.MapMethods("/old", ["GET", "POST"], () => Respond.Redirect("/moved", permanent, preserveMethod)));

        using var get = await app.Client.GetAsync("/old");
        using var post = await app.Client.PostAsync("/old", new StringContent("body"));

        Assert.Equal(status, (int)get.StatusCode);
        Assert.Equal("/moved", Location(get));
        Assert.Equal(status, (int)post.StatusCode);
        Assert.Empty(await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Redirect_FollowedByClient_ReachesTarget()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/redirect", () => Respond.Redirect("/moved", permanent: true));
            a.MapGet("/moved", () => Respond.Text("Moved content"));
        });
        using var following = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true }) { BaseAddress = app.BaseAddress };

        using var response = await following.GetAsync("/redirect");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Moved content", await response.Content.ReadAsStringAsync());
        Assert.Equal("/moved", response.RequestMessage?.RequestUri?.AbsolutePath);
    }

    [Theory]
    [InlineData("/café?q=über uns#top", "/caf%C3%A9?q=%C3%BCber%20uns#top")]
    [InlineData("/already%20encoded/a%2Fb", "/already%20encoded/a%2Fb")]
    [InlineData("/100%/{x}|\"y\"<z>", "/100%25/%7Bx%7D%7C%22y%22%3Cz%3E")]
    [InlineData("/tab\there", "/tab%09here")]
    [InlineData("https://bücher.example:8443/straße?q=1", "https://xn--bcher-kva.example:8443/stra%C3%9Fe?q=1")]
    [InlineData("https://user:pässword@example.com/", "https://user:p%C3%A4ssword@example.com/")]
    [InlineData("https://example.com/😀", "https://example.com/%F0%9F%98%80")]
    [InlineData("relative/päth", "relative/p%C3%A4th")]
    public async Task Redirect_Location_IsPercentEncoded(string target, string location)
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/go", () => Respond.Redirect(target)));

        using var response = await app.Client.GetAsync("/go");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(location, Location(response));
    }

    [Fact]
    public async Task Redirect_TildePath_ResolvesAgainstPathBase()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.UsePathBase("/app");
            a.UseRouting();
            a.MapGet("/go", () => Respond.LocalRedirect("~/home"));
        });

        using var response = await app.Client.GetAsync("/app/go");

        Assert.Equal("/app/home", Location(response));
    }

    [Fact]
    public async Task RespondRedirectAsync_ExecutesSameResult()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/r", (HttpContext ctx) => ctx.RespondRedirectAsync("https://example.com/next", permanent: true, preserveMethod: true));
            a.MapGet("/l", (HttpContext ctx) => ctx.RespondLocalRedirectAsync("/inside"));
            a.MapGet("/bad", (HttpContext ctx) => ctx.RespondLocalRedirectAsync("//evil.example"));
        });

        using var r = await app.Client.GetAsync("/r");
        using var l = await app.Client.GetAsync("/l");
        using var bad = await app.Client.GetAsync("/bad");

        Assert.Equal((HttpStatusCode.PermanentRedirect, "https://example.com/next"), (r.StatusCode, Location(r)));
        Assert.Equal((HttpStatusCode.Found, "/inside"), (l.StatusCode, Location(l)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [InlineData("/orders/42?tab=items", "/orders/42?tab=items")]
    [InlineData("/", "/")]
    [InlineData("/a\\b", "/a%5Cb")]
    public async Task LocalRedirect_LocalTarget_Redirects(string target, string location)
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/login", (string returnUrl) => Respond.LocalRedirect(returnUrl)));

        using var response = await app.Client.GetAsync("/login?returnUrl=" + Uri.EscapeDataString(target));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(location, Location(response));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("http://evil.example/")]
    [InlineData("https://evil.example")]
    [InlineData("https:evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("~//evil.example")]
    [InlineData("~/\\evil.example")]
    public async Task LocalRedirect_OffSiteTarget_Answers400WithProblemDetails(string target)
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/login", (string returnUrl) => Respond.LocalRedirect(returnUrl)));

        using var response = await app.Client.GetAsync("/login?returnUrl=" + Uri.EscapeDataString(target));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Location"));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("The redirect target is not local", problem.GetProperty("title").GetString());
        Assert.Contains("path on this site", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_Result_ExposesTargetAndDeclares302()
    {
        var result = Respond.Redirect("/x", permanent: true);
        Assert.Equal(("/x", true, false, false, 301), (result.Url, result.Permanent, result.PreserveMethod, result.AcceptLocalUrlOnly, result.StatusCode));
        Assert.True(Respond.LocalRedirect("/x").AcceptLocalUrlOnly);
        Assert.Equal(307, ((IStatusCodeHttpResult)Respond.LocalRedirect("/x", preserveMethod: true)).StatusCode);

        await using var app = await TestApp.StartAsync(a => a.MapGet("/r", () => Respond.Redirect("/x")));
        Assert.Equal(302, Assert.Single(EndpointMetadata.Produces(app, "/r")).StatusCode);
    }

    [Theory]
    [InlineData("/next\r\nSet-Cookie: session=stolen")]
    [InlineData("/next\nX: y")]
    [InlineData("/next\r")]
    [InlineData("/next\0")]
    [InlineData("https://example.com/\r\n")]
    public void Redirect_LineBreakOrNul_ThrowsArgumentException(string target)
    {
        // Respond.Redirect's target comes from the application, so a bad one is a programming error.
        Assert.Throws<ArgumentException>("url", () => Respond.Redirect(target));
    }

    [Theory]
    [InlineData("/next\r\nSet-Cookie: session=stolen")]
    [InlineData("/next\nX: y")]
    [InlineData("/next\r")]
    [InlineData("/next\0")]
    [InlineData("https://example.com/\r\n")]
    [InlineData("")]
    public async Task LocalRedirect_LineBreakNulOrEmpty_Answers400WithProblemDetails(string target)
    {
        // A local redirect's target usually comes from the request: bad input is the client's mistake, never a 500.
        var result = Respond.LocalRedirect(target);
        Assert.Equal(target, result.Url);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/login", (string? returnUrl) => Respond.LocalRedirect(returnUrl ?? "")));

        using var response = await app.Client.GetAsync("/login?returnUrl=" + Uri.EscapeDataString(target));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Location"));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The redirect target is not local", problem.GetProperty("title").GetString());
    }

    [Fact]
    public void Redirect_NullOrEmpty_Throws()
    {
        Assert.Throws<ArgumentNullException>("url", () => Respond.Redirect(null!));
        Assert.Throws<ArgumentException>("url", () => Respond.Redirect(""));
        Assert.Throws<ArgumentNullException>("localUrl", () => Respond.LocalRedirect(null!));
    }
}
