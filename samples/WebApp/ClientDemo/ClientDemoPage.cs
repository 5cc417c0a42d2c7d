using System.Globalization;
using Herald.Responses;

namespace WebApp.ClientDemo;

/// <summary>The <c>/client</c> page: one row per call the app's own client made.</summary>
public static class ClientDemoPage
{
    /// <summary>Renders the calls into the builder's <c>&lt;html&gt;</c> element.</summary>
    /// <param name="html">The builder.</param>
    /// <param name="baseAddress">The address the calls went to.</param>
    /// <param name="calls">The calls, in the order they were made.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static void Render(HtmlBuilder html, Uri baseAddress, IReadOnlyList<ClientCall> calls)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(calls);
        html
            .Attr("lang", "en")
            .Head(head => head
                .Meta(m => m.Attr("charset", "utf-8"))
                .Meta("viewport", "width=device-width, initial-scale=1")
                .Title("Herald client")
                .Style("""
                    body { font-family: system-ui, sans-serif; max-width: 64rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
                    table { border-collapse: collapse; width: 100%; }
                    th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #dde3ee; vertical-align: top; }
                    code { background: #f1f4f9; padding: .1rem .3rem; border-radius: 4px; }
                    """))
            .Body(body => body
                .H1("The HTTP client, calling this app")
                .P(p => p
                    .Text("A typed Herald client from dependency injection, with the standard resilience pipeline and the private cache, called ")
                    .Code(baseAddress.ToString())
                    .Text(" while this page was made. Calls that hit the cache never reached the server."))
                .Table(table => table
                    .Thead(thead => thead.Tr(tr => tr
                        .Th("Request").Th("Status").Th("Elapsed").Th("Cache").Th("Attempts").Th("Redirects").Th("What the client saw")))
                    .Tbody(tbody =>
                    {
                        foreach (var call in calls)
                        {
                            tbody.Tr(tr => tr
                                .Td(td => td.Code(call.Request))
                                .Td(call.Status is { } status ? $"{status} {call.ReasonPhrase}".TrimEnd() : "no response")
                                .Td(call.Elapsed.TotalMilliseconds.ToString("0.0 ms", CultureInfo.InvariantCulture))
                                .Td(call.CacheStatus.ToString())
                                .Td(call.Attempts.ToString(CultureInfo.InvariantCulture))
                                .Td(call.RedirectTrace.Count == 0 ? "none" : string.Join(" → ", call.RedirectTrace))
                                .Td(call.Seen));
                        }
                    }))
                .P(p => p.A("/", a => a.Text("Back to every route"))));
    }
}
