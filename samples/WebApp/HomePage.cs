using Herald.Responses;

namespace WebApp;

/// <summary>The home page: every sample route with what it shows, linked where a browser can follow it.</summary>
public static class HomePage
{
    /// <summary>The sample routes, in the order of SPEC.md's table.</summary>
    public static IReadOnlyList<SampleRoute> Routes { get; } =
    [
        new("GET", "/hello", "Hello, world! as text/plain; charset=utf-8 (Respond.Text)"),
        new("GET", "/html", "a page from the typed HTML builder (Respond.Html)"),
        new("GET", "/index", "a Handlebars template with the model User(1, \"John\") (Respond.Template)"),
        new("GET", "/razor", "a Razor component page with a layout and a child component (Respond.Template)"),
        new("GET", "/products", "100 products rendered by Handlebars (the templates benchmark's workload)"),
        new("GET", "/products/razor", "the same 100 products rendered by a Razor component (Respond.Razor)"),
        new("GET", "/products/slice", "the same 100 products rendered by a Razor slice, a compiled .cshtml (Respond.Slice)"),
        new("GET", "/customer/1", "Customer(1, \"Jet\", \"Brains\") negotiated: an HTML page for a browser, JSON, XML for Accept: application/xml, 406 for image/png"),
        new("POST", "/customer", "stores a negotiated customer from a JSON or XML body: 201, 415 or 400 with problem details"),
        new("GET", "/download", "herald-logo.png as an attachment, with Range and conditional support (Respond.Download)"),
        new("GET", "/files/readme.txt", "files under files/, traversal-safe (Respond.File(baseDirectory, path))"),
        new("GET", "/bytes", "raw bytes as application/octet-stream (Respond.Bytes)"),
        new("GET", "/stream", "a body written line by line straight to the connection (Respond.Writer)"),
        new("GET", "/teapot", "the status line 418 I'm a tea pot (Respond.Status)"),
        new("GET", "/etag", "ETag: \"7c876b7e\" and Custom-Header; If-None-Match: \"7c876b7e\" answers 304"),
        new("GET", "/cookie", "Set-Cookie: yummy_cookie=choco with HttpOnly and SameSite=Lax (AppendCookie)"),
        new("GET", "/redirect", "301 to /moved, which answers Moved content (Respond.Redirect)"),
        new("GET", "/client", "the HTTP client calling the routes above: a typed Herald client with resilience and a cache (Herald.Client)"),
        new("GET", "/time", "the server's time with Cache-Control: max-age=60, which /client's cache keeps"),
    ];

    /// <summary>Renders the page into the builder's <c>&lt;html&gt;</c> element.</summary>
    public static void Render(HtmlBuilder html) => html
        .Attr("lang", "en")
        .Head(head => head
            .Meta(m => m.Attr("charset", "utf-8"))
            .Meta("viewport", "width=device-width, initial-scale=1")
            .Title("Herald sample")
            .Style("""
                body { font-family: system-ui, sans-serif; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
                header { display: flex; align-items: center; gap: 1rem; }
                table { border-collapse: collapse; width: 100%; }
                th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #dde3ee; vertical-align: top; }
                code { background: #f1f4f9; padding: .1rem .3rem; border-radius: 4px; }
                """))
        .Body(body => body
            .Header(header => header
                .Img(img => img.Attr("src", "/files/herald-logo.png").Attr("alt", "Herald logo").Attr("width", "64").Attr("height", "64"))
                .H1("Herald sample app"))
            .P("Ktor's response API on ASP.NET Core Minimal APIs. Every route below is one feature.")
            .Table(table => table
                .Thead(thead => thead.Tr(tr => tr.Th("Method").Th("Route").Th("What it shows")))
                .Tbody(tbody =>
                {
                    foreach (var route in Routes)
                    {
                        tbody.Tr(tr => tr
                            .Td(route.Method)
                            .Td(td =>
                            {
                                if (route.Method == "GET")
                                {
                                    td.A(route.Path, a => a.Code(route.Path));
                                }
                                else
                                {
                                    td.Code(route.Path);
                                }
                            })
                            .Td(route.Description));
                    }
                }))
            .P(p => p
                .Text("Try the negotiated POST from a terminal: ")
                .Code("curl -i -H 'Content-Type: application/json' -d '{\"id\":2,\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}' http://localhost:5000/customer")));
}

/// <summary>One row of the home page.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, linked for GET.</param>
/// <param name="Description">What the route shows.</param>
public sealed record SampleRoute(string Method, string Path, string Description);
