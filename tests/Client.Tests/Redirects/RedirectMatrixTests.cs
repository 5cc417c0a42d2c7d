using Herald.Client.Internal;

namespace Herald.Client.Tests.Redirects;

/// <summary>
/// The redirect matrix: every redirect status × method × strategy, through real HTTP, asserting whether the redirect
/// was followed and which method, body and content type reached the target.
/// </summary>
public sealed class RedirectMatrixTests(RedirectTestServer server) : IClassFixture<RedirectTestServer>
{
    public static TheoryData<int, string, RedirectStrategy> Cases()
    {
        var data = new TheoryData<int, string, RedirectStrategy>();
        foreach (var status in (int[])[301, 302, 303, 307, 308])
        {
            foreach (var method in (string[])["GET", "HEAD", "POST", "PUT", "DELETE"])
            {
                foreach (var strategy in Enum.GetValues<RedirectStrategy>())
                {
                    data.Add(status, method, strategy);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SendAsync_RedirectStatusMethodStrategy_FollowsAsSpecified(int status, string method, RedirectStrategy strategy)
    {
        var expected = Expect(status, method, strategy);
        using var http = LoopbackTransport.Chain(new RedirectOptions { Strategy = strategy }, new CookieJarOptions());
        var hasBody = method is not ("GET" or "HEAD");
        var body = $"payload-of-{method}";
        using var request = new HttpRequestMessage(new HttpMethod(method), server.Url($"r/{status}"))
        {
            Content = hasBody ? new StringContent(body) : null,
        };

        using var response = await http.SendAsync(request);

        var trace = HeraldExchange.Of(request).RedirectTrace;
        if (!expected.Followed)
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(server.Url("target"), response.Headers.Location is { } l ? new Uri(server.Url("/"), l) : null);
            Assert.Empty(trace);
            return;
        }

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal([server.Url("target")], trace);
        Assert.Equal(expected.Method, Header(response, "X-Method"));
        var bodyArrived = hasBody && expected.KeepsBody;
        Assert.Equal(bodyArrived ? body : string.Empty, Header(response, "X-Body"));
        Assert.Equal(bodyArrived ? "text/plain; charset=utf-8" : string.Empty, Header(response, "X-Content-Type"));
    }

    /// <summary>The rules as the brief states them, case by case.</summary>
    private static (bool Followed, string Method, bool KeepsBody) Expect(int status, string method, RedirectStrategy strategy)
    {
        var getOrHead = method is "GET" or "HEAD";
        var asRetrieval = method == "HEAD" ? "HEAD" : "GET";
        return strategy switch
        {
            RedirectStrategy.None => (false, method, false),

            // 303 turns any method into GET (HEAD stays HEAD); other redirects only for GET and HEAD.
            RedirectStrategy.Default or RedirectStrategy.Graceful => status == 303
                ? (true, asRetrieval, false)
                : (getOrHead, method, getOrHead),

            // Lax: every method; 307/308 keep method and body, the rest become GET.
            RedirectStrategy.Lax => status is 307 or 308 ? (true, method, true) : (true, getOrHead ? method : "GET", getOrHead),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
        };
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
