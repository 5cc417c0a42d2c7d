namespace Herald.Templating.Tests.Razor.Components;

public sealed record GreetingModel(int Id, string Name);
