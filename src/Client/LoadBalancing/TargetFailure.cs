namespace Herald.Client;

/// <summary>One target that did not serve a call, and why: an entry of <see cref="AllTargetsFailedException.Failures"/> and <see cref="HeraldResponse.FailedTargets"/>.</summary>
public sealed class TargetFailure
{
    internal TargetFailure(Uri target, TargetFailureKind kind, string reason, Exception? exception = null, int? status = null)
    {
        Target = target;
        Kind = kind;
        Reason = reason;
        Exception = exception;
        Status = status;
    }

    /// <summary>Gets the target (a base URL from the options).</summary>
    public Uri Target { get; }

    /// <summary>Gets what kind of failure it was.</summary>
    public TargetFailureKind Kind { get; }

    /// <summary>Gets a short description of the failure, as the exception message shows it.</summary>
    public string Reason { get; }

    /// <summary>Gets the exception of a <see cref="TargetFailureKind.Transport"/> or <see cref="TargetFailureKind.Timeout"/> failure, else <see langword="null"/>.</summary>
    public Exception? Exception { get; }

    /// <summary>Gets the status of a <see cref="TargetFailureKind.Status"/> failure (the response itself was disposed), else <see langword="null"/>.</summary>
    public int? Status { get; }

    /// <summary>Returns <c>target: reason</c>.</summary>
    public override string ToString() => $"{Target.GetLeftPart(UriPartial.Path)}: {Reason}";
}
