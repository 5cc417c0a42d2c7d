namespace Herald.Responses.Tests.Negotiation;

public record OrderLine(string Sku, int Quantity, decimal Price);
