namespace Herald.Responses.Tests.Negotiation;

/// <summary>A record holding records and a list of them, to exercise nested XML mapping.</summary>
public record Order(Guid Id, Customer Customer, IReadOnlyList<OrderLine> Lines, DateTimeOffset PlacedAt, string? Note);
