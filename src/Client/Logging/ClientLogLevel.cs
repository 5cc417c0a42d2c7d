namespace Herald.Client;

/// <summary>How much the logging middleware writes about each request (Ktor's <c>LogLevel</c>, clj-http's <c>:debug</c>).</summary>
public enum ClientLogLevel
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>One line per hop: method, URL, status and elapsed time (or the failure).</summary>
    Info,

    /// <summary><see cref="Info"/> plus request and response headers, secrets redacted.</summary>
    Headers,

    /// <summary><see cref="Headers"/> plus request and response bodies up to <see cref="ClientLoggingOptions.MaxLoggedBodyBytes"/>: text as text, anything else described by type and size.</summary>
    Body,
}
