namespace Herald.Responses.Tests.Negotiation;

/// <summary>A node that can point back at itself: a cycle XML must refuse rather than recurse forever.</summary>
public sealed class TreeNode(string name)
{
    public string Name { get; } = name;

    public TreeNode? Parent { get; set; }
}
