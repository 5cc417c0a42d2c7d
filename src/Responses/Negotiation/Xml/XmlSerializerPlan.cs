using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Serialization;

namespace Herald.Responses.Negotiation;

/// <summary>A type the BCL's <see cref="XmlSerializer"/> handles (public parameterless constructor): it does the work, honouring <c>[XmlElement]</c>, <c>[XmlAttribute]</c> and friends.</summary>
internal sealed partial class XmlSerializerPlan : XmlPlan
{
    private static readonly XmlSerializerNamespaces NoNamespaces = CreateNoNamespaces();

    // XmlSerializer instances built with an XmlRootAttribute are not cached by the framework and each one emits an
    // assembly, so the ones used for nested elements are kept here (bounded by the properties of the app's types).
    private static readonly ConcurrentDictionary<(Type, string), XmlSerializer> Named = new();

    private readonly Type _type;
    private readonly XmlSerializer _root;
    private readonly XmlSerializer? _item;

    private XmlSerializerPlan(Type type, XmlSerializer root, string rootName, XmlSerializer? item)
    {
        _type = type;
        _root = root;
        RootName = rootName;
        _item = item;
    }

    public override string RootName { get; }

    public static XmlSerializerPlan? TryCreate(Type type)
    {
        try
        {
            var serializer = new XmlSerializer(type);
            var mapping = new XmlReflectionImporter().ImportTypeMapping(type);
            var item = string.IsNullOrEmpty(mapping.Namespace) ? CreateItemSerializer(type) : null;
            return new XmlSerializerPlan(type, serializer, mapping.ElementName, item);
        }
        catch (InvalidOperationException)
        {
            // No parameterless constructor (a record), an interface, a dictionary...: another plan, or none, handles it.
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    public override void WriteRoot(XmlWriter writer, object? value) => _root.Serialize(writer, value, NoNamespaces);

    public override ValueTask WriteRootAsync(XmlWriter writer, object? value, XmlFlusher flusher)
    {
        if (_item is null || value is null)
        {
            WriteRoot(writer, value);
            return flusher.FlushIfNeededAsync();
        }

        return WriteItemsAsync(writer, RootName, (System.Collections.IEnumerable)value, flusher);
    }

    public override ValueTask WriteAsync(XmlWriter writer, string elementName, object? value, int depth, XmlFlusher flusher)
    {
        if (_item is null || value is null)
        {
            Write(writer, elementName, value, depth);
            return flusher.FlushIfNeededAsync();
        }

        return WriteItemsAsync(writer, elementName, (System.Collections.IEnumerable)value, flusher);
    }

    /// <summary>
    /// Writes an array or list as XmlSerializer would, but one item at a time, so that a long list is flushed to the
    /// connection as it goes rather than serialized into memory whole. XmlSerializer itself has no such mode.
    /// </summary>
    private async ValueTask WriteItemsAsync(XmlWriter writer, string elementName, System.Collections.IEnumerable items, XmlFlusher flusher)
    {
        writer.WriteStartElement(elementName);
        foreach (var item in items)
        {
            _item!.Serialize(writer, item, NoNamespaces);
            await flusher.FlushIfNeededAsync();
        }

        writer.WriteEndElement();
        await flusher.FlushIfNeededAsync();
    }

    /// <summary>
    /// For <c>T[]</c> and <c>List&lt;T&gt;</c>, a serializer for one item under the element name XmlSerializer gives
    /// the items of such a list: the item type's XML type name (its <c>[XmlType]</c> name, or the XML Schema name of a
    /// primitive such as <c>string</c> or <c>int</c>). <see langword="null"/> for other types, which are written whole.
    /// </summary>
    private static XmlSerializer? CreateItemSerializer(Type type)
    {
        var itemType = type.IsArray && type.GetArrayRank() == 1 ? type.GetElementType()
            : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0]
            : null;
        if (itemType is null)
        {
            return null;
        }

        try
        {
            var mapping = new XmlReflectionImporter().ImportTypeMapping(itemType);
            if (string.IsNullOrEmpty(mapping.XsdTypeName) || !string.IsNullOrEmpty(mapping.Namespace))
            {
                return null;
            }

            var nullable = !itemType.IsValueType || Nullable.GetUnderlyingType(itemType) is not null;
            return new XmlSerializer(itemType, new XmlRootAttribute(mapping.XsdTypeName) { IsNullable = nullable });
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public override void Write(XmlWriter writer, string elementName, object? value, int depth) =>
        SerializerFor(elementName).Serialize(writer, value, NoNamespaces);

    public override object? ReadRoot(XmlReader reader) => Deserialize(_root, reader);

    public override object? Read(XmlReader reader, int depth) => Deserialize(SerializerFor(reader.LocalName), reader);

    private XmlSerializer SerializerFor(string elementName) =>
        elementName == RootName ? _root : Named.GetOrAdd((_type, elementName), static key => new XmlSerializer(key.Item1, new XmlRootAttribute(key.Item2)));

    private object? Deserialize(XmlSerializer serializer, XmlReader reader)
    {
        var info = reader as IXmlLineInfo;
        var (line, position) = (info?.LineNumber ?? 0, info?.LinePosition ?? 0);
        try
        {
            return serializer.Deserialize(reader);
        }
        catch (InvalidOperationException e)
        {
            // XmlSerializer says "There is an error in XML document (l, p)." and puts the reason in the inner exception.
            if (e.InnerException is XmlException xml)
            {
                (line, position) = (xml.LineNumber, xml.LinePosition);
            }
            else if (LocationInMessage().Match(e.Message) is { Success: true } match
                     && int.TryParse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var l)
                     && int.TryParse(match.Groups[2].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var p))
            {
                (line, position) = (l, p);
            }

            var reason = e.InnerException?.Message ?? e.Message;
            throw Malformed(line, position, $"it does not fit {_type.Name}: {reason}", e);
        }
    }

    /// <summary>XmlSerializer's "There is an error in XML document (line, position)." carries the only location it gives.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\((\d+), (\d+)\)")]
    private static partial System.Text.RegularExpressions.Regex LocationInMessage();

    private static XmlSerializerNamespaces CreateNoNamespaces()
    {
        var namespaces = new XmlSerializerNamespaces();
        namespaces.Add(string.Empty, string.Empty);
        return namespaces;
    }
}
