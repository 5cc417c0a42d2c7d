using Herald.Responses.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Responses;

/// <summary>Validates and applies a status code with an optional reason phrase.</summary>
internal static class StatusLine
{
    /// <summary>Throws when the code is outside 100-999 or the reason phrase cannot appear in a status line.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when the code is outside 100-999.</exception>
    /// <exception cref="ArgumentException">Thrown when the reason phrase holds CR, LF, NUL, another control character or non-ASCII text.</exception>
    public static void Validate(int statusCode, string? reasonPhrase, string statusCodeParamName, string reasonPhraseParamName)
    {
        StatusCodeGuard.ThrowIfOutOfRange(statusCode, statusCodeParamName);
        if (reasonPhrase is null)
        {
            return;
        }

        HeaderValueGuard.ThrowIfInvalid(reasonPhrase, reasonPhraseParamName);
        foreach (var c in reasonPhrase)
        {
            // reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ) (RFC 9112 section 4); Kestrel writes it as ASCII.
            if (c != '\t' && c is < ' ' or > '~')
            {
                throw new ArgumentException(
                    $"The reason phrase '{reasonPhrase}' contains U+{(int)c:X4}; a status line carries printable ASCII only. Use plain ASCII text such as \"I'm a tea pot\".",
                    reasonPhraseParamName);
            }
        }
    }

    /// <summary>Sets the status code and, when given, the reason phrase HTTP/1.1 clients see in the status line.</summary>
    public static void Apply(HttpResponse response, int statusCode, string? reasonPhrase)
    {
        Set(response, statusCode);
        if (reasonPhrase is not null && response.HttpContext.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = reasonPhrase;
        }
    }

    /// <summary>
    /// Sets the status code, dropping a custom reason phrase when the code changes: the server keeps the phrase
    /// across status changes, so <c>Status(418, "I'm a tea pot")</c> followed by a 200 would otherwise be sent as
    /// <c>200 I'm a tea pot</c>. A phrase set for the same code is kept.
    /// </summary>
    public static void Set(HttpResponse response, int statusCode)
    {
        if (response.StatusCode != statusCode
            && response.HttpContext.Features.Get<IHttpResponseFeature>() is { ReasonPhrase: not null } feature)
        {
            feature.ReasonPhrase = null;
        }

        response.StatusCode = statusCode;
    }
}
