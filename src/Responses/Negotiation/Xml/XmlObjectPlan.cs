using System.Linq.Expressions;
using System.Reflection;
using System.Xml;

namespace Herald.Responses.Negotiation;

/// <summary>
/// An object XmlSerializer cannot construct, above all a positional record (<c>record Customer(int Id, ...)</c>): written
/// as XmlSerializer would write it (one element per public property, in declaration order) and read by calling the
/// constructor whose parameters match the properties. Accessors are compiled once, so no reflection runs per request.
/// </summary>
internal sealed class XmlObjectPlan : XmlPlan
{
    private readonly Member[] _members;
    private readonly Func<object?[], object> _create;
    private readonly object?[] _constructorDefaults;

    // Whether every member is a scalar; worked out on first use, because member plans may not exist yet while this
    // one is being built (a type that refers to itself). Computing it twice in a race gives the same answer.
    private bool? _flat;

    private XmlObjectPlan(Type type, Member[] members, Func<object?[], object> create, object?[] constructorDefaults)
    {
        RootName = XmlPlans.ElementNameOf(type);
        _members = members;
        _create = create;
        _constructorDefaults = constructorDefaults;
    }

    public override string RootName { get; }

    private bool IsFlat => _flat ??= _members.All(m => XmlPlans.Get(m.Type) is XmlScalarPlan);

    public static XmlObjectPlan? TryCreate(Type type)
    {
        if (type.IsAbstract || type.IsInterface || type.IsGenericTypeDefinition || type.IsPointer || type.IsByRef
            || typeof(Delegate).IsAssignableFrom(type) || type == typeof(object)
            || typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            // Collections other than arrays and lists (dictionaries, sets) have no property shape that round-trips:
            // writing their public properties would silently drop the items.
            return null;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .ToArray();

        // The constructor whose parameters all name properties (the primary constructor of a positional record),
        // preferring the one that sets the most; otherwise a parameterless constructor and property setters.
        ConstructorInfo? constructor = null;
        foreach (var candidate in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            var parameters = candidate.GetParameters();
            if (parameters.All(p => properties.Any(q => string.Equals(q.Name, p.Name, StringComparison.OrdinalIgnoreCase)
                                                        && p.ParameterType.IsAssignableFrom(q.PropertyType))))
            {
                constructor = candidate;
                break;
            }
        }

        if (constructor is null && !type.IsValueType)
        {
            return null;
        }

        var constructorParameters = constructor?.GetParameters() ?? [];
        var members = new List<Member>();
        foreach (var property in properties)
        {
            var index = Array.FindIndex(constructorParameters, p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            var setter = property.SetMethod is { IsPublic: true } && !type.IsValueType ? CompileSetter(type, property) : null;
            if (index < 0 && setter is null)
            {
                // A computed or get-only property cannot round-trip; XmlSerializer leaves these out as well.
                continue;
            }

            members.Add(new Member(XmlConvert.EncodeLocalName(property.Name), property.PropertyType, CompileGetter(type, property), setter, index));
        }

        var defaults = constructorParameters.Select(DefaultOf).ToArray();
        return new XmlObjectPlan(type, [.. members], CompileConstructor(type, constructor, constructorParameters), defaults);
    }

    public override void Write(XmlWriter writer, string elementName, object? value, int depth)
    {
        if (value is null)
        {
            WriteNil(writer, elementName);
            return;
        }

        ThrowIfTooDeep(depth, elementName);
        writer.WriteStartElement(elementName);
        foreach (var member in _members)
        {
            var plan = XmlPlans.Get(member.Type)
                ?? throw new InvalidOperationException($"Property '{member.Name}' of type {member.Type} cannot be written as XML.");
            plan.Write(writer, member.Name, member.Get(value), depth + 1);
        }

        writer.WriteEndElement();
    }

    public override ValueTask WriteAsync(XmlWriter writer, string elementName, object? value, int depth, XmlFlusher flusher)
    {
        if (value is null || IsFlat)
        {
            // Only short scalar elements inside: written whole, which spares an asynchronous call per object.
            Write(writer, elementName, value, depth);
            return flusher.FlushIfNeededAsync();
        }

        return WriteMembersAsync(writer, elementName, value, depth, flusher);
    }

    private async ValueTask WriteMembersAsync(XmlWriter writer, string elementName, object value, int depth, XmlFlusher flusher)
    {
        ThrowIfTooDeep(depth, elementName);
        writer.WriteStartElement(elementName);
        foreach (var member in _members)
        {
            var plan = XmlPlans.Get(member.Type)
                ?? throw new InvalidOperationException($"Property '{member.Name}' of type {member.Type} cannot be written as XML.");
            if (plan is XmlScalarPlan)
            {
                // One short element: no need to go through the asynchronous path.
                plan.Write(writer, member.Name, member.Get(value), depth + 1);
            }
            else
            {
                await plan.WriteAsync(writer, member.Name, member.Get(value), depth + 1, flusher);
            }
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

        var arguments = (object?[])_constructorDefaults.Clone();
        List<(Member Member, object? Value)>? assignments = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
        }
        else
        {
            reader.ReadStartElement();
            while (reader.MoveToContent() == XmlNodeType.Element)
            {
                var member = Find(reader.LocalName);
                if (member is null)
                {
                    // Unknown elements are skipped, as XmlSerializer and System.Text.Json skip unknown members.
                    reader.Skip();
                    continue;
                }

                var plan = XmlPlans.Get(member.Type)
                    ?? throw Malformed(reader, $"element '{member.Name}' has a type ({member.Type.Name}) that cannot be read from XML.");
                var info = reader as IXmlLineInfo;
                var (line, position) = (info?.LineNumber ?? 0, info?.LinePosition ?? 0);
                var value = plan.Read(reader, depth + 1);
                if (value is null && member.Type.IsValueType && Nullable.GetUnderlyingType(member.Type) is null)
                {
                    throw Malformed(line, position, $"element '{member.Name}' is nil, but {member.Type.Name} cannot be null.");
                }

                if (member.ConstructorIndex >= 0)
                {
                    arguments[member.ConstructorIndex] = value;
                }
                else
                {
                    (assignments ??= []).Add((member, value));
                }
            }

            reader.ReadEndElement();
        }

        object result;
        try
        {
            result = _create(arguments);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            // A constructor that validates its arguments rejects the body, not the server.
            throw Malformed(reader, $"the values do not make a valid {RootName}: {e.Message}", e);
        }

        if (assignments is not null)
        {
            foreach (var (member, value) in assignments)
            {
                // Only members with a setter are assigned here: the others are constructor parameters.
                member.Set?.Invoke(result, value);
            }
        }

        return result;
    }

    private Member? Find(string name)
    {
        foreach (var member in _members)
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return member;
            }
        }

        return null;
    }

