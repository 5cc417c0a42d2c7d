using Herald.Client.Internal;

namespace Herald.Client.Tests.Infrastructure;

/// <summary>
/// Follows one 3xx the way Herald's redirect middleware does (a new message for the Location, all options and the
/// exchange copied, no headers carried), so tests of the middleware below it can see a second hop. It stands in for the
/// redirect middleware, which is tested on its own.
/// </summary>
public sealed class FollowOneRedirect : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HeraldExchange.Of(request);
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode is < 300 or > 399 || response.Headers.Location is not { } location)
        {
            return response;
        }

        response.Dispose();
        using var next = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, location));
        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
        }

        HeraldExchange.Of(next).RedirectTrace.Add(next.RequestUri!);
        return await base.SendAsync(next, cancellationToken);
    }
}
