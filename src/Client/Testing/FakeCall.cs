using System.Text;

namespace Herald.Client.Testing;

/// <summary>One request as it reached a <see cref="FakeTransport"/>, recorded when it was sent (after every middleware).</summary>
public sealed class FakeCall
{
    internal FakeCall(int index, HttpMethod method, Uri uri, Version version, HeraldHeaders headers, byte[] body)
    {
        Index = index;
        Method = method;
        Uri = uri;
        Version = version;
        Headers = headers;
        Body = body;
    }

    /// <summary>Gets the position of this call among the transport's calls, from 0.</summary>
    public int Index { get; }

    /// <summary>Gets the method.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the URL as sent.</summary>
    public Uri Uri { get; }

    /// <summary>Gets the HTTP version requested.</summary>
    public Version Version { get; }

    /// <summary>Gets the request and content headers as sent (read-only).</summary>
    public HeraldHeaders Headers { get; }

    /// <summary>Gets the body bytes as sent; empty when there was no body.</summary>
    public byte[] Body { get; }

    /// <summary>Gets the body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Returns <c>METHOD url</c>.</summary>
    public override string ToString() => $"{Method.Method} {Uri}";
}
