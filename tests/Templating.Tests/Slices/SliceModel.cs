namespace Herald.Templating.Tests.Slices;

/// <summary>The model of the test slices: text that needs encoding, attribute values that may be left out, a number and a formattable value.</summary>
public sealed record SliceModel(string Name, string? Title = null, bool Checked = false, bool? Disabled = null, int Count = 0, AngleTag Tag = default);
