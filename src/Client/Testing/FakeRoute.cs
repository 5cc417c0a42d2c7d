using System.Net;
using System.Text;
using System.Text.Json;

namespace Herald.Client.Testing;

/// <summary>
/// What a <see cref="FakeTransport"/> does for the calls a route matches: answer with a status, headers and body;
/// throw; time out; or never answer until cancelled. Configure it fluently; a route answers 200 with no body until told otherwise.
/// </summary>
public sealed class FakeRoute
{
    private readonly object _gate = new();
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private Func<FakeCall, HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _action;
    private int? _remaining;
    private int _callCount;

    internal FakeRoute(string description, Func<FakeCall, bool> matches, int? times)
    {
        Description = description;
        Matches = matches;
        _remaining = times;
        _action = (_, request, _) => Task.FromResult(Build(request, 200, null, null));
    }

    /// <summary>Gets a description of what the route matches, used in failure messages.</summary>
    public string Description { get; }

    /// <summary>Gets how many calls this route has answered.</summary>
    public int CallCount => Volatile.Read(ref _callCount);

    internal Func<FakeCall, bool> Matches { get; }

    /// <summary>Answers with <paramref name="status"/> and a text body.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="body">The body, or <see langword="null"/> for none.</param>
    /// <param name="contentType">The content type; <c>text/plain; charset=utf-8</c> when a body is given without one.</param>
    /// <returns>This route, for chaining.</returns>
    public FakeRoute Respond(int status, string? body = null, string? contentType = null)
    {
        var bytes = body is null ? null : Encoding.UTF8.GetBytes(body);
        var type = contentType ?? (body is null ? null : "text/plain; charset=utf-8");
        _action = (_, request, _) => Task.FromResult(Build(request, status, bytes, type));
        return this;
    }

    /// <summary>Answers with <paramref name="status"/> and a byte body.</summary>
    /// <returns>This route, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="body"/> is <see langword="null"/>.</exception>
    public FakeRoute Respond(int status, byte[] body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        _action = (_, request, _) => Task.FromResult(Build(request, status, body, contentType));
        return this;
    }

    /// <summary>Answers with <paramref name="value"/> as JSON.</summary>
    /// <returns>This route, for chaining.</returns>
    public FakeRoute RespondJson<T>(T value, int status = 200, JsonSerializerOptions? options = null)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, options ?? JsonSerializerOptions.Web);
        _action = (_, request, _) => Task.FromResult(Build(request, status, bytes, "application/json; charset=utf-8"));
        return this;
    }

    /// <summary>Answers with whatever <paramref name="respond"/> builds for the call.</summary>
    /// <returns>This route, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="respond"/> is <see langword="null"/>.</exception>
    public FakeRoute Respond(Func<FakeCall, HttpResponseMessage> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        _action = (call, request, _) =>
        {
            var response = respond(call);
            response.RequestMessage ??= request;
            return Task.FromResult(response);
        };
        return this;
    }

    /// <summary>Adds a response header (response or content header, routed by name).</summary>
    /// <returns>This route, for chaining.</returns>
    public FakeRoute WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            _headers.Add(new(name, value));
        }

        return this;
    }

    /// <summary>Throws <paramref name="exception"/> as the transport would (e.g. an <see cref="HttpRequestException"/>).</summary>
    /// <returns>This route, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="exception"/> is <see langword="null"/>.</exception>
    public FakeRoute Throw(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _action = (_, _, _) => Task.FromException<HttpResponseMessage>(exception);
        return this;
    }

    /// <summary>Fails at once the way a transport timeout does: a <see cref="TaskCanceledException"/> wrapping a <see cref="TimeoutException"/>.</summary>
    /// <returns>This route, for chaining.</returns>
    public FakeRoute TimeOut()
    {
        _action = (call, _, _) => Task.FromException<HttpResponseMessage>(
            new TaskCanceledException($"The fake transport timed out {call}.", new TimeoutException("The fake transport simulated a timeout.")));
        return this;
    }

    /// <summary>Never answers: the call waits until it is cancelled (by the caller or by the client's timeout).</summary>
    /// <returns>This route, for chaining.</returns>
    public FakeRoute NeverRespond()
    {
        _action = async (_, _, cancellationToken) =>
        {
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
            throw new InvalidOperationException("unreachable");
        };
        return this;
    }

    /// <summary>Limits the route to <paramref name="count"/> calls; after that it matches nothing.</summary>
    /// <returns>This route, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="count"/> is less than 1.</exception>
    public FakeRoute Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _remaining = count;
        }

        return this;
    }

    /// <summary>Returns the description.</summary>
    public override string ToString() => Description;

    /// <summary>Claims one use of the route if it has uses left.</summary>
    internal bool TryClaim()
    {
        lock (_gate)
        {
            if (_remaining is 0)
            {
                return false;
            }

            if (_remaining is { } n)
            {
                _remaining = n - 1;
            }
        }

        Interlocked.Increment(ref _callCount);
        return true;
    }

    internal bool IsExhausted
    {
        get
        {
            lock (_gate)
            {
                return _remaining is 0;
            }
        }
    }

    internal Task<HttpResponseMessage> RunAsync(FakeCall call, HttpRequestMessage request, CancellationToken cancellationToken) =>
        _action(call, request, cancellationToken);

    private HttpResponseMessage Build(HttpRequestMessage request, int status, byte[]? body, string? contentType)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            RequestMessage = request,
            Version = request.Version,
            Content = new ByteArrayContent(body ?? []),
        };
        if (contentType is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        lock (_gate)
        {
            foreach (var (name, value) in _headers)
            {
                if (!response.Headers.TryAddWithoutValidation(name, value))
                {
                    response.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }
        }

        return response;
    }
}
