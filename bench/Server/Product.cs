namespace Herald.Bench.Server;

/// <summary>The value both JSON endpoints write: small, with a string, a number, an array and a date, like an API's item.</summary>
/// <param name="Id">The product number.</param>
/// <param name="Name">The product name.</param>
/// <param name="Price">The price.</param>
/// <param name="Tags">Free-form tags.</param>
/// <param name="Updated">When the product last changed.</param>
public sealed record Product(int Id, string Name, decimal Price, string[] Tags, DateTimeOffset Updated)
{
    /// <summary>Gets the one product every JSON request writes.</summary>
    public static Product Sample { get; } = new(
        42, "Herald & Co. <espresso> machine", 199.95m, ["kitchen", "coffee", "steel"], new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
}
