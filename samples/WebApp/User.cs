namespace WebApp;

/// <summary>The user of Ktor's template example.</summary>
public sealed record User(int Id, string Name);
