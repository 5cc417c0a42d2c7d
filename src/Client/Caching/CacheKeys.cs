using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Herald.Client.Internal;

/// <summary>
/// Turns what identifies a stored response (its URL, the values of the request headers it varies on, the credential)
/// into keyed hashes, HMAC-SHA256 under a secret, before anything reaches a store. A plain hash would not do: a Basic
/// credential or a short token is found again from its SHA-256 by trying a dictionary, and a URL's query may carry an
/// API key; without the secret, neither the keys nor the hashes in a shared store say anything.
/// </summary>
internal sealed class CacheKeys
{
    /// <summary>The key of every cache built without <see cref="HttpCacheOptions.KeySecret"/>: random, and gone with the process.</summary>
    private static readonly byte[] ProcessSecret = RandomNumberGenerator.GetBytes(32);

    // Values at most this long are encoded on the stack: most URLs and header values.
    private const int StackLimit = 512;

    private readonly byte[] _secret;

    /// <param name="secret">The app's secret, copied by the caller; <see langword="null"/> for this process's random one.</param>
    public CacheKeys(byte[]? secret) => _secret = secret ?? ProcessSecret;

    /// <summary>The store key of a URL's record: its target URI (RFC 9111 §2: no user-info, no fragment), keyed-hashed.</summary>
    public string UrlKey(Uri url)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Mac(url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped), mac);
        return Convert.ToHexString(mac);
    }

    /// <summary>A keyed hash of a request header's value, or a single zero byte for its absence.</summary>
    public byte[] ValueHash(string? value)
    {
        if (value is null)
        {
            return [0];
        }

        var mac = new byte[HMACSHA256.HashSizeInBytes];
        Mac(value, mac);
        return mac;
    }

    private void Mac(string text, Span<byte> destination)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, buffer);
            HMACSHA256.HashData(_secret, buffer[..written], destination);
        }
        finally
        {
            if (rented is not null)
            {
                // The text may be a credential: leave nothing of it in a pooled array.
                CryptographicOperations.ZeroMemory(rented);
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
