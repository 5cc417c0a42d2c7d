using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Reflection;

namespace Herald.Client.Internal;

/// <summary>
/// Turns query parameters and form fields given as anonymous objects, dictionaries, key/value sequences or plain
/// values into flat name/value pairs: nested maps become <c>a[b][c]</c>, sequences follow a <see cref="MultiParamStyle"/>,
/// and values are formatted invariantly (numbers, booleans as <c>true</c>/<c>false</c>, dates as ISO 8601).
/// </summary>
internal static class ParamFlattener
{
    // Type inspection is done once per type and cached; only reading the values happens per request.
    private static readonly ConcurrentDictionary<Type, Func<object, IEnumerable<KeyValuePair<string, object?>>>?> MapReaders = new();

    private static readonly MethodInfo BoxPairsMethod =
        typeof(ParamFlattener).GetMethod(nameof(BoxPairs), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Returns the entries of a map-like value (dictionary, key/value sequence, or object with properties).</summary>
    /// <exception cref="ArgumentException">Thrown when <paramref name="map"/> is a plain value or a list.</exception>
    public static IEnumerable<KeyValuePair<string, object?>> EntriesOf(object map, string what, string parameterName) =>
        ReaderFor(map) is { } reader
            ? reader(map)
            : throw new ArgumentException(
                $"{what} must be given as an object, a dictionary or key/value pairs, not a {map.GetType().Name}; " +
                "use the (name, value) overload for a single parameter.",
                parameterName);

    /// <summary>Flattens one named value into <paramref name="into"/>; <see langword="null"/> values add nothing.</summary>
    public static void Flatten(string name, object? value, MultiParamStyle style, bool allowNested, string what, List<FlatParam> into)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                into.Add(new(name, s));
                return;
        }

        if (IsScalar(value))
        {
            into.Add(new(name, FormatScalar(value)));
            return;
        }

        if (ReaderFor(value) is { } reader)
        {
            if (!allowNested)
            {
                throw new InvalidOperationException(
                    $"{what} '{name}' holds a nested map. Pass flattenNested: true to send it as {name}[key]=value, or flatten it yourself.");
            }

            foreach (var (key, nested) in reader(value))
            {
                Flatten($"{name}[{key}]", nested, style, allowNested, what, into);
            }

            return;
        }

        if (value is IEnumerable sequence)
        {
            FlattenSequence(name, sequence, style, allowNested, what, into);
            return;
        }

        into.Add(new(name, value.ToString() ?? string.Empty));
    }

    /// <summary>Formats a plain value the way query strings and forms expect: invariant culture, ISO 8601 dates.</summary>
    public static string FormatScalar(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void FlattenSequence(
        string name, IEnumerable sequence, MultiParamStyle style, bool allowNested, string what, List<FlatParam> into)
    {
        if (style == MultiParamStyle.CommaSeparated)
        {
            var values = new List<string>();
            foreach (var item in sequence)
            {
                if (item is null)
                {
                    continue;
                }

                if (item is not string && !IsScalar(item))
                {
                    throw new InvalidOperationException(
                        $"{what} '{name}' holds a nested list or map, which the comma-separated style cannot express; use Repeat, Array or Indexed.");
                }

                values.Add(FormatScalar(item));
            }

            if (values.Count > 0)
            {
                into.Add(new(name, string.Join(',', values), values));
            }

            return;
        }

        var index = 0;
        foreach (var item in sequence)
        {
            var itemName = style switch
            {
                MultiParamStyle.Array => name + "[]",
                MultiParamStyle.Indexed => $"{name}[{index.ToString(CultureInfo.InvariantCulture)}]",
                _ => name,
            };
            Flatten(itemName, item, style, allowNested, what, into);
            index++;
        }
    }

    private static bool IsScalar(object value) =>
        value is string or bool or char or Enum or DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan
            or Guid or Uri or decimal or BigInteger
        || value.GetType().IsPrimitive
        || (value is IFormattable && value is not IEnumerable);

    private static Func<object, IEnumerable<KeyValuePair<string, object?>>>? ReaderFor(object value)
    {
        if (value is IDictionary)
        {
            return ReadDictionary;
        }

        if (value is IEnumerable<KeyValuePair<string, object?>>)
        {
            return static v => (IEnumerable<KeyValuePair<string, object?>>)v;
        }

        if (value is string || IsScalar(value))
        {
            return null;
        }

        return MapReaders.GetOrAdd(value.GetType(), CreateReader);
    }

    private static Func<object, IEnumerable<KeyValuePair<string, object?>>>? CreateReader(Type type)
    {
        // Any IEnumerable<KeyValuePair<string, T>>: read through a generic helper bound once per type.
        foreach (var iface in type.GetInterfaces())
        {
            if (iface.IsGenericType && iface.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                && iface.GetGenericArguments()[0] is { IsGenericType: true } pair
                && pair.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
                && pair.GetGenericArguments()[0] == typeof(string))
            {
                var box = BoxPairsMethod.MakeGenericMethod(pair.GetGenericArguments()[1]);
                return box.CreateDelegate<Func<object, IEnumerable<KeyValuePair<string, object?>>>>();
            }
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        // An object's public readable properties, in declaration order (anonymous objects keep the order written).
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .ToArray();
        return properties.Length == 0 ? null : value => ReadProperties(properties, value);
    }

    private static IEnumerable<KeyValuePair<string, object?>> ReadProperties(PropertyInfo[] properties, object value)
    {
        foreach (var property in properties)
        {
            yield return new(property.Name, property.GetValue(value));
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> ReadDictionary(object value)
    {
        foreach (DictionaryEntry entry in (IDictionary)value)
        {
            yield return new(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value);
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> BoxPairs<T>(object value)
    {
        foreach (var (key, item) in (IEnumerable<KeyValuePair<string, T>>)value)
        {
            yield return new(key, item);
        }
    }
}
