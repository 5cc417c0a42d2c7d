namespace Herald.Client.Internal;

/// <summary>Watches the bytes of a body as they pass, without changing them.</summary>
internal interface IContentObserver
{
    /// <summary>Called with each chunk, in order.</summary>
    void OnBytes(ReadOnlySpan<byte> chunk);

    /// <summary>Called once when the body has been passed on completely.</summary>
    void OnCompleted();
}
