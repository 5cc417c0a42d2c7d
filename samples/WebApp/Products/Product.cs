namespace WebApp.Products;

/// <summary>One product of the templates benchmark's workload (Fluid's: name, price, description).</summary>
public sealed record Product(string Name, float Price, string Description);
