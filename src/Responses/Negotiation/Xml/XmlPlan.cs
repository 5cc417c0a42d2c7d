using System.Xml;

namespace Herald.Responses.Negotiation;

/// <summary>How one .NET type is written to and read from an XML element; built once per type by <see cref="XmlPlans"/>.</summary>
internal abstract class XmlPlan
{
    /// <summary>The document element's name when this type is the whole body.</summary>
    public abstract string RootName { get; }

    /// <summary>Writes <paramref name="value"/> as the element <paramref name="elementName"/> (nil when null).</summary>
    public abstract void Write(XmlWriter writer, string elementName, object? value, int depth);

    /// <summary>Writes <paramref name="value"/> as the whole document.</summary>
    public virtual void WriteRoot(XmlWriter writer, object? value) => Write(writer, RootName, value, 0);

    /// <summary>
    /// Writes <paramref name="value"/> as the element <paramref name="elementName"/>, letting <paramref name="flusher"/>
    /// push the output to the connection between elements. By default the element is written whole, then flushed if
    /// enough has gathered; plans that hold many elements (sequences, objects) override this to flush inside.
    /// </summary>
    public virtual ValueTask WriteAsync(XmlWriter writer, string elementName, object? value, int depth, XmlFlusher flusher)
    {
        Write(writer, elementName, value, depth);
        return flusher.FlushIfNeededAsync();
    }

    /// <summary>Writes <paramref name="value"/> as the whole document, flushing between elements.</summary>
    public virtual ValueTask WriteRootAsync(XmlWriter writer, object? value, XmlFlusher flusher) =>
        WriteAsync(writer, RootName, value, 0, flusher);

    /// <summary>
    /// Refuses to write deeper than <see cref="XmlContentConverter.MaxDepth"/>: an object graph with a cycle would
    /// otherwise recurse until the process dies. (XmlSerializer detects cycles itself; Herald's mapping does it here.)
    /// </summary>
    protected static void ThrowIfTooDeep(int depth, string elementName)
    {
        if (depth > XmlContentConverter.MaxDepth)
        {
            throw new InvalidOperationException(
                $"Cannot write '{elementName}' as XML: the value nests deeper than {XmlContentConverter.MaxDepth} levels, which usually means an object refers back to itself. Break the cycle or return a flatter type.");
        }
    }

    /// <summary>Reads the element the reader is on, through its end tag.</summary>
    public abstract object? Read(XmlReader reader, int depth);

    /// <summary>Reads the document element.</summary>
    public virtual object? ReadRoot(XmlReader reader) => Read(reader, 0);

    internal const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Writes <c>&lt;name xsi:nil="true"/&gt;</c>, the XmlSerializer convention for null.</summary>
    protected static void WriteNil(XmlWriter writer, string elementName)
    {
        writer.WriteStartElement(elementName);
        writer.WriteAttributeString("xsi", "nil", XsiNamespace, "true");
        writer.WriteEndElement();
    }

    /// <summary>Consumes a nil element and returns true, or returns false for any other element.</summary>
    protected static bool TryReadNil(XmlReader reader)
    {
        if (reader.GetAttribute("nil", XsiNamespace) is { } nil && nil.Trim() is "true" or "1")
        {
            reader.Skip();
            return true;
        }

        return false;
    }

    /// <summary>An exception for a body whose XML is well-formed but does not fit the type, located at the reader.</summary>
    protected static ContentReceiveException Malformed(XmlReader reader, string problem, Exception? inner = null)
    {
        var info = reader as IXmlLineInfo;
        return Malformed(info?.LineNumber ?? 0, info?.LinePosition ?? 0, problem, inner);
    }

    /// <summary>An exception for a body whose XML does not fit the type, at a known line and position.</summary>
    protected internal static ContentReceiveException Malformed(int line, int position, string problem, Exception? inner = null)
    {
        var where = line > 0 ? $" (line {line}, position {position})" : string.Empty;
        return new ContentReceiveException($"The request body's XML could not be read{where}: {problem}", inner)
        {
            LineNumber = line > 0 ? line : null,
            LinePosition = line > 0 ? position : null,
        };
    }
}
