using System.Net.Sockets;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// What load balancing and failover share: each attempt of a call is a fresh message, with every header and option
/// of the call, sent to the call's path and query on one target, through every middleware below (redirects, auth,
/// cookies, …) as if the call had been written against that target. The subclasses decide where a call starts, which
/// responses move it on, and whether to wait in between.
/// </summary>
/// <remarks>
/// A call whose URL is neither under the base address nor at a target's origin (an absolute URL elsewhere) is sent
/// as it is, once: it is not the balanced service's. Only failures before the response headers arrive move a call on;
/// once a response has begun it belongs to the caller (its body may be streaming to them).
/// <para>A call that is not idempotent (POST, PATCH, …) and not marked with
/// <see cref="ResilienceRequestExtensions.Retry(HeraldRequest, int?)"/> moves on after a transport failure only when the
/// request provably never left (see <see cref="TargetResend"/>); after any other failure (a reset, a timeout) the
/// target may have processed it, so the remaining targets are not tried. A failover status moves any call on, as in
/// Ballerina: the target answered, and 501 or 503 say it did not act; a 502 or 504 from a gateway may come after the
/// service behind it acted, which is why those statuses can be taken out of <see cref="FailoverOptions.FailoverStatusCodes"/>.</para>
/// </remarks>
internal abstract class TargetsHandler : DelegatingHandler
{
    private readonly TargetList _targets;
    private readonly TimeSpan _attemptTimeout;
    private readonly string _attemptTimeoutName;

    protected TargetsHandler(TargetList targets, TimeSpan attemptTimeout, string attemptTimeoutName, TimeProvider time)
    {
        _targets = targets;
        _attemptTimeout = attemptTimeout;
        _attemptTimeoutName = attemptTimeoutName;
        Time = time;
    }

    /// <summary>Gets the targets.</summary>
    protected TargetList Targets => _targets;

    /// <summary>Gets the client's clock.</summary>
    protected TimeProvider Time { get; }

    /// <summary>Whether a transport failure moves the call on; when not, it is thrown as it is.</summary>
    protected virtual bool FailOverOnTransportError => true;

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Herald's load-balancing and failover middleware is asynchronous: send with SendAsync.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var exchange = HeraldExchange.Of(request);
        var path = request.RequestUri is { } url ? _targets.Locate(url, exchange.CallBaseAddress()) : null;
        if (path is not { } targetPath)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // A read-once stream keeps a copy while it is first sent, so that another target can get it too (once, even
        // when redirects or a bearer refresh below want one as well).
        BodyReplay.Prepare(request, exchange.MaxReplayBufferBytes);
        var failures = new List<TargetFailure>();
        var mayRepeat = TargetResend.MayRepeat(request);
        var count = _targets.Count;
        var first = FirstTarget();
        for (var i = 0; i < count; i++)
        {
            var index = (first + i) % count;
            var target = _targets[index];
            if (i > 0)
            {
                if (!CanSendBody(request.Content))
                {
                    for (var j = i; j < count; j++)
                    {
                        failures.Add(new TargetFailure(
                            _targets[(first + j) % count],
                            TargetFailureKind.BodyNotReplayable,
                            "not tried: the body is a stream that can be read once only, it was already sent, and no whole copy "
                            + $"was kept (it is larger than HeraldClientOptions.MaxReplayBufferBytes, {exchange.MaxReplayBufferBytes} bytes, or was not sent in full)"));
                    }

                    break;
                }

                await BeforeNextTargetAsync(cancellationToken).ConfigureAwait(false);
            }

            var attemptUrl = TargetList.Resolve(target, targetPath);
            var attempt = CreateAttempt(request, attemptUrl);
            exchange.BeginTargetAttempt(target);

            // Framework credentials scoped per call follow the call to the origin it now starts at.
            ScopedCredentials.EnterCall(attemptUrl);
            HttpResponseMessage response;
            try
            {
                response = await SendAttemptAsync(attempt, target, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransportFailure(ex))
            {
                if (!FailOverOnTransportError)
                {
                    throw;
                }

                var kind = FailureKinds.IsTimeout(ex) ? TargetFailureKind.Timeout : TargetFailureKind.Transport;
                failures.Add(new TargetFailure(target, kind, Describe(ex), ex));
                if (!mayRepeat && !TargetResend.NeverLeft(ex, attempt.Content))
                {
                    for (var j = i + 1; j < count; j++)
                    {
                        failures.Add(new TargetFailure(
                            _targets[(first + j) % count],
                            TargetFailureKind.MayHaveBeenProcessed,
                            $"not tried: {request.Method.Method} is not idempotent and the request had reached "
                            + $"{target.GetLeftPart(UriPartial.Authority)}, which may have processed it"));
                    }

                    break;
                }

                continue;
            }

            if (FailsOver(response))
            {
                var status = (int)response.StatusCode;
                failures.Add(new TargetFailure(target, TargetFailureKind.Status, $"{status} {response.ReasonPhrase}".TrimEnd(), status: status));

                // The response is not the caller's: free its connection now.
                response.Dispose();
                continue;
            }

            Served(index);
            exchange.FailedTargets = failures.Count == 0 ? null : failures;
            return response;
        }

        exchange.Target = null;
        exchange.FailedTargets = failures;
        throw new AllTargetsFailedException(request.Method, request.RequestUri!, failures, exchange.ShowQuery);
    }

