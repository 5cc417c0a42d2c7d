using System.Text;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Thrown when no target of a load balancer (<see cref="LoadBalancingClientOptionsExtensions.AddLoadBalancing"/>) or
/// failover middleware (<see cref="FailoverClientOptionsExtensions.AddFailover"/>) served a call. The message and
/// <see cref="Failures"/> list every target with its error, in the order they were tried.
/// </summary>
/// <remarks>
/// It has no <see cref="Exception.InnerException"/>: each target's own exception is in its <see cref="TargetFailure.Exception"/>.
/// <see cref="HttpRequestException.HttpRequestError"/> is the error every transport failure shared, or
/// <see cref="HttpRequestError.Unknown"/>.
/// </remarks>
public sealed class AllTargetsFailedException : HttpRequestException
{
    internal AllTargetsFailedException(HttpMethod method, Uri requestUri, IReadOnlyList<TargetFailure> failures, bool showQuery)
        : base(CommonError(failures), Describe(method, requestUri, failures, showQuery), inner: null)
    {
        Method = method;
        RequestUri = requestUri;
        Failures = failures;
    }

    /// <summary>Gets the method of the call.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the URL of the call as the client built it, before it was moved onto each target.</summary>
    public Uri RequestUri { get; }

    /// <summary>Gets every target with its error, in the order they were tried (untried ones last).</summary>
    public IReadOnlyList<TargetFailure> Failures { get; }

    private static HttpRequestError CommonError(IReadOnlyList<TargetFailure> failures)
    {
        HttpRequestError? common = null;
        foreach (var failure in failures)
        {
            if (failure.Exception is not HttpRequestException { HttpRequestError: var error } || (common is { } seen && seen != error))
            {
                return HttpRequestError.Unknown;
            }

            common = error;
        }

        return common ?? HttpRequestError.Unknown;
    }

    private static string Describe(HttpMethod method, Uri requestUri, IReadOnlyList<TargetFailure> failures, bool showQuery)
    {
        var text = new StringBuilder();
        text.Append(method.Method).Append(' ').Append(DisplayUrl.Of(requestUri, showQuery))
            .Append(" failed on every target (").Append(failures.Count).Append("): ");
        for (var i = 0; i < failures.Count; i++)
        {
            if (i > 0)
            {
                text.Append("; ");
            }

            text.Append(DisplayUrl.Of(failures[i].Target, showQuery)).Append(" → ").Append(failures[i].Reason);
        }

        text.Append(
            failures.Any(f => f.Kind == TargetFailureKind.MayHaveBeenProcessed)
                ? $". {method.Method} is not idempotent and the request may have been processed, so it was not sent to another "
                  + "target; if it is safe to send twice (it carries an idempotency key, say), mark it with request.Retry()."
                : failures.Any(f => f.Kind == TargetFailureKind.BodyNotReplayable)
                    ? ". The body could not be sent to another target: send it as bytes, a file or a stream factory "
                      + "(request.Body(() => Open())), or raise HeraldClientOptions.MaxReplayBufferBytes."
                    : ". Check that the targets are up and reachable, or add targets.");
        return text.ToString();
    }
}
