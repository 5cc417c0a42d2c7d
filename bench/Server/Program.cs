// The server benchmark's app: every Herald endpoint at /<pair>/herald beside its raw framework twin at /<pair>/raw,
// answering the same bytes, so bench/server.sh can load each pair in turn and compare requests per second.
using System.Net;
using System.Text;
using Herald.Bench.Server;
using Herald.Responses;
using Herald.Templating;

var builder = WebApplication.CreateSlimBuilder(args);

// Logging would cost both sides the same, but it is noise that a production app under load turns down too.
builder.Logging.ClearProviders();
var port = builder.Configuration.GetValue("port", 5080);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

// JSON first (the default for no Accept and */*), XML beside it as most negotiating apps have; both JSON endpoints use
// the app's JsonOptions, so they serialize with the same options.
builder.Services.AddContentNegotiation(o => o.AddJson().AddXml());

// The template pair: Handlebars from bench/Server/templates (compiled once, not watched, as a deployed app would run).
builder.Services.AddTemplating(o => o.AddHandlebars(h =>
{
    h.RootPath = Path.Combine(AppContext.BaseDirectory, "templates");
    h.WatchForChanges = false;
    h.AddHelper("truncate", (writer, context, arguments) =>
        writer.Write(ProductsWorkload.Truncate(arguments[0]?.ToString() ?? "", Convert.ToInt32(arguments[1], System.Globalization.CultureInfo.InvariantCulture))));
}));

var app = builder.Build();

using var files = BenchFiles.Create();
var bytes = Encoding.UTF8.GetBytes(new string('x', 1024));
var product = Product.Sample;
var pageHtml = HtmlBuilder.RenderDocument(ProductPage.Build);
const string HelloText = "Hello, world!";
const string HtmlContentType = "text/html; charset=utf-8";

app.MapGet("/ready", () => Results.Text("ready"));

// Bytes allocated by the whole process so far: bench/server.sh reads it around each run to report bytes per request.
// Not precise to the byte (each thread's allocation context counts when it is handed out), which over a run of many
// thousand requests is far below one byte per request.
app.MapGet("/allocated", () => Results.Text(GC.GetTotalAllocatedBytes().ToString(System.Globalization.CultureInfo.InvariantCulture)));

app.MapGet("/text/herald", () => Respond.Text(HelloText));
app.MapGet("/text/raw", () => Results.Text(HelloText));

app.MapGet("/bytes/herald", () => Respond.Bytes(bytes));
app.MapGet("/bytes/raw", () => Results.Bytes(bytes));

app.MapGet("/json/herald", () => Respond.Negotiated(product));
app.MapGet("/json/raw", () => Results.Json(product));

// Ranges on for both: Herald always offers them, the framework only when asked.
app.MapGet("/file-64k/herald", () => Respond.File(files.Small));
app.MapGet("/file-64k/raw", () => Results.File(files.Small, "application/octet-stream", enableRangeProcessing: true));
app.MapGet("/file-10m/herald", () => Respond.File(files.Large));
app.MapGet("/file-10m/raw", () => Results.File(files.Large, "application/octet-stream", enableRangeProcessing: true));

// The builder renders the page on every request; its twin sends that same page, rendered once.
app.MapGet("/html-builder/herald", () => Respond.Html(ProductPage.Build));
app.MapGet("/html-builder/raw", () => Results.Content(pageHtml, HtmlContentType));

app.MapGet("/html-string/herald", () => Respond.Html(pageHtml));
app.MapGet("/html-string/raw", () => Results.Content(pageHtml, HtmlContentType));

// A template page beside the same HTML written by hand, each rendered per request (bench/Templates measures the
// engines alone, without HTTP).
app.MapGet("/template/herald", () => Respond.Template("products", ProductsWorkload.Model));
app.MapGet("/template/raw", () =>
{
    var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
    ProductsWorkload.Write(writer);
    return Results.Content(writer.ToString(), HtmlContentType);
});

await app.RunAsync();
