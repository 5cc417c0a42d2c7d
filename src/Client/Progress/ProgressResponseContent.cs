namespace Herald.Client.Internal;

/// <summary>A response body whose reads are reported to a <see cref="ProgressReporter"/>; bytes and headers pass unchanged.</summary>
internal sealed class ProgressResponseContent(HttpContent inner, ProgressReporter reporter) : WrappedResponseContent(inner, sameBytes: true)
{
    protected override Stream Wrap(Stream inner) => new ProgressReadStream(inner, reporter);
}
