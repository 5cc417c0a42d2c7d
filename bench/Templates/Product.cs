namespace Herald.Bench.Templates;

/// <summary>A product of Fluid's benchmark workload.</summary>
public sealed record Product(string Name, float Price, string Description);
