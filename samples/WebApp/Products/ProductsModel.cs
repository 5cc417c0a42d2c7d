namespace WebApp.Products;

/// <summary>The model of the products slice: the page title and the products listed.</summary>
/// <param name="Title">The page title.</param>
/// <param name="Products">The products listed.</param>
public sealed record ProductsModel(string Title, IReadOnlyList<Product> Products);