    private static object? DefaultOf(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.HasDefaultValue && parameter.DefaultValue is { } value)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            return underlying.IsEnum ? Enum.ToObject(underlying, value) : value;
        }

        return type.IsValueType ? Activator.CreateInstance(type) : null;
    }

    private static Func<object, object?> CompileGetter(Type type, PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var body = Expression.Convert(Expression.Property(Expression.Convert(instance, type), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
    }

    private static Action<object, object?> CompileSetter(Type type, PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var value = Expression.Parameter(typeof(object), "value");
        var setMethod = property.SetMethod ?? throw new InvalidOperationException($"{property.Name} has no setter.");
        var body = Expression.Call(
            Expression.Convert(instance, type),
            setMethod,
            Expression.Convert(value, property.PropertyType));
        return Expression.Lambda<Action<object, object?>>(body, instance, value).Compile();
    }

    private static Func<object?[], object> CompileConstructor(Type type, ConstructorInfo? constructor, ParameterInfo[] parameters)
    {
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        Expression create = constructor is null
            ? Expression.New(type)
            : Expression.New(constructor, parameters.Select((p, i) =>
                (Expression)Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)));
        return Expression.Lambda<Func<object?[], object>>(Expression.Convert(create, typeof(object)), arguments).Compile();
    }

    private sealed record Member(string Name, Type Type, Func<object, object?> Get, Action<object, object?>? Set, int ConstructorIndex);
}
