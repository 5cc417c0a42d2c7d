namespace Herald.Client;

/// <summary>Status code sets used to decide whether a response is an error.</summary>
public static class HeraldStatus
{
    /// <summary>
    /// Returns whether <paramref name="status"/> is in clj-http's unexceptional set: 200–207, 300–304, 307 and 308.
    /// The default of <see cref="HeraldClientOptions.IsSuccessStatus"/>; compose it to widen or narrow the set, e.g.
    /// <c>s =&gt; HeraldStatus.IsUnexceptional(s) || s == 404</c>.
    /// </summary>
    public static bool IsUnexceptional(int status) => status is (>= 200 and <= 207) or (>= 300 and <= 304) or 307 or 308;
}
