namespace Herald.Responses.Files;

/// <summary>What a <c>Range</c> header asks of a representation of known length.</summary>
internal enum RangeSelection
{
    /// <summary>The header is malformed, uses another unit or lists too many ranges: send the full representation (200).</summary>
    Ignore,

    /// <summary>The header is valid but no range overlaps the representation: answer 416 with <c>Content-Range: bytes */length</c>.</summary>
    Unsatisfiable,

    /// <summary>At least one range overlaps the representation: answer 206.</summary>
    Satisfiable,
}
