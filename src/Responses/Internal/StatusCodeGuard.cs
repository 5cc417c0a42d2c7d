using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Internal;

/// <summary>Argument checks for the status codes results are created with.</summary>
internal static class StatusCodeGuard
{
    /// <summary>Throws when <paramref name="statusCode"/> is not a three-digit HTTP status code (100-999).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when the code is below 100 or above 999.</exception>
    public static void ThrowIfOutOfRange(int statusCode, string paramName)
    {
        if (statusCode is < 100 or > 999)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                statusCode,
                $"{statusCode} is not an HTTP status code: status codes have three digits (100-999), for example 200, 404 or 418.");
        }
    }

    /// <summary>
    /// Throws when a result that sends a body is created with a status whose response cannot carry one
    /// (1xx, 204, 205, 304): the server would otherwise fail while writing, after the endpoint returned.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when the code is outside 100-999.</exception>
    /// <exception cref="ArgumentException">Thrown when the code forbids a body.</exception>
    public static void ThrowIfCannotHaveBody(int statusCode, string paramName)
    {
        ThrowIfOutOfRange(statusCode, paramName);
        if (statusCode is < 200 or 204 or 205 or 304)
        {
            throw new ArgumentException(
                $"A {statusCode} response cannot carry a body. Use Respond.Status({statusCode}) to send the status alone.",
                paramName);
        }
    }

    /// <summary>The status a result with a body answers with: <paramref name="statusCode"/>, or 200 when it is <see langword="null"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when the code is outside 100-999.</exception>
    /// <exception cref="ArgumentException">Thrown when the code forbids a body.</exception>
    public static int BodyStatus(int? statusCode, string paramName)
    {
        var status = statusCode ?? StatusCodes.Status200OK;
        ThrowIfCannotHaveBody(status, paramName);
        return status;
    }
}
