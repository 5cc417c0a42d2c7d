namespace Herald.Client.Internal;

/// <summary>
/// Decides whether a request body can be sent again (after a 307/308 redirect, a bearer refresh, and later a retry)
/// and, for one that cannot, keeps a copy while it is sent the first time. The one place this is decided, so that
/// every middleware that resends agrees, and a body is copied once however many of them may resend it.
/// </summary>
internal static class BodyReplay
{
    /// <summary>The default of <see cref="HeraldClientOptions.MaxReplayBufferBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxBufferBytes = 1024 * 1024;

    /// <summary>
    /// Whether serializing <paramref name="content"/> again produces the same bytes without a copy: bodies in memory
    /// (string, bytes, form, JSON), a file or stream factory, a seekable stream, a multipart of those.
    /// </summary>
    public static bool CanResend(HttpContent content) => content switch
    {
        ByteArrayContent or ReadOnlyMemoryContent => true,
        System.Net.Http.Json.JsonContent => true, // serializes its value again on every send
        StreamBodyContent stream => stream.CanResend,
        MultipartContent parts => parts.All(CanResend),
        _ => false,
    };

    /// <summary>
    /// Makes sure the body of <paramref name="request"/> can be sent again once it has been sent in full: a body that
    /// cannot be resent as it is gets wrapped in a <see cref="ReplayableContent"/> that keeps a copy of up to
    /// <paramref name="limit"/> bytes while it streams. A body already wrapped is left as it is, so it is never copied
    /// twice.
    /// </summary>
    public static void Prepare(HttpRequestMessage request, long limit)
    {
        if (request.Content is { } content && content is not ReplayableContent && !CanResend(content))
        {
            request.Content = new ReplayableContent(content, limit);
        }
    }

    /// <summary>Whether <paramref name="content"/> can be sent now, again: resendable as it is, or copied whole during the last send.</summary>
    public static bool CanSendAgain(HttpContent? content) => content switch
    {
        null => true,
        ReplayableContent copy => copy.CanReplay,
        _ => CanResend(content),
    };
}
