namespace Herald.Client;

/// <summary>Configures the decompression middleware (<see cref="HeraldMiddleware.Decompression"/>).</summary>
public sealed class DecompressionOptions
{
}
