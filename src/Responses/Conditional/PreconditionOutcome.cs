namespace Herald.Responses.Conditional;

/// <summary>What the request's conditional headers say about sending the representation.</summary>
internal enum PreconditionOutcome
{
    /// <summary>No condition stops the response: send the representation (or the requested range).</summary>
    Proceed,

    /// <summary>A GET or HEAD whose <c>If-None-Match</c> / <c>If-Modified-Since</c> holds: answer 304 without a body.</summary>
    NotModified,

    /// <summary><c>If-Match</c> / <c>If-Unmodified-Since</c> failed, or <c>If-None-Match</c> matched an unsafe method: answer 412.</summary>
    PreconditionFailed,
}
