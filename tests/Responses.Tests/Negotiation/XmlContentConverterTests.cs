using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Negotiation;

public sealed class XmlContentConverterTests : IAsyncLifetime
{
    private static readonly Order SampleOrder = new(
        Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
        NegotiationTestApp.Jet,
        [new OrderLine("A-1", 2, 9.99m), new OrderLine("B-2", 1, 100m)],
        new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)),
        null);

    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await NegotiationTestApp.StartAsync(app =>
        {
            app.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet));
            app.MapGet("/customers", () => Respond.Negotiated(new List<Customer> { NegotiationTestApp.Jet, new(2, "Ada", "Lovelace") }));
            app.MapGet("/order", () => Respond.Negotiated(SampleOrder));
            app.MapGet("/product", () => Respond.Negotiated(new Product { Id = 7, Name = "Kettle", Tags = ["tea", "steel"] }));
            app.MapGet("/unicode", () => Respond.Negotiated(new Customer(3, "Zoë", "Ωmega ✓")));
            app.MapGet("/dictionary", () => Respond.Negotiated(new Dictionary<string, int> { ["a"] = 1 }));
            app.MapGet("/anonymous", () => Respond.Negotiated(new { Id = 5, Name = "anon" }));
            app.MapGet("/cycle", () =>
            {
                var node = new TreeNode("loop");
                node.Parent = node;
                return Respond.Negotiated(node);
            });
            app.MapPost("/validated", (Negotiated<ValidatedCustomer> body) => Respond.Negotiated(body.Value.Name));
            app.MapPost("/customer", (Negotiated<Customer> body) => Respond.Negotiated(body.Value));
            app.MapPost("/customers", (Negotiated<Customer[]> body) => Respond.Negotiated(body.Value.Length));
            app.MapPost("/order", (Negotiated<Order> body) => Respond.Negotiated(body.Value == SampleOrder with { Lines = body.Value.Lines } && body.Value.Lines.SequenceEqual(SampleOrder.Lines)));
            app.MapPost("/product", (Negotiated<Product> body) => Respond.Negotiated($"{body.Value.Id}:{body.Value.Name}:{string.Join('|', body.Value.Tags)}"));
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Write_PositionalRecord_OneElementPerPropertyInDeclarationOrder()
    {
        using var response = await _app.GetAsync("/customer", "application/xml");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/xml; charset=utf-8", response.ContentType());
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Customer><Id>1</Id><FirstName>Jet</FirstName><LastName>Brains</LastName></Customer>",
            body);
    }

    [Fact]
    public async Task RoundTrip_PositionalRecord_ComesBackEqual()
    {
        using var get = await _app.GetAsync("/customer", "application/xml");
        var xml = await get.Content.ReadAsStringAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/customer") { Content = new StringContent(xml, Encoding.UTF8, "application/xml") };
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var post = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(NegotiationTestApp.Jet, JsonSerializer.Deserialize<Customer>(await post.Content.ReadAsStringAsync(), JsonSerializerOptions.Web));
    }

    [Fact]
    public async Task Read_RecordElementsInAnyOrderAndCase_Binds()
    {
        using var response = await _app.PostAsync(
            "/customer", "<customer><lastName>Brains</lastName><unknown>x</unknown><ID>1</ID><firstname>Jet</firstname></customer>", "application/xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"id\":1,\"firstName\":\"Jet\",\"lastName\":\"Brains\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RoundTrip_NestedRecordsAndLists_ComeBackEqual()
    {
        using var get = await _app.GetAsync("/order", "application/xml");
        var xml = await get.Content.ReadAsStringAsync();
        var document = XDocument.Parse(xml);

        Assert.Equal("Order", document.Root!.Name.LocalName);
        Assert.Equal(2, document.Root.Element("Lines")!.Elements("OrderLine").Count());
        Assert.Equal("true", document.Root.Element("Note")!.Attribute(XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance"))!.Value);

        using var post = await _app.PostAsync("/order", xml, "application/xml");
        Assert.Equal("true", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RoundTrip_ListOfRecords_UsesArrayOfShape()
    {
        using var get = await _app.GetAsync("/customers", "application/xml");
        var xml = await get.Content.ReadAsStringAsync();

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><ArrayOfCustomer><Customer><Id>1</Id>", xml, StringComparison.Ordinal);

        using var post = await _app.PostAsync("/customers", xml, "application/xml");
        Assert.Equal("2", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RoundTrip_PlainClass_UsesXmlSerializer()
    {
        using var get = await _app.GetAsync("/product", "application/xml");
        var xml = await get.Content.ReadAsStringAsync();

        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Product><Id>7</Id><Name>Kettle</Name><Tags><string>tea</string><string>steel</string></Tags></Product>",
            xml);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/product") { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };
        request.Headers.TryAddWithoutValidation("Accept", "text/plain");
        using var post = await _app.Client.SendAsync(request);
        Assert.Equal("7:Kettle:tea|steel", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Write_Latin1Charset_EscapesWhatLatin1CannotHold()
    {
        using var response = await _app.GetAsync("/unicode", "application/xml", "iso-8859-1");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/xml; charset=iso-8859-1", response.ContentType());
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Contains("encoding=\"iso-8859-1\"", text, StringComparison.Ordinal);
        Assert.Contains("<FirstName>Zo\u00EB</FirstName>", text, StringComparison.Ordinal);
        // Nothing is lost: the document parses back to the original characters.
        var parsed = XDocument.Parse(text);
        Assert.Equal("Ωmega ✓", parsed.Root!.Element("LastName")!.Value);
    }

    [Fact]
    public async Task Negotiated_TypeXmlCannotRepresent_IsNotOfferedAsXml()
    {
        using var xmlOnly = await _app.GetAsync("/dictionary", "application/xml");
        using var xmlOrJson = await _app.GetAsync("/dictionary", "application/xml, application/json;q=0.5");

        Assert.Equal(HttpStatusCode.NotAcceptable, xmlOnly.StatusCode);
        Assert.Equal("application/json", xmlOrJson.MediaType());
        Assert.Equal("{\"a\":1}", await xmlOrJson.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Write_AnonymousType_WritesValidXml()
    {
        using var response = await _app.GetAsync("/anonymous", "application/xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("5", document.Root!.Element("Id")!.Value);
        Assert.Equal("anon", document.Root.Element("Name")!.Value);
    }

    [Fact]
    public async Task Write_CyclicGraph_FailsThatRequestAndServerKeepsServing()
    {
        var failed = false;
        try
        {
            using var response = await _app.GetAsync("/cycle", "application/xml");
            failed = !response.IsSuccessStatusCode || !IsWellFormed(await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            // The serializer failed after the response started: the connection is aborted, as for Results.Json.
            failed = true;
        }

        Assert.True(failed);
        using var next = await _app.GetAsync("/customer", "application/xml");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    private static bool IsWellFormed(string xml)
    {
        try
        {
            XDocument.Parse(xml);
            return true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    [Theory]
    [InlineData("<Customer><Id xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"maybe\">x</Id></Customer>", "not a valid Int32")]
    [InlineData("<Customer>text<Id>1</Id></Customer>", "does not fit Customer")]
    [InlineData("<Customer><Id xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\"/></Customer>", "cannot be null")]
    [InlineData("<Customer><Id><Nested/></Id></Customer>", "must hold only text")]
    public async Task Read_WrongShape_Returns400(string xml, string expected)
    {
        using var response = await _app.PostAsync("/customer", xml, "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ConstructorRejectsValues_Returns400()
    {
        using var response = await _app.PostAsync("/validated", "<ValidatedCustomer><Id>0</Id><Name>x</Name></ValidatedCustomer>", "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("do not make a valid ValidatedCustomer", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
