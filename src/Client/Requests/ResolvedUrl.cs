namespace Herald.Client.Internal;

/// <summary>The URL a request goes to, and the credentials its user-info carried (removed from the URL).</summary>
internal readonly record struct ResolvedUrl(Uri Uri, string? UserName, string? Password);
