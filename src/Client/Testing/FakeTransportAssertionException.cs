namespace Herald.Client.Testing;

/// <summary>Thrown by the assertion helpers of <see cref="FakeTransport"/>; the message lists the calls that were made.</summary>
public sealed class FakeTransportAssertionException : Exception
{
    internal FakeTransportAssertionException(string message)
        : base(message)
    {
    }
}
