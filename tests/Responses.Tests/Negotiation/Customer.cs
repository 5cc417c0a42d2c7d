namespace Herald.Responses.Tests.Negotiation;

/// <summary>The positional record from Ktor's negotiation docs; XmlSerializer alone cannot construct it.</summary>
public record Customer(int Id, string FirstName, string LastName);
