namespace Herald.Templating.Tests.Razor.Components;

/// <summary>A scoped service with an identity, to see which scope a component got its services from.</summary>
public sealed class RequestProbe
{
    public Guid Id { get; } = Guid.NewGuid();
}
