namespace Herald.Client;

/// <summary>The <c>SameSite</c> attribute of a cookie (RFC 6265bis 5.6.7).</summary>
public enum CookieSameSite
{
    /// <summary>No <c>SameSite</c> attribute, or a value other than <c>None</c>, <c>Lax</c> or <c>Strict</c>.</summary>
    Unspecified,

    /// <summary><c>SameSite=None</c>: sent on cross-site requests too.</summary>
    None,

    /// <summary><c>SameSite=Lax</c>.</summary>
    Lax,

    /// <summary><c>SameSite=Strict</c>.</summary>
    Strict,
}
