using System.Text;
using Herald.Responses;
using Herald.Templating;
using WebApp;
using WebApp.ClientDemo;
using WebApp.Components;
using WebApp.Products;
using WebApp.Slices;

var builder = WebApplication.CreateBuilder(args);

// respond(obj) with content negotiation: JSON by default, XML for Accept: application/xml, plain text on request, and
// HTML from a template on endpoints that name one (a browser asks for text/html first).
builder.Services.AddContentNegotiation(o => o.AddJson().AddXml().AddText().AddTemplates());
builder.Services.AddProblemDetails();

// respondTemplate: Handlebars files from templates/ under the content root (recompiled when edited), and Razor
// components compiled with the app, mapped to template names.
builder.Services.AddTemplating(o => o
    .AddHandlebars(h => h.AddSampleHelpers())
    .AddRazor(r => r.Map<RazorPage>("razor")));
builder.Services.AddSingleton<CustomerStore>();

// The HTTP client: /client calls this app's own routes through a typed Herald client (ClientDemo/).
builder.Services.AddClientDemo();

var app = builder.Build();

// Outside Development an exception (a missing or failing template) becomes a 500 problem-details response without the
// stack trace; Development keeps the developer exception page.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler();
}

// The sample's files travel with the build output, so every way of starting the app finds them.
var files = Path.Combine(AppContext.BaseDirectory, "files");

// Home page: every route below, linked, rendered with the typed HTML builder.
app.MapGet("/", () => Respond.Html(HomePage.Render));

// respondText
app.MapGet("/hello", () => Respond.Text("Hello, world!"));

// respondHtml { head { title { +"Herald" } } body { h1 { +"Hello from Herald!" } } }
app.MapGet("/html", () => Respond.Html(html => html
    .Head(head => head.Title("Herald"))
    .Body(body => body.H1("Hello from Herald!"))));

// respond(obj) / receive<T>(): negotiated both ways.
app.MapPost("/customer", (Negotiated<Customer> customer, CustomerStore store) =>
{
    store.Add(customer.Value);
    return Respond.Text("Customer stored correctly", statusCode: StatusCodes.Status201Created);
});
app.MapGet("/customer/{id:int}", (int id, CustomerStore store) =>
    store.Find(id) is { } customer
        ? (IResult)Respond.Negotiated(customer)
        : TypedResults.Problem($"No customer has id {id}.", statusCode: StatusCodes.Status404NotFound))
    .WithTemplate("customer");

// respondTemplate("index", mapOf("user" to User(1, "John"))) with Handlebars: templates/index.hbs in templates/partials/layout.hbs.
app.MapGet("/index", () => Respond.Template("index", new User(1, "John")));

// A Razor component page with a layout (@layout MainLayout) and a child component, through Respond.Template's name map.
app.MapGet("/razor", () => Respond.Template("razor", new Dictionary<string, object?>
{
    ["Model"] = new User(1, "John"),
    ["Note"] = "<b>Markup in a value</b> is shown as text.",
}));

// The templates benchmark's workload: 100 products with Handlebars, with a Razor component and with a Razor slice (a
// compiled .cshtml writing straight to the response buffer, the fastest of the three), same visible content.
app.MapGet("/products", () => Respond.Template("products", new { title = ProductCatalog.Title, products = ProductCatalog.Products }));
app.MapGet("/products/razor", () => Respond.Razor<ProductsPage>());
app.MapGet("/products/slice", () => Respond.Slice<Slices_Products, ProductsModel>(new ProductsModel(ProductCatalog.Title, ProductCatalog.Products)));

// respondFile with ContentDisposition.Attachment: Range, If-Range, ETag and Last-Modified all work.
app.MapMethods("/download", [HttpMethods.Get, HttpMethods.Head],
    () => Respond.Download(Path.Combine(files, "herald-logo.png"), "herald-logo.png"));

// respondFile(baseDir, fileName): anything that would leave files/ is a 404.
app.MapMethods("/files/{**path}", [HttpMethods.Get, HttpMethods.Head], (string path) => Respond.File(files, path));

// respondBytes
app.MapGet("/bytes", () => Respond.Bytes(Encoding.UTF8.GetBytes("Herald raw bytes\n")));

// respondTextWriter: written straight to the connection, line by line.
app.MapGet("/stream", () => Respond.Writer(async (writer, cancellationToken) =>
{
    for (var line = 1; line <= 100; line++)
    {
        await writer.WriteLineAsync($"line {line} of 100".AsMemory(), cancellationToken);
    }
}));

// status(HttpStatusCode(418, "I'm a tea pot"))
app.MapGet("/teapot", () => Respond.Status(StatusCodes.Status418ImATeapot, "I'm a tea pot"));

// etag() + header() with ConditionalHeaders: If-None-Match: "7c876b7e" answers 304.
app.MapGet("/etag", (HttpContext context) =>
{
    context.Response.ETag("7c876b7e").Header("Custom-Header", "Some value");
    return Respond.Text("This response carries an entity tag.");
}).WithConditionalRequests();

// response.cookies.append("yummy_cookie", "choco")
app.MapGet("/cookie", (HttpContext context) =>
{
    context.Response.AppendCookie("yummy_cookie", "choco");
    return Respond.Text("Cookie set: yummy_cookie=choco");
});

// respondRedirect("/moved", permanent = true)
app.MapGet("/redirect", () => Respond.Redirect("/moved", permanent: true));
app.MapGet("/moved", () => Respond.Text("Moved content"));

// The HTTP client calling the routes above: status, reason, elapsed time, cache status, attempts, redirects.
app.MapClientDemo();

app.Run();
