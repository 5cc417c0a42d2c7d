namespace Herald.Client.Internal;

/// <summary>
/// What of a call's URL goes to every target: <see cref="Rest"/> (path and query, without a leading <c>/</c>) under
/// the target's path when <see cref="UnderBase"/>, else under the target's origin.
/// </summary>
internal readonly record struct TargetPath(bool UnderBase, string Rest);
