namespace Herald.Responses.Tests.Negotiation;

/// <summary>A plain class XmlSerializer handles itself.</summary>
public sealed class Product
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public List<string> Tags { get; set; } = [];
}
