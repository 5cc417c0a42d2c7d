using System.Collections;
using System.Xml;

namespace Herald.Responses.Negotiation;

/// <summary>
/// An array or list whose items XmlSerializer cannot handle (records): <c>&lt;ArrayOfCustomer&gt;&lt;Customer&gt;…</c>,
/// the shape XmlSerializer gives its own arrays.
/// </summary>
internal sealed class XmlSequencePlan : XmlPlan
{
    private readonly Type _itemType;
    private readonly bool _isArray;
    private readonly string _itemName;
    private readonly Type _listType;

    private XmlSequencePlan(Type itemType, bool isArray)
    {
        _itemType = itemType;
        _isArray = isArray;
        _itemName = XmlPlans.ElementNameOf(itemType);
        _listType = typeof(List<>).MakeGenericType(itemType);
        RootName = "ArrayOf" + char.ToUpperInvariant(_itemName[0]) + _itemName[1..];
    }

    public override string RootName { get; }

    public static XmlSequencePlan? TryCreate(Type type)
    {
        if (type.IsArray)
        {
            return type.GetArrayRank() == 1 && type.GetElementType() is { } element ? new XmlSequencePlan(element, isArray: true) : null;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(IEnumerable<>) || definition == typeof(IList<>)
                || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyList<>)
                || definition == typeof(IReadOnlyCollection<>))
            {
                return new XmlSequencePlan(type.GetGenericArguments()[0], isArray: false);
            }
        }

        return null;
    }

    public override void Write(XmlWriter writer, string elementName, object? value, int depth)
    {
        if (value is null)
        {
            WriteNil(writer, elementName);
            return;
        }

        ThrowIfTooDeep(depth, elementName);
        var itemPlan = XmlPlans.Get(_itemType)
            ?? throw new InvalidOperationException($"Items of type {_itemType} cannot be written as XML.");
        writer.WriteStartElement(elementName);
        foreach (var item in (IEnumerable)value)
        {
            itemPlan.Write(writer, _itemName, item, depth + 1);
        }

        writer.WriteEndElement();
    }

    public override async ValueTask WriteAsync(XmlWriter writer, string elementName, object? value, int depth, XmlFlusher flusher)
    {
        if (value is null)
        {
            WriteNil(writer, elementName);
            await flusher.FlushIfNeededAsync();
            return;
        }

        ThrowIfTooDeep(depth, elementName);
        var itemPlan = XmlPlans.Get(_itemType)
            ?? throw new InvalidOperationException($"Items of type {_itemType} cannot be written as XML.");
        writer.WriteStartElement(elementName);
        foreach (var item in (IEnumerable)value)
        {
            // Item by item, so a long sequence (or a lazily produced one) goes out as it is written.
            await itemPlan.WriteAsync(writer, _itemName, item, depth + 1, flusher);
        }

        writer.WriteEndElement();
        await flusher.FlushIfNeededAsync();
    }

    public override object? Read(XmlReader reader, int depth)
    {
        if (TryReadNil(reader))
        {
            return null;
        }

        var itemPlan = XmlPlans.Get(_itemType)
            ?? throw Malformed(reader, $"items of type {_itemType.Name} cannot be read from XML.");
        // List<T> always has a public parameterless constructor, so CreateInstance never returns null here.
        var list = (IList)Activator.CreateInstance(_listType)!;
        if (reader.IsEmptyElement)
        {
            reader.Read();
        }
        else
        {
            reader.ReadStartElement();
            while (reader.MoveToContent() == XmlNodeType.Element)
            {
                list.Add(itemPlan.Read(reader, depth + 1));
            }

            reader.ReadEndElement();
        }

        if (!_isArray)
        {
            return list;
        }

        var array = Array.CreateInstance(_itemType, list.Count);
        list.CopyTo(array, 0);
        return array;
    }
}
