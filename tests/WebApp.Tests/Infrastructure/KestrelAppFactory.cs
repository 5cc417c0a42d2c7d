using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace WebApp.Tests.Infrastructure;

/// <summary>The sample app on a real Kestrel server at 127.0.0.1 with an OS-assigned port, for a real browser.</summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private Uri? _address;

    public KestrelAppFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>The root address the browser opens, e.g. <c>http://127.0.0.1:43121/</c>.</summary>
    public Uri Address
    {
        get
        {
            if (_address is null)
            {
                StartServer();
                var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
                    .Addresses.First();
                _address = new Uri(address.TrimEnd('/') + "/");
            }

            return _address;
        }
    }
}
