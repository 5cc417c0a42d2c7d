using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Responses.Negotiation;

/// <summary>
/// JSON through System.Text.Json, straight to and from the body's pipe. Without explicit options it uses the
/// application's <see cref="Microsoft.AspNetCore.Http.Json.JsonOptions"/>, so it writes what <c>Results.Json</c> writes.
/// </summary>
internal sealed class JsonContentConverter : IContentConverter, IRequiresServices
{
    private static readonly string[] JsonMediaTypes = ["application/json"];

    private JsonSerializerOptions? _options;

    /// <param name="options">The serializer options, or null for the application's <c>JsonOptions</c>.</param>
    public JsonContentConverter(JsonSerializerOptions? options)
    {
        if (options is not null)
        {
            // Read-only options resolve type contracts once and cache them: required for an allocation-free CanWrite.
            options.MakeReadOnly(populateMissingResolver: true);
            _options = options;
        }
    }

    public IReadOnlyList<string> MediaTypes => JsonMediaTypes;

    /// <remarks>JSON is UTF-8 (RFC 8259, section 8.1): <c>Accept-Charset</c> does not change it.</remarks>
    public IReadOnlyList<Encoding> SupportedEncodings => ContentEncodings.Utf8Only;

    internal JsonSerializerOptions Options => _options ?? JsonSerializerOptions.Web;

    public void Initialize(IServiceProvider services)
    {
        if (_options is null)
        {
            var options = services.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions
                ?? JsonSerializerOptions.Web;
            options.MakeReadOnly(populateMissingResolver: true);
            _options = options;
        }
    }

    public bool CanWrite(HttpContext httpContext, Type type) => Options.TryGetTypeInfo(type, out _);

    public bool CanRead(Type type) => Options.TryGetTypeInfo(type, out _);

    public ValueTask WriteAsync(ContentWriteContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = Options;
        var typeInfo = options.GetTypeInfo(context.DeclaredType);

        // As Results.Json does: a value whose runtime type is more derived than its declared type is written with its
        // runtime contract, unless the declared contract already handles polymorphism.
        if (context.Value is { } value
            && value.GetType() is var runtimeType
            && runtimeType != typeInfo.Type
            && !typeInfo.Type.IsSealed
            && !typeInfo.Type.IsValueType
            && typeInfo.PolymorphismOptions is null
            && options.TryGetTypeInfo(runtimeType, out var runtimeInfo))
        {
            typeInfo = runtimeInfo;
        }

        return new ValueTask(JsonSerializer.SerializeAsync(context.HttpContext.Response.BodyWriter, context.Value, typeInfo, cancellationToken));
    }

    public async ValueTask<object?> ReadAsync(ContentReadContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var typeInfo = Options.GetTypeInfo(context.TargetType);
        try
        {
            if (context.Encoding is null || context.Encoding.CodePage == Encoding.UTF8.CodePage)
            {
                return await JsonSerializer.DeserializeAsync(context.BodyReader, typeInfo, cancellationToken);
            }

            // System.Text.Json reads UTF-8 only; a body in another charset is transcoded as it streams.
            await using var utf8 = Encoding.CreateTranscodingStream(context.Body, context.Encoding, Encoding.UTF8, leaveOpen: true);
            return await JsonSerializer.DeserializeAsync(utf8, typeInfo, cancellationToken);
        }
        catch (JsonException e)
        {
            throw CreateMalformedException(e, typeInfo);
        }
    }

    private static ContentReceiveException CreateMalformedException(JsonException e, JsonTypeInfo root)
    {
        var targetType = root.Type;
        // The serializer's message ends with "Path: ... | LineNumber: ... | BytePositionInLine: ..."; those are reported
        // as separate, 1-based fields instead.
        var reason = e.Message;
        var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        if (cut >= 0)
        {
            reason = reason[..cut];
        }

        var where = new StringBuilder();
        if (!string.IsNullOrEmpty(e.Path))
        {
            where.Append($" at '{e.Path}'");
        }

        if (e.LineNumber is { } line)
        {
            where.Append($" (line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1})");
        }

        // The serializer names the containing type when a constructor parameter fails; say what the value should be.
        var expected = e.InnerException is not JsonException && ExpectedTypeAt(root, e.Path) is { } type
            ? $" (expected {FriendlyName(type)})"
            : string.Empty;

        return new ContentReceiveException(
            $"The request body is not valid JSON for {targetType.Name}{where}: {reason.TrimEnd('.')}{expected}. Fix the body and send it again.",
            e)
        {
            Path = string.IsNullOrEmpty(e.Path) ? null : e.Path,
            LineNumber = e.LineNumber + 1,
            LinePosition = e.BytePositionInLine + 1,
        };
    }

    /// <summary>Walks a JSON path (<c>$.lines[1].sku</c>, <c>$['a b']</c>) through the contracts to the type expected there.</summary>
    internal static Type? ExpectedTypeAt(JsonTypeInfo root, string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return null;
        }

        var current = root;
        var i = 1;
        while (i < path.Length)
        {
            string? name = null;
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                name = path[(i + 1)..end];
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                name = path[(i + 2)..end];
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || current.ElementType is null)
                {
                    return null;
                }

                current = current.Options.GetTypeInfo(current.ElementType);
                i = end + 1;
                continue;
            }
            else
            {
                return null;
            }

            var property = current.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }

            current = current.Options.GetTypeInfo(property.PropertyType);
        }

        return current == root ? null : current.Type;
    }

    private static string FriendlyName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? underlying.Name + "?" : type.Name;
}