    /// <summary>Returns the index of the target a call starts at.</summary>
    protected abstract int FirstTarget();

    /// <summary>Whether <paramref name="response"/> moves the call on to the next target.</summary>
    protected virtual bool FailsOver(HttpResponseMessage response) => false;

    /// <summary>Called with the index of the target that served a call.</summary>
    protected virtual void Served(int index)
    {
    }

    /// <summary>Runs between two attempts (a failover interval).</summary>
    protected virtual Task BeforeNextTargetAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage attempt, Uri target, CancellationToken cancellationToken)
    {
        if (_attemptTimeout == Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(attempt, cancellationToken).ConfigureAwait(false);
        }

        using var deadline = new CancellationTokenSource(_attemptTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await base.SendAsync(attempt, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No response from {target.GetLeftPart(UriPartial.Authority)} within {_attemptTimeout.TotalSeconds:0.###} s ({_attemptTimeoutName}).", ex);
        }
    }

    /// <summary>Builds one attempt: a fresh message with the call's method, version, headers, body and every option.</summary>
    private static HttpRequestMessage CreateAttempt(HttpRequestMessage call, Uri url)
    {
        var attempt = new HttpRequestMessage(call.Method, url)
        {
            Version = call.Version,
            VersionPolicy = call.VersionPolicy,
            Content = call.Content,
        };

        // The call's own message is never sent, so its headers are the caller's: nothing below has added to them.
        foreach (var header in call.Headers.NonValidated)
        {
            attempt.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var options = (IDictionary<string, object?>)attempt.Options;
        foreach (var option in call.Options)
        {
            options[option.Key] = option.Value;
        }

        return attempt;
    }

    // A read-once body that never started to go out (the connection was refused) can still be sent once.
    private static bool CanSendBody(HttpContent? content) =>
        BodyReplay.CanSendAgain(content) || content is ReplayableContent { HasStarted: false };

    /// <summary>
    /// Whether <paramref name="exception"/> says the target could not be reached or did not answer, rather than that
    /// it answered (a redirect refused, a 401 that could not be retried) or that the call was wrong.
    /// </summary>
    private static bool IsTransportFailure(Exception exception) => exception switch
    {
        HeraldRedirectException or HeraldHttpException or AllTargetsFailedException => false,
        HttpRequestException { StatusCode: not null } => false,
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    private static string Describe(Exception exception)
    {
        var text = new System.Text.StringBuilder();
        if (exception is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown and var kind })
        {
            text.Append(kind).Append(": ");
        }

        // The framework's outer message is often generic ("An error occurred while sending the request."); the inner
        // ones say what happened ("The response ended prematurely."). They name an endpoint at most, never a URL.
        text.Append(exception.Message.TrimEnd('.'));
        var depth = 0;
        for (var inner = exception.InnerException; inner is not null && depth < 3; inner = inner.InnerException, depth++)
        {
            if (inner is not OperationCanceledException) // "A task was canceled" under a timeout says nothing more
            {
                text.Append(" (").Append(inner.Message.TrimEnd('.')).Append(')');
            }
        }

        return text.ToString();
    }
}
