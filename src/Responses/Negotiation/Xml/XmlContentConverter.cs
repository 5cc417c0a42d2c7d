using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Herald.Responses.Negotiation;

/// <summary>
/// XML through the BCL's <c>XmlSerializer</c>, with Herald's own mapping for what it cannot construct (positional
/// records). Writes straight into the response pipe, flushing it every 32 KiB or so between elements, so a large body
/// streams with the connection's back-pressure; reads a buffered body with DTDs prohibited and nesting bounded.
/// </summary>
/// <remarks>
/// Flushing happens between elements of sequences (arrays, lists, any <c>IEnumerable&lt;T&gt;</c>) and of Herald's
/// record mapping. A single object that XmlSerializer writes itself (a class with a parameterless constructor) is
/// written whole before the next flush, so a huge list held inside such an object is buffered; return the list, or a
/// record that holds it, to stream it.
/// </remarks>
internal sealed class XmlContentConverter : IContentConverter
{
    /// <summary>The deepest element nesting accepted in a request body, as System.Text.Json's default <c>MaxDepth</c>.</summary>
    internal const int MaxDepth = 64;

    private const int MemoryBufferThreshold = 32 * 1024;

    private static readonly string[] XmlMediaTypes = ["application/xml", "text/xml"];

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        // No DTDs and no external resolution: no entity expansion bombs, no XXE.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    public IReadOnlyList<string> MediaTypes => XmlMediaTypes;

    public IReadOnlyList<Encoding> SupportedEncodings => ContentEncodings.Text;

    public bool CanWrite(HttpContext httpContext, Type type) => XmlPlans.Get(type) is not null;

    public bool CanRead(Type type) => XmlPlans.Get(type) is not null;

    public async ValueTask WriteAsync(ContentWriteContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plan = PlanFor(context.DeclaredType, context.Value);
        var body = context.HttpContext.Response.BodyWriter;
        var settings = new XmlWriterSettings
        {
            // Characters the chosen charset cannot hold are written as character references, so nothing is lost.
            Encoding = context.Encoding,
            CloseOutput = false,
        };

        // XmlSerializer and XmlWriter are synchronous: they write into the pipe's buffers without blocking, and the
        // plans flush the pipe asynchronously between elements, so the body never piles up in memory.
        await using (var stream = new BufferWriterStream(body))
        {
            using var writer = XmlWriter.Create(stream, settings);
            await plan.WriteRootAsync(writer, context.Value, new XmlFlusher(writer, stream, body, cancellationToken));
        }

        await body.FlushAsync(cancellationToken);
    }

    public async ValueTask<object?> ReadAsync(ContentReadContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plan = XmlPlans.Get(context.TargetType)
            ?? throw new InvalidOperationException($"{context.TargetType} cannot be read from XML.");

        // The BCL's XML readers are synchronous and Kestrel forbids synchronous body reads, so the body is buffered
        // first (in memory up to 32 KiB, then a temporary file); the server's request size limit still applies.
        await using var buffered = new FileBufferingReadStream(context.Body, MemoryBufferThreshold, bufferLimit: null, Path.GetTempPath());
        await buffered.DrainAsync(cancellationToken);

        buffered.Position = 0;
        CheckWellFormed(buffered, context.Encoding);
        buffered.Position = 0;
        using var reader = CreateReader(buffered, context.Encoding);
        try
        {
            reader.MoveToContent();
            return plan.ReadRoot(reader);
        }
        catch (XmlException e)
        {
            // Well-formed, but not in the shape the type needs (text where elements belong, and so on).
            throw XmlPlan.Malformed(e.LineNumber, e.LinePosition, $"it does not fit {context.TargetType.Name}: {e.Message}", e);
        }
    }

    private static XmlPlan PlanFor(Type declaredType, object? value)
    {
        // A value more derived than its declared type is written with its own shape, as the JSON converter does.
        if (value is not null && value.GetType() != declaredType && XmlPlans.Get(value.GetType()) is { } runtimePlan)
        {
            return runtimePlan;
        }

        return XmlPlans.Get(declaredType) ?? throw new InvalidOperationException($"{declaredType} cannot be written as XML.");
    }

    private static XmlReader CreateReader(Stream body, Encoding? encoding) =>
        // A charset in Content-Type overrides the document's own declaration (RFC 7303, section 3.2).
        encoding is null
            ? XmlReader.Create(body, ReaderSettings)
            : XmlReader.Create(new StreamReader(body, encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true), ReaderSettings);

    /// <summary>
    /// One cheap pass over the whole document before any object is built: reports syntax errors with their line and
    /// position, and refuses nesting deeper than <see cref="MaxDepth"/>, which would otherwise exhaust the stack of the
    /// recursive readers.
    /// </summary>
    private static void CheckWellFormed(Stream body, Encoding? encoding)
    {
        using var reader = CreateReader(body, encoding);
        try
        {
            while (reader.Read())
            {
                if (reader.Depth > MaxDepth)
                {
                    var info = (IXmlLineInfo)reader;
                    throw XmlPlan.Malformed(info.LineNumber, info.LinePosition, $"elements are nested deeper than {MaxDepth} levels.");
                }
            }
        }
        catch (XmlException e)
        {
            throw XmlPlan.Malformed(e.LineNumber, e.LinePosition, $"it is not well-formed XML: {e.Message}", e);
        }
    }
}
