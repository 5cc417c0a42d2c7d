namespace Herald.Client.Internal;

/// <summary>
/// The checked targets of a load balancer or failover middleware, and how a call's URL is moved onto each of them:
/// the part of the URL after the client's base address (or after the target it was written against) is appended to
/// the target, so every attempt sends the same path and query.
/// </summary>
internal sealed class TargetList
{
    // As in UrlResolver: a URL built with canonicalization off must stay byte for byte what it was.
    private static readonly UriCreationOptions Exact = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly Uri[] _targets;

    private TargetList(Uri[] targets) => _targets = targets;

    /// <summary>Gets the targets, each an absolute http(s) URL whose path ends with <c>/</c>.</summary>
    public IReadOnlyList<Uri> Targets => _targets;

    /// <summary>Gets the number of targets.</summary>
    public int Count => _targets.Length;

    /// <summary>Gets the target at <paramref name="index"/>.</summary>
    public Uri this[int index] => _targets[index];

    /// <summary>Checks and copies <paramref name="targets"/>; <paramref name="property"/> names them in messages.</summary>
    /// <exception cref="ArgumentException">Thrown when there is no target or one is not a usable base URL.</exception>
    public static TargetList From(IEnumerable<Uri?> targets, string property)
    {
        var checkedTargets = new List<Uri>();
        foreach (var target in targets)
        {
            checkedTargets.Add(Normalize(target, property));
        }

        if (checkedTargets.Count == 0)
        {
            throw new ArgumentException(
                $"{property} is empty: add at least one base URL, e.g. new Uri(\"https://a.example.com:8080/api/\").", property);
        }

        return new TargetList([.. checkedTargets]);
    }

    /// <summary>
    /// Finds the part of <paramref name="url"/> that stays the same on every target, or returns <see langword="null"/>
    /// when the URL is neither at the origin of <paramref name="baseAddress"/> nor at the origin of a target (an
    /// absolute URL somewhere else, which is sent as it is).
    /// </summary>
    public TargetPath? Locate(Uri url, Uri? baseAddress)
    {
        if (!url.IsAbsoluteUri)
        {
            return null;
        }

        if (baseAddress is { IsAbsoluteUri: true } && TryLocate(url, baseAddress, out var path))
        {
            return path;
        }

        foreach (var target in _targets)
        {
            if (TryLocate(url, target, out path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>Builds the URL of <paramref name="path"/> on <paramref name="target"/>.</summary>
    public static Uri Resolve(Uri target, TargetPath path)
    {
        var prefix = path.UnderBase ? target.AbsolutePath : "/";
        var text = string.Concat(target.GetLeftPart(UriPartial.Authority), prefix, path.Rest);
        var uri = new Uri(text);
        var pathAndQuery = string.Concat(prefix, path.Rest);
        if (!string.Equals(uri.PathAndQuery, pathAndQuery, StringComparison.Ordinal) && Uri.TryCreate(text, in Exact, out var exact))
        {
            return exact;
        }

        return uri;
    }

    private static bool TryLocate(Uri url, Uri reference, out TargetPath path)
    {
        path = default;
        if (!SameOrigin(url, reference))
        {
            return false;
        }

        // PathAndQuery, not GetComponents: URIs built with canonicalization off refuse the latter (see DisplayUrl).
        var pathAndQuery = url.PathAndQuery;
        var directory = Directory(reference.AbsolutePath);
        path = pathAndQuery.StartsWith(directory, StringComparison.Ordinal)
            ? new TargetPath(true, pathAndQuery[directory.Length..])
            : new TargetPath(false, pathAndQuery.TrimStart('/')); // "/health" written against the origin stays origin-relative
        return true;
    }

    // Ktor's DefaultRequest rule: a relative URL replaces the base's last segment, so the base's "directory" is kept.
    private static string Directory(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "/" : path[..(slash + 1)];
    }

    private static Uri Normalize(Uri? target, string property)
    {
        if (target is null)
        {
            throw new ArgumentException($"{property} contains null; every target must be an absolute http or https URL.", property);
        }

        if (!target.IsAbsoluteUri || target.Scheme is not ("http" or "https") || target.IdnHost.Length == 0)
        {
            throw new ArgumentException(
                $"{property} contains '{target.OriginalString}', which is not an absolute http or https URL with a host; give a base URL such as https://a.example.com:8080/api/.",
                property);
        }

        if (target.UserInfo.Length > 0)
        {
            throw new ArgumentException(
                $"{property} contains a URL with user-info ({target.Scheme}://…@{target.Authority}); targets carry no credentials: set them in HeraldClientOptions.Auth.",
                property);
        }

        if (target.Query.Length > 0 || target.Fragment.Length > 0)
        {
            throw new ArgumentException(
                $"{property} contains '{target.GetLeftPart(UriPartial.Path)}' with a query or fragment; a target is a base URL: the request supplies the query.",
                property);
        }

        // A target is a base that requests are written under: "https://a/api" means "https://a/api/".
        return target.AbsolutePath.EndsWith('/') ? target : new Uri(target.GetLeftPart(UriPartial.Path) + "/");
    }

    internal static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
