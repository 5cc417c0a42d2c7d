using System.Collections.Frozen;

namespace Herald.Client.Internal;

/// <summary>
/// A compact public suffix list: which domains are registries (<c>com</c>, <c>co.uk</c>, <c>github.io</c>) under which
/// anyone can register a name, so that no cookie may be set for them (RFC 6265 5.3 step 5).
/// </summary>
/// <remarks>
/// No public-suffix package is available to this project, and the full Mozilla list (about 10,000 rules, updated
/// weekly) would go stale inside a library anyway. So Herald applies the list's default rule, under which every top
/// level domain (<c>com</c>, <c>uk</c>, <c>localhost</c>, any single label) is a public suffix, and embeds the most used
/// second-level registries and shared-hosting domains below. A rarer multi-label registry that is missing here is not
/// recognized: a site under it could set a cookie for the whole registry. Pass your own <see cref="ICookieStore"/> if
/// you need the full list.
/// </remarks>
internal static class PublicSuffixes
{
    private static readonly FrozenSet<string> Known = FrozenSet.Create(StringComparer.Ordinal,
    [
        // Generic second-level registries under country codes (ICANN section of the public suffix list).
        "ac.uk", "co.uk", "gov.uk", "ltd.uk", "me.uk", "net.uk", "nhs.uk", "org.uk", "plc.uk", "police.uk", "sch.uk",
        "asn.au", "com.au", "edu.au", "gov.au", "id.au", "net.au", "org.au",
        "ac.nz", "co.nz", "geek.nz", "gen.nz", "govt.nz", "kiwi.nz", "maori.nz", "net.nz", "org.nz", "school.nz",
        "ac.jp", "ad.jp", "co.jp", "ed.jp", "go.jp", "gr.jp", "lg.jp", "ne.jp", "or.jp",
        "ac.kr", "co.kr", "go.kr", "ne.kr", "or.kr", "re.kr",
        "ac.cn", "com.cn", "edu.cn", "gov.cn", "net.cn", "org.cn",
        "com.hk", "edu.hk", "gov.hk", "net.hk", "org.hk",
        "com.tw", "edu.tw", "gov.tw", "net.tw", "org.tw",
        "com.sg", "edu.sg", "gov.sg", "net.sg", "org.sg",
        "com.my", "edu.my", "gov.my", "net.my", "org.my",
        "ac.th", "co.th", "go.th", "in.th", "or.th",
        "ac.id", "co.id", "go.id", "or.id", "web.id",
        "com.ph", "edu.ph", "gov.ph", "net.ph", "org.ph",
        "com.vn", "edu.vn", "gov.vn", "net.vn", "org.vn",
        "com.pk", "edu.pk", "gov.pk", "net.pk", "org.pk",
        "ac.in", "co.in", "edu.in", "firm.in", "gen.in", "gov.in", "ind.in", "net.in", "org.in",
        "ac.il", "co.il", "gov.il", "net.il", "org.il",
        "com.tr", "edu.tr", "gov.tr", "net.tr", "org.tr",
        "com.sa", "edu.sa", "gov.sa", "net.sa", "org.sa",
        "ac.ae", "co.ae", "gov.ae", "net.ae", "org.ae",
        "com.eg", "edu.eg", "gov.eg", "net.eg", "org.eg",
        "ac.za", "co.za", "gov.za", "net.za", "org.za", "web.za",
        "co.ke", "go.ke", "or.ke", "ac.ke",
        "com.ng", "edu.ng", "gov.ng", "net.ng", "org.ng",
        "com.br", "edu.br", "gov.br", "net.br", "org.br",
        "com.ar", "edu.ar", "gob.ar", "gov.ar", "net.ar", "org.ar",
        "com.mx", "edu.mx", "gob.mx", "net.mx", "org.mx",
        "com.co", "edu.co", "gov.co", "net.co", "org.co",
        "com.pe", "edu.pe", "gob.pe", "net.pe", "org.pe",
        "com.uy", "edu.uy", "gub.uy", "net.uy", "org.uy",
        "com.ve", "co.ve", "gob.ve", "net.ve", "org.ve",
        "com.ec", "edu.ec", "gob.ec", "net.ec", "org.ec",
        "com.es", "edu.es", "gob.es", "nom.es", "org.es",
        "com.pt", "edu.pt", "gov.pt", "org.pt",
        "com.gr", "edu.gr", "gov.gr", "net.gr", "org.gr",
        "com.pl", "edu.pl", "gov.pl", "net.pl", "org.pl",
        "com.ua", "edu.ua", "gov.ua", "net.ua", "org.ua",
        "com.ru", "net.ru", "org.ru", "msk.ru", "spb.ru",
        "co.at", "or.at", "gv.at", "ac.at",
        "co.hu", "org.hu",
        "com.cy", "com.mt", "com.ro", "org.ro", "co.rs", "org.rs",
        "gov.it", "edu.it",
        "gouv.fr", "asso.fr", "com.fr",
        "co.no", "priv.no",
        "gov.ie",

        // Widely used shared-hosting domains (PRIVATE section): each customer owns a subdomain.
        "amazonaws.com", "s3.amazonaws.com", "compute.amazonaws.com", "elasticbeanstalk.com", "cloudfront.net",
        "amplifyapp.com", "appspot.com", "azurewebsites.net", "azurestaticapps.net", "azureedge.net", "cloudapp.net",
        "blob.core.windows.net", "trafficmanager.net", "blogspot.com", "firebaseapp.com", "web.app",
        "github.io", "githubusercontent.com", "gitlab.io", "bitbucket.io", "herokuapp.com", "herokussl.com",
        "netlify.app", "vercel.app", "now.sh", "pages.dev", "workers.dev", "fly.dev", "onrender.com",
        "ngrok.io", "ngrok.app", "ngrok-free.app", "glitch.me", "repl.co", "replit.dev", "surge.sh", "readthedocs.io",
        "deno.dev", "railway.app", "codeberg.page", "sourceforge.io", "myshopify.com",
        "webflow.io", "wixsite.com", "azurecontainerapps.io", "ondigitalocean.app",
        "dyndns.org", "duckdns.org", "no-ip.org", "ddns.net",
        "us.com", "uk.com", "eu.com", "de.com", "gb.net", "uk.net",
    ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="domain"/> (canonical, lower-case) is a public suffix.</summary>
    public static bool IsPublicSuffix(ReadOnlySpan<char> domain) =>
        !domain.IsEmpty && (!domain.Contains('.') || KnownBySpan.Contains(domain));

    /// <summary>
    /// The registrable domain of a host: its public suffix plus one label (<c>www.example.co.uk</c> →
    /// <c>example.co.uk</c>), or the host itself when it is a public suffix.
    /// </summary>
    public static ReadOnlySpan<char> RegistrableDomain(string host)
    {
        var previous = 0;
        var start = 0;
        while (true)
        {
            // The first public suffix found from the left is the longest one.
            if (IsPublicSuffix(host.AsSpan(start)))
            {
                return host.AsSpan(previous);
            }

            var dot = host.IndexOf('.', start);
            if (dot < 0)
            {
                return host;
            }

            previous = start;
            start = dot + 1;
        }
    }
}
