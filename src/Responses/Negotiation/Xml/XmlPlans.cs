using System.Xml;
using System.Collections.Concurrent;

namespace Herald.Responses.Negotiation;

/// <summary>
/// Builds and caches the <see cref="XmlPlan"/> for each type: scalars as text, types XmlSerializer can handle through it,
/// and what it cannot construct (records, lists of records) through Herald's own mapping. A type with no plan (an
/// interface, a dictionary) is not offered as XML, so negotiation moves on to the next format.
/// </summary>
internal static class XmlPlans
{
    private static readonly ConcurrentDictionary<Type, XmlPlan?> Plans = new();

    public static XmlPlan? Get(Type type) => Plans.TryGetValue(type, out var plan) ? plan : Plans.GetOrAdd(type, Build(type));

    private static XmlPlan? Build(Type type) =>
        (XmlPlan?)XmlScalarPlan.TryCreate(type)
        ?? (XmlPlan?)XmlSerializerPlan.TryCreate(type)
        ?? (XmlPlan?)XmlSequencePlan.TryCreate(type)
        ?? XmlObjectPlan.TryCreate(type);

    /// <summary>The element name for a type: its name without generic arity, or XML Schema's name for a primitive.</summary>
    public static string ElementNameOf(Type type)
    {
        if (XmlScalarPlan.TryCreate(type) is { } scalar)
        {
            return scalar.RootName;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);

        // Compiler-generated names (anonymous types: <>f__AnonymousType0) are not XML names; encode what is not.
        return XmlConvert.EncodeLocalName(tick < 0 ? name : name[..tick]);
    }
}
