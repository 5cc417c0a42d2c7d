namespace Herald.Client;

/// <summary>
/// Which responses have their body converted to the requested <see cref="ResponseBodyKind"/> when that kind is
/// <see cref="ResponseBodyKind.Json"/>, <see cref="ResponseBodyKind.Form"/> or <see cref="ResponseBodyKind.Auto"/>
/// (clj-http's <c>:coerce</c>). A body that is not converted is kept as a string.
/// </summary>
public enum CoerceMode
{
    /// <summary>Only responses whose status is in the success set; an error page stays a string. The default.</summary>
    Unexceptional,

    /// <summary>Every response.</summary>
    Always,

    /// <summary>Only responses whose status is outside the success set (an API whose errors are JSON and whose successes are not).</summary>
    Exceptional,
}
