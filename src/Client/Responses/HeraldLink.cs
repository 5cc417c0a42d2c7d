namespace Herald.Client;

/// <summary>One link of an RFC 8288 <c>Link</c> header: its target, resolved against the request URL, and its parameters.</summary>
public sealed class HeraldLink
{
    internal HeraldLink(Uri target, IReadOnlyList<string> relations, IReadOnlyDictionary<string, string> parameters)
    {
        Target = target;
        Relations = relations;
        Parameters = parameters;
    }

    /// <summary>Gets the target URI, made absolute against the URL of the request that received it.</summary>
    public Uri Target { get; }

    /// <summary>Gets the relation types (<c>rel</c> may hold several, separated by spaces), lower-cased.</summary>
    public IReadOnlyList<string> Relations { get; }

    /// <summary>
    /// Gets the other parameters (<c>title</c>, <c>type</c>, <c>hreflang</c>, …) by lower-cased name, unquoted;
    /// an extended <c>title*</c> is decoded and also given as <c>title</c> when no plain one is present.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Gets the <c>title</c> parameter, or <see langword="null"/>.</summary>
    public string? Title => Parameters.GetValueOrDefault("title");

    /// <summary>Gets the <c>type</c> parameter (the target's media type hint), or <see langword="null"/>.</summary>
    public string? Type => Parameters.GetValueOrDefault("type");

    /// <summary>Returns the link as <c>&lt;target&gt;; rel="…"</c>.</summary>
    public override string ToString() => $"<{Target}>; rel=\"{string.Join(' ', Relations)}\"";
}
