using System.Security.Cryptography;
using System.Text;

namespace Herald.Client.Internal;

/// <summary>
/// The record stored under a URL: which request headers its responses vary on (<c>Vary</c>, plus <c>Authorization</c>)
/// and a generation. Each variant (one per set of values of those headers: per user, per <c>Accept</c>, …) is stored
/// under a key made of the URL's key (<see cref="CacheKeys"/>), the generation and a hash of the values (RFC 9111 §4.1 lets a cache keep several).
/// Invalidating a URL removes this record only: the variants of that generation can no longer be found, and a new
/// record starts a new generation, so an old variant never comes back. They age out of the store on their own.
/// </summary>
internal sealed class CacheVariants
{
    // "HHV" and a format version.
    private const int Magic = 0x01564848;

    public CacheVariants(string generation, string[] names)
    {
        Generation = generation;
        Names = names;
    }

    public string Generation { get; }

    public string[] Names { get; }

    /// <summary>A new record for <paramref name="names"/>, in a generation of its own.</summary>
    public static CacheVariants Create(string[] names) => new(Guid.NewGuid().ToString("N"), names);

    /// <summary>Whether this record lists exactly <paramref name="names"/>, in order.</summary>
    public bool HasNames(string[] names) =>
        Names.Length == names.Length && Names.Zip(names).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));

    /// <summary>The store key of the variant whose headers have the hashed values <paramref name="hashes"/>, in <see cref="Names"/> order.</summary>
    public string KeyOf(string urlKey, IEnumerable<byte[]> hashes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var value in hashes)
        {
            hash.AppendData(value);
        }

        return string.Concat(urlKey, " ", Generation, " ", Convert.ToHexString(hash.GetHashAndReset()));
    }

    public byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Generation);
            writer.Write(Names.Length);
            foreach (var name in Names)
            {
                writer.Write(name);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a record; <see langword="null"/> when the bytes are not one.</summary>
    public static CacheVariants? Deserialize(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadInt32() != Magic)
            {
                return null;
            }

            var generation = reader.ReadString();
            var count = reader.ReadInt32();
            if (count < 0 || count > bytes.Length)
            {
                return null;
            }

            var names = new string[count];
            for (var i = 0; i < count; i++)
            {
                names[i] = reader.ReadString();
            }

            return reader.BaseStream.Position == bytes.Length ? new CacheVariants(generation, names) : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or FormatException)
        {
            return null;
        }
    }
}
