using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Herald.Client.Tests.Infrastructure;

/// <summary>Creates throwaway certificates for TLS tests: a CA, server certificates it signs, and client certificates.</summary>
public static class TestCertificates
{
    /// <summary>A self-signed certificate authority.</summary>
    public static X509Certificate2 CreateAuthority(string name = "Herald Test CA")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return Reload(cert);
    }

    /// <summary>A server certificate for localhost and 127.0.0.1, self-signed or signed by <paramref name="issuer"/>.</summary>
    public static X509Certificate2 CreateServerCertificate(X509Certificate2? issuer = null, string commonName = "localhost")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddDnsName("*.localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return Sign(request, key, issuer);
    }

    /// <summary>A client-authentication certificate, self-signed or signed by <paramref name="issuer"/>.</summary>
    public static X509Certificate2 CreateClientCertificate(string commonName = "herald-client", X509Certificate2? issuer = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        return Sign(request, key, issuer);
    }

    private static X509Certificate2 Sign(CertificateRequest request, RSA key, X509Certificate2? issuer)
    {
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(30);
        if (issuer is null)
        {
            using var self = request.CreateSelfSigned(notBefore, notAfter);
            return Reload(self);
        }

        // A certificate may not outlive its issuer, which was created a moment earlier with the same 30 days.
        var issuerNotAfter = new DateTimeOffset(issuer.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        notAfter = notAfter < issuerNotAfter ? notAfter : issuerNotAfter;
        var serial = RandomNumberGenerator.GetBytes(16);
        using var signed = request.Create(issuer, notBefore, notAfter, serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    // A PFX round trip gives a certificate whose private key SslStream can use on every platform.
    private static X509Certificate2 Reload(X509Certificate2 cert) =>
        X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
}
