using System.Globalization;
using System.Xml;

namespace Herald.Responses.Negotiation;

/// <summary>A value written as element text: strings, numbers, dates, GUIDs, enums, URIs and <c>byte[]</c> (base64).</summary>
internal sealed class XmlScalarPlan : XmlPlan
{
    private readonly Type _type;
    private readonly Func<object, string> _format;
    private readonly Func<string, object> _parse;

    private XmlScalarPlan(Type type, string rootName, Func<object, string> format, Func<string, object> parse)
    {
        _type = type;
        RootName = rootName;
        _format = format;
        _parse = parse;
    }

    public override string RootName { get; }

    public static XmlScalarPlan? TryCreate(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            return new XmlScalarPlan(underlying, underlying.Name, v => v.ToString() ?? string.Empty, s => Enum.Parse(underlying, s.Trim(), ignoreCase: true));
        }

        return Type.GetTypeCode(underlying) switch
        {
            TypeCode.String => new(underlying, "string", v => (string)v, s => s),
            TypeCode.Boolean => new(underlying, "boolean", v => XmlConvert.ToString((bool)v), s => XmlConvert.ToBoolean(s)),
            TypeCode.Char => new(underlying, "char", v => ((char)v).ToString(), s => char.Parse(s)),
            TypeCode.SByte => new(underlying, "byte", v => XmlConvert.ToString((sbyte)v), s => XmlConvert.ToSByte(s)),
            TypeCode.Byte => new(underlying, "unsignedByte", v => XmlConvert.ToString((byte)v), s => XmlConvert.ToByte(s)),
            TypeCode.Int16 => new(underlying, "short", v => XmlConvert.ToString((short)v), s => XmlConvert.ToInt16(s)),
            TypeCode.UInt16 => new(underlying, "unsignedShort", v => XmlConvert.ToString((ushort)v), s => XmlConvert.ToUInt16(s)),
            TypeCode.Int32 => new(underlying, "int", v => XmlConvert.ToString((int)v), s => XmlConvert.ToInt32(s)),
            TypeCode.UInt32 => new(underlying, "unsignedInt", v => XmlConvert.ToString((uint)v), s => XmlConvert.ToUInt32(s)),
            TypeCode.Int64 => new(underlying, "long", v => XmlConvert.ToString((long)v), s => XmlConvert.ToInt64(s)),
            TypeCode.UInt64 => new(underlying, "unsignedLong", v => XmlConvert.ToString((ulong)v), s => XmlConvert.ToUInt64(s)),
            TypeCode.Single => new(underlying, "float", v => XmlConvert.ToString((float)v), s => XmlConvert.ToSingle(s)),
            TypeCode.Double => new(underlying, "double", v => XmlConvert.ToString((double)v), s => XmlConvert.ToDouble(s)),
            TypeCode.Decimal => new(underlying, "decimal", v => XmlConvert.ToString((decimal)v), s => XmlConvert.ToDecimal(s)),
            TypeCode.DateTime => new(underlying, "dateTime",
                v => XmlConvert.ToString((DateTime)v, XmlDateTimeSerializationMode.RoundtripKind),
                s => XmlConvert.ToDateTime(s, XmlDateTimeSerializationMode.RoundtripKind)),
            _ => TryCreateOther(underlying),
        };
    }

    private static XmlScalarPlan? TryCreateOther(Type type)
    {
        if (type == typeof(Guid))
        {
            return new(type, "guid", v => XmlConvert.ToString((Guid)v), s => XmlConvert.ToGuid(s));
        }

        if (type == typeof(DateTimeOffset))
        {
            return new(type, "dateTimeOffset", v => XmlConvert.ToString((DateTimeOffset)v), s => XmlConvert.ToDateTimeOffset(s));
        }

        if (type == typeof(TimeSpan))
        {
            return new(type, "duration", v => XmlConvert.ToString((TimeSpan)v), s => XmlConvert.ToTimeSpan(s));
        }

        if (type == typeof(DateOnly))
        {
            return new(type, "date", v => ((DateOnly)v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                s => DateOnly.ParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (type == typeof(TimeOnly))
        {
            return new(type, "time", v => ((TimeOnly)v).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                s => TimeOnly.Parse(s.Trim(), CultureInfo.InvariantCulture));
        }

        if (type == typeof(Uri))
        {
            return new(type, "anyURI", v => ((Uri)v).OriginalString, s => new Uri(s.Trim(), UriKind.RelativeOrAbsolute));
        }

        if (type == typeof(byte[]))
        {
            return new(type, "base64Binary", v => Convert.ToBase64String((byte[])v), s => Convert.FromBase64String(s.Trim()));
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

        writer.WriteElementString(elementName, _format(value));
    }

    public override object? Read(XmlReader reader, int depth)
    {
        if (TryReadNil(reader))
        {
            return null;
        }

        var info = reader as IXmlLineInfo;
        var (line, position) = (info?.LineNumber ?? 0, info?.LinePosition ?? 0);
        var name = reader.LocalName;
        string text;
        try
        {
            text = reader.ReadElementContentAsString();
        }
        catch (XmlException e)
        {
            throw Malformed(line, position, $"element '{name}' must hold only text ({e.Message})", e);
        }

        try
        {
            return _parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw Malformed(line, position, $"the value '{Shorten(text)}' of element '{name}' is not a valid {_type.Name}.", e);
        }
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");
}
