namespace Herald.Responses.Tests.Negotiation;

/// <summary>A record whose constructor rejects bad values.</summary>
public sealed record ValidatedCustomer
{
    public ValidatedCustomer(int id, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        Id = id;
        Name = name;
    }

    public int Id { get; }

    public string Name { get; }
}
