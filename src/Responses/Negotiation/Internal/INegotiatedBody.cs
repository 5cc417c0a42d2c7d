namespace Herald.Responses.Negotiation;

/// <summary>Lets the endpoint filter find a <see cref="Negotiated{T}"/> argument whose body could not be received.</summary>
internal interface INegotiatedBody
{
    ContentReceiveException? Failure { get; }
}
