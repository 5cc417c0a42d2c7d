namespace Herald.Responses;

/// <summary>How a file response asks the browser to present the file (RFC 6266 <c>Content-Disposition</c>).</summary>
public enum FileDisposition
{
    /// <summary>No <c>Content-Disposition</c> header: the browser decides from the content type.</summary>
    None,

    /// <summary><c>Content-Disposition: inline</c>: show the file in the browser, keeping a name for "save as".</summary>
    Inline,

    /// <summary><c>Content-Disposition: attachment</c>: download the file under its download name.</summary>
    Attachment,
}
