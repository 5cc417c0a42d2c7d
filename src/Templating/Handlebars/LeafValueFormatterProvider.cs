using System.Numerics;
using HandlebarsDotNet;
using HandlebarsDotNet.IO;

namespace Herald.Templating.Handlebars;

/// <summary>
/// Writes only values whose text the framework defines (strings, numbers, booleans, characters, dates and times,
/// <see cref="Guid"/>, enums, <see cref="Uri"/>); any other object writes nothing.
/// </summary>
/// <remarks>
/// Handlebars.Net writes an object by calling its <c>ToString()</c>: <c>{{this}}</c> on a model, or a property holding
/// another object, would run the model's own code (an override) or print a type name. No method on a model is ever
/// invoked by a template, so those write nothing; the listed types are the framework's, whose text is data.
/// </remarks>
internal sealed class LeafValueFormatterProvider : IFormatterProvider
{
    public bool TryCreateFormatter(Type type, out IFormatter formatter)
    {
        if (IsLeaf(type) || type.Namespace?.StartsWith("HandlebarsDotNet", StringComparison.Ordinal) == true)
        {
            // The built-in formatters write these (and Handlebars' own values, such as an unresolved binding).
            formatter = null!;
            return false;
        }

        formatter = Nothing.Instance;
        return true;
    }

    /// <summary>Whether a value of <paramref name="type"/> is written as text.</summary>
    internal static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive
            || type.IsEnum
            || type == typeof(string)
            || type == typeof(decimal)
            || type == typeof(DateTime)
            || type == typeof(DateTimeOffset)
            || type == typeof(DateOnly)
            || type == typeof(TimeOnly)
            || type == typeof(TimeSpan)
            || type == typeof(Guid)
            || type == typeof(Half)
            || type == typeof(Int128)
            || type == typeof(UInt128)
            || type == typeof(BigInteger)

            // Exactly Uri: a subclass could override ToString.
            || type == typeof(Uri);
    }

    private sealed class Nothing : IFormatter
    {
        public static readonly Nothing Instance = new();

        public void Format<T>(T value, in EncodedTextWriter writer)
        {
        }
    }
}
