namespace Herald.Client.Internal;

/// <summary>
/// One flattened parameter before encoding: a name such as <c>a[b][0]</c> and a text value, or for the
/// comma-separated style several values that are encoded one by one and joined by literal commas.
/// </summary>
internal readonly record struct FlatParam(string Name, string Value, IReadOnlyList<string>? CommaValues = null);
