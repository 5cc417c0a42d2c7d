namespace Herald.Client.Internal;

/// <summary>The content codings the decompression middleware decodes.</summary>
internal enum ContentCoding
{
    /// <summary>Not one Herald decodes.</summary>
    Unknown,

    /// <summary><c>identity</c>: no transformation.</summary>
    Identity,

    /// <summary><c>gzip</c> or <c>x-gzip</c>.</summary>
    Gzip,

    /// <summary><c>deflate</c>: zlib, or raw deflate.</summary>
    Deflate,

    /// <summary><c>br</c>: Brotli.</summary>
    Brotli,
}
