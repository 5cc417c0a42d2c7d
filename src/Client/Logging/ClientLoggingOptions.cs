using Herald.Client.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Client;

/// <summary>
/// Configures the logging and interceptor middleware (<see cref="HeraldMiddleware.Logging"/>): logs each hop through
/// <see cref="ILogger"/> at the chosen <see cref="Level"/>, saves the request as sent when asked, and runs request and
/// response interceptors (clj-http's <c>:debug</c> and <c>:save-request?</c>, Ktor's <c>Logging</c>).
/// </summary>
/// <remarks>
/// <para>The middleware sits innermost, just above the transport, so it sees every hop (each redirect, each retry
/// after a 401) with the headers all other middleware added, and each raw response before decompression.</para>
/// <para>Everything is logged at <see cref="LogLevel.Information"/> (failures at <see cref="LogLevel.Warning"/>)
/// under the category <see cref="CategoryName"/>; <see cref="Level"/> picks the detail. The values of the headers in
/// <see cref="RedactedHeaders"/> and the user-info of URLs are never written, nor query strings unless
/// <see cref="LogQueryStrings"/> says so. Bodies are logged as they pass: a request
/// body as the transport sends it and a response body as the caller reads it, copying at most
/// <see cref="MaxLoggedBodyBytes"/> and never reading a stream the caller needs. Body logging writes what bodies say,
/// passwords in forms included: keep it for debugging.</para>
/// </remarks>
public sealed class ClientLoggingOptions
{
    private readonly HeraldClientOptions? _client;

    /// <summary>Creates options whose clock, unless set, is <see cref="System.TimeProvider.System"/>.</summary>
    public ClientLoggingOptions()
    {
    }

    /// <summary>Creates the options of <paramref name="client"/>, whose clock they use unless they have their own.</summary>
    internal ClientLoggingOptions(HeraldClientOptions client) => _client = client;

    /// <summary>The logger category used when <see cref="LoggerFactory"/> creates the logger: <c>Herald.Client</c>.</summary>
    public const string CategoryName = "Herald.Client";

    /// <summary>Gets or sets how much is logged per hop.</summary>
    /// <value>The default value is <see cref="ClientLogLevel.Info"/>, which writes nothing until a logger is set.</value>
    public ClientLogLevel Level { get; set; } = ClientLogLevel.Info;

    /// <summary>Gets or sets the logger. It wins over <see cref="LoggerFactory"/>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="LoggerFactory"/>, else nothing is logged.</value>
    public ILogger? Logger { get; set; }

    /// <summary>Gets or sets the factory that creates the logger (category <see cref="CategoryName"/>) when <see cref="Logger"/> is not set.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Gets the headers whose values are replaced by <c>[redacted]</c> in logs (case-insensitive). Add your API-key
    /// headers; remove one only to debug it.
    /// </summary>
    /// <value>The default value is <c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c> and <c>Set-Cookie</c>.</value>
    public ISet<string> RedactedHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization",
        "Proxy-Authorization",
        "Cookie",
        "Set-Cookie",
    };

    /// <summary>
    /// Gets or sets whether URLs in logs and in exception messages show their query string. When
    /// <see langword="false"/>, a query is shown as <c>?*</c>, as .NET's own <c>HttpClient</c> logging does: query strings
    /// often carry API keys, tokens and signatures. User-info is never shown; the exceptions' <c>RequestUri</c>
    /// properties always hold the whole URL.
    /// </summary>
    /// <value>
    /// The default value is <see langword="false"/>, unless the process turned .NET's URL redaction off with the
    /// <c>System.Net.Http.DisableUriRedaction</c> switch (or <c>DOTNET_SYSTEM_NET_HTTP_DISABLEURIREDACTION</c>).
    /// </value>
    public bool LogQueryStrings { get; set; } = DisplayUrl.QueryShownByDefault;

    /// <summary>Gets or sets the most bytes of each body written to the log at <see cref="ClientLogLevel.Body"/>.</summary>
    /// <value>The default value is 4096.</value>
    public int MaxLoggedBodyBytes { get; set; } = 4096;

    /// <summary>
    /// Gets or sets whether each hop's request is recorded as sent (method, URL, version, headers after all middleware,
    /// the first <see cref="MaxSavedBodyBytes"/> of the body, and the time to the response headers) and exposed as
    /// <see cref="HeraldResponse.SentRequest"/>. A single request can ask with
    /// <see cref="LoggingRequestExtensions.SaveRequest(HeraldRequest, bool)"/>.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool SaveRequest { get; set; }

    /// <summary>Gets or sets the most bytes of a request body kept by <see cref="SaveRequest"/>.</summary>
    /// <value>The default value is 65536.</value>
    public int MaxSavedBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Gets the request interceptors, run in order on every hop just before it goes to the transport. They may change
    /// the request (headers, options); what they add is logged and saved. An exception fails the call.
    /// </summary>
    /// <value>The default value is an empty list.</value>
    public IList<Func<HttpRequestMessage, CancellationToken, ValueTask>> RequestInterceptors { get; } = [];

    /// <summary>
    /// Gets the response interceptors, run in order on every hop's response as it arrives (headers read, body not yet),
    /// before any other middleware sees it. An exception fails the call.
    /// </summary>
    /// <value>The default value is an empty list.</value>
    public IList<Func<HttpResponseMessage, CancellationToken, ValueTask>> ResponseInterceptors { get; } = [];

    /// <summary>Gets or sets a clock that times each hop, in place of the client's.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: the client's <see cref="HeraldClientOptions.TimeProvider"/>
    /// (<see cref="System.TimeProvider.System"/> for options created on their own).
    /// </value>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>The clock in force: this object's, else the client's, else the system's.</summary>
    internal TimeProvider EffectiveTimeProvider => TimeProvider ?? _client?.TimeProvider ?? System.TimeProvider.System;

    /// <summary>Adds a request interceptor (see <see cref="RequestInterceptors"/>).</summary>
    /// <param name="interceptor">Runs on each hop's request.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="interceptor"/> is <see langword="null"/>.</exception>
    public ClientLoggingOptions OnRequest(Func<HttpRequestMessage, CancellationToken, ValueTask> interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        RequestInterceptors.Add(interceptor);
        return this;
    }

    /// <summary>Adds a response interceptor (see <see cref="ResponseInterceptors"/>).</summary>
    /// <param name="interceptor">Runs on each hop's response.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="interceptor"/> is <see langword="null"/>.</exception>
    public ClientLoggingOptions OnResponse(Func<HttpResponseMessage, CancellationToken, ValueTask> interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        ResponseInterceptors.Add(interceptor);
        return this;
    }

    /// <summary>Returns <see cref="Logger"/>, else a logger from <see cref="LoggerFactory"/>, else the null logger.</summary>
    internal ILogger ResolveLogger() => Logger ?? LoggerFactory?.CreateLogger(CategoryName) ?? NullLogger.Instance;
}
