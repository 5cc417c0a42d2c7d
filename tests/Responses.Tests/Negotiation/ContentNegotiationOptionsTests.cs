using System.Net;
using System.Text;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Responses.Tests.Negotiation;

public sealed class ContentNegotiationOptionsTests
{
    private sealed class BadConverter(string[] mediaTypes) : IContentConverter
    {
        public IReadOnlyList<string> MediaTypes => mediaTypes;

        public IReadOnlyList<Encoding> SupportedEncodings => [];

        public bool CanWrite(HttpContext httpContext, Type type) => true;

        public bool CanRead(Type type) => false;

        public ValueTask WriteAsync(ContentWriteContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<object?> ReadAsync(ContentReadContext context, CancellationToken cancellationToken) => ValueTask.FromResult<object?>(null);
    }

    [Fact]
    public async Task AddContentNegotiation_NoConverters_FailsAtStartupWithFix()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestApp.StartAsync(_ => { }, s => s.AddContentNegotiation(_ => { })));

        Assert.Contains("No content converters are registered", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddContentNegotiation(o => o.AddJson())", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("text/*")]
    [InlineData("text/csv; charset=utf-8")]
    [InlineData("csv")]
    public async Task AddContentNegotiation_ConverterWithBadMediaType_FailsAtStartup(string mediaType)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestApp.StartAsync(_ => { }, s => s.AddContentNegotiation(o => o.Add(new BadConverter([mediaType])))));

        Assert.Contains($"\"{mediaType}\", which is not a concrete media type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddContentNegotiation_BlankFormatParameterAndNoMediaTypes_ReportsBoth()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestApp.StartAsync(_ => { }, s => s.AddContentNegotiation(o =>
            {
                o.Add(new BadConverter([]));
                o.FormatQueryParameter = " ";
            })));

        Assert.Contains("declares no media types", error.Message, StringComparison.Ordinal);
        Assert.Contains("FormatQueryParameter is blank", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_NullConverter_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new ContentNegotiationOptions().Add(null!));
    }

    [Fact]
    public async Task AddContentNegotiation_WithoutConfigure_RegistersJson()
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet)),
            s => s.AddContentNegotiation());

        using var json = await app.GetAsync("/customer", null);
        using var xml = await app.GetAsync("/customer", "application/xml");

        Assert.Equal("application/json", json.MediaType());
        Assert.Equal(HttpStatusCode.NotAcceptable, xml.StatusCode);
    }

    [Fact]
    public async Task Negotiated_WithoutAddContentNegotiation_ThrowsExplainingTheFix()
    {
        Exception? captured = null;
        await using var app = await TestApp.StartAsync(a => a.MapGet("/customer", async (HttpContext ctx) =>
        {
            try
            {
                await Respond.Negotiated(NegotiationTestApp.Jet).ExecuteAsync(ctx);
            }
            catch (InvalidOperationException e)
            {
                captured = e;
                ctx.Response.StatusCode = 500;
            }
        }));

        using var response = await app.GetAsync("/customer", null);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = Assert.IsType<InvalidOperationException>(captured);
        Assert.Contains("builder.Services.AddContentNegotiation(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FallBackToDefault_NothingAcceptable_AnswersWithDefaultConverter()
    {
        await using var app = await NegotiationTestApp.StartAsync(
            a => a.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet)),
            o =>
            {
                o.AddJson().AddXml();
                o.FallBackToDefault = true;
            });

        using var response = await app.GetAsync("/customer", "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.MediaType());
        Assert.Contains("Accept", response.Headers.Vary);
    }
}
