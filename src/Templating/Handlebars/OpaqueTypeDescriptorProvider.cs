using System.Reflection;
using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;
using HandlebarsDotNet.Iterators;
using HandlebarsDotNet.MemberAccessors;
using HandlebarsDotNet.ObjectDescriptors;
using HandlebarsDotNet.PathStructure;

namespace Herald.Templating.Handlebars;

/// <summary>
/// Gives delegates and reflection objects (<see cref="Type"/>, <see cref="MemberInfo"/>, <see cref="Assembly"/>,
/// <see cref="Module"/>) no members and nothing to loop over, so <c>{{Callback.Method.DeclaringType.Assembly}}</c>
/// cannot walk from a model into reflection.
/// </summary>
internal sealed class OpaqueTypeDescriptorProvider : IObjectDescriptorProvider
{
    private static readonly Type[] Opaque = [typeof(Delegate), typeof(Type), typeof(MemberInfo), typeof(Assembly), typeof(Module)];

    public bool TryGetDescriptor(Type type, out ObjectDescriptor value)
    {
        // Handlebars.Net caches the descriptor per type, so this runs once for each type a template meets.
        if (Array.Exists(Opaque, o => o.IsAssignableFrom(type)))
        {
            value = new ObjectDescriptor(type, NoMembers.Instance, static (_, _) => Array.Empty<object>(), static _ => NoItems.Instance);
            return true;
        }

        value = ObjectDescriptor.Empty;
        return false;
    }

    private sealed class NoMembers : IMemberAccessor
    {
        public static readonly NoMembers Instance = new();

        public bool TryGetValue(object instance, ChainSegment memberName, out object? value)
        {
            value = null;
            return false;
        }
    }

    private sealed class NoItems : IIterator
    {
        public static readonly NoItems Instance = new();

        public void Iterate(in EncodedTextWriter writer, BindingContext context, ChainSegment[] blockParamsVariables, object input, TemplateDelegate template, TemplateDelegate ifEmpty)
        {
            using var inner = context.CreateFrame();
            inner.Value = context.Value;
            ifEmpty(writer, inner);
        }
    }
}
