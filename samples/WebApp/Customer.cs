namespace WebApp;

/// <summary>The customer of Ktor's content-negotiation example.</summary>
public sealed record Customer(int Id, string FirstName, string LastName);
