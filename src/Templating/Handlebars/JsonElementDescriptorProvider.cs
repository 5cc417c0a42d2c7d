using System.Collections;
using System.Text.Json;
using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;
using HandlebarsDotNet.Iterators;
using HandlebarsDotNet.MemberAccessors;
using HandlebarsDotNet.ObjectDescriptors;
using HandlebarsDotNet.PathStructure;
using HandlebarsDotNet.Runtime;
using HandlebarsDotNet.ValueProviders;

namespace Herald.Templating.Handlebars;

/// <summary>
/// Lets templates read <see cref="JsonElement"/> models as they read objects: <c>{{user.name}}</c> reads the property
/// <c>name</c>, <c>{{#each items}}</c> loops over an array, strings, numbers, booleans and null become their .NET values.
/// </summary>
/// <remarks>
/// Hand-written because Handlebars.Net's JSON support ships as a separate package that is not available here. Objects
/// and arrays are read in place: an array stays a <see cref="JsonElement"/>, <c>length</c> is its stored length, and
/// <c>{{#each}}</c> walks its items one at a time (with <c>@index</c>, <c>@first</c>, <c>@last</c>) without copying them.
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
        JsonValueKind.Array or JsonValueKind.Object => element,
        _ => null,
    };

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
            if (element.ValueKind == JsonValueKind.Array)
            {
                IterateArray(writer, context, blockParamsVariables, element, template, ifEmpty);
                return;
            }

            object shape = element.ValueKind switch
            {
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

        // As Handlebars.Net's own list loop, over the array's items in place: the length is stored, so @last needs no look-ahead.
        private static void IterateArray(in EncodedTextWriter writer, BindingContext context, ChainSegment[] blockParamsVariables, JsonElement array, TemplateDelegate template, TemplateDelegate ifEmpty)
        {
            using var frame = context.CreateFrame();
            var iterator = new IteratorValues(frame);
            var blockParams = new BlockParamsValues(frame, blockParamsVariables);
            blockParams.CreateProperty(0, out var valueParam);
            blockParams.CreateProperty(1, out var indexParam);

            var last = array.GetArrayLength() - 1;
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var value = Unwrap(item);
                var boxedIndex = BoxedValues.Int(index);
                iterator.First = index == 0 ? BoxedValues.True : BoxedValues.False;
                iterator.Last = index == last ? BoxedValues.True : BoxedValues.False;
                iterator.Index = boxedIndex;
                iterator.Key = boxedIndex;
                iterator.Value = value;
                blockParams[valueParam] = value;
                blockParams[indexParam] = boxedIndex;
                frame.Value = value;
                template(writer, frame);
                index++;
            }

            if (index == 0)
            {
                frame.Value = context.Value;
                ifEmpty(writer, frame);
            }
        }
    }
}
