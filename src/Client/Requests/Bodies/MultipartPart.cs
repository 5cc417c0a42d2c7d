namespace Herald.Client.Internal;

/// <summary>One part of a <c>multipart/form-data</c> body: its field name, optional file name and content type, and how to build its content.</summary>
internal sealed record MultipartPart(string Name, string? FileName, string? ContentType, Func<HttpContent> CreateContent);
