using System.Collections;
using System.Text.Json;
using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;
using HandlebarsDotNet.Iterators;
using HandlebarsDotNet.MemberAccessors;
using HandlebarsDotNet.ObjectDescriptors;
using HandlebarsDotNet.PathStructure;

namespace Herald.Templating.Handlebars;

/// <summary>
/// Lets templates read <see cref="JsonElement"/> models as they read objects: <c>{{user.name}}</c> reads the property
/// <c>name</c>, <c>{{#each items}}</c> loops over an array, strings, numbers, booleans and null become their .NET values.
/// </summary>
/// <remarks>
/// Hand-written because Handlebars.Net's JSON support ships as a separate package that is not available here. Objects
/// are read in place, property by property; an array is turned into an <c>object?[]</c> when a template reads it, so the
/// built-in array loop (with <c>@index</c>, <c>@first</c>, <c>@last</c>) applies.
/// </remarks>
internal sealed class JsonElementDescriptorProvider : IObjectDescriptorProvider
{
    private static readonly Type JsonElementType = typeof(JsonElement);

    private readonly ObjectDescriptor _descriptor = new(
        JsonElementType,
        new Accessor(),
        static (_, instance) => PropertyNames((JsonElement)instance),
        static _ => new Iterator());

    public bool TryGetDescriptor(Type type, out ObjectDescriptor value)
    {
        if (type == JsonElementType)
        {
            value = _descriptor;
            return true;
        }

        value = ObjectDescriptor.Empty;
        return false;
    }

    /// <summary>The .NET value a template sees for <paramref name="element"/>.</summary>
    internal static object? Unwrap(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => ToArray(element),
        JsonValueKind.Object => element,
        _ => null,
    };

    private static object?[] ToArray(JsonElement array)
    {
        var result = new object?[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            result[i++] = Unwrap(item);
        }

        return result;
    }

    private static IEnumerable PropertyNames(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Select(p => p.Name) : [];

    private sealed class Accessor : IMemberAccessor
    {
        public bool TryGetValue(object instance, ChainSegment memberName, out object? value)
        {
            var element = (JsonElement)instance;
            var name = memberName.TrimmedValue;
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var property))
            {
                value = Unwrap(property);
                return true;
            }

            if (element.ValueKind == JsonValueKind.Array)
            {
                if (int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    && index < element.GetArrayLength())
                {
                    value = Unwrap(element[index]);
                    return true;
                }

                if (name is "length" or "count")
                {
                    value = element.GetArrayLength();
                    return true;
                }
            }

            value = null;
            return false;
        }
    }

    /// <summary>
    /// <c>{{#each}}</c> over a JSON value itself (the model, or an object's properties): hands the .NET shape of the value
    /// (an array, or a dictionary of its properties) to the built-in iterator for that shape.
    /// </summary>
    private sealed class Iterator : IIterator
    {
        public void Iterate(in EncodedTextWriter writer, BindingContext context, ChainSegment[] blockParamsVariables, object input, TemplateDelegate template, TemplateDelegate ifEmpty)
        {
            var element = (JsonElement)input;
            object shape = element.ValueKind switch
            {
                JsonValueKind.Array => ToArray(element),
                JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Unwrap(p.Value), StringComparer.Ordinal),
                _ => Array.Empty<object?>(),
            };

            if (!ObjectDescriptor.TryCreate(shape, out var descriptor) || descriptor.Iterator is null)
            {
                ifEmpty(writer, context);
                return;
            }

            descriptor.Iterator.Iterate(writer, context, blockParamsVariables, shape, template, ifEmpty);
        }
    }
}
