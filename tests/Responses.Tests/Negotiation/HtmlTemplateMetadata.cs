namespace Herald.Responses.Tests.Negotiation;

/// <summary>Endpoint metadata naming an HTML "template", as the templating converter will attach one.</summary>
internal sealed record HtmlTemplateMetadata(string Template);
