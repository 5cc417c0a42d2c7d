namespace Herald.Bench.Client;

/// <summary>
/// The small JSON document every client reads and sends. A class with setters, so that each library's serializer
/// (System.Text.Json for most, Newtonsoft.Json for Flurl.Http 2.x) binds it without custom settings.
/// </summary>
public sealed class Todo
{
    /// <summary>Gets or sets the item's number.</summary>
    public int Id { get; set; }

    /// <summary>Gets or sets the title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Gets or sets whether it is done.</summary>
    public bool Completed { get; set; }

    /// <summary>Gets or sets free-form tags.</summary>
    public string[] Tags { get; set; } = [];

    /// <summary>Gets or sets when it is due.</summary>
    public DateTimeOffset Due { get; set; }

    /// <summary>Gets the item the server answers with and the clients post.</summary>
    public static Todo Sample => new()
    {
        Id = 1,
        Title = "Measure Herald against the framework",
        Completed = false,
        Tags = ["bench", "client"],
        Due = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
    };
}
