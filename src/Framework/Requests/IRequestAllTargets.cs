namespace Switchboard;

/// <summary>
/// What a network fills for a request-all that crosses it (the core's port, as <see cref="INetworkLink"/> is): a slot
/// per remote gateway it asks, filled with that gateway's own targets' answers, or with the reason it could not be asked.
/// </summary>
internal interface IRequestAllTargets
{
    /// <summary>The caller's response type: what a network decodes answers to.</summary>
    Type ResponseType { get; }

    /// <summary>A slot for a remote gateway about to be asked.</summary>
    IRequestAllSlot Expect(in DeliveryResult target);

    /// <summary>Fills a slot whose target was not asked, with the send status that says why.</summary>
    void Settle(IRequestAllSlot slot, DeliveryStatus status);

    /// <summary>Fills a remote gateway's slot with its own targets' answers, in its order.</summary>
    void SettleRemote(IRequestAllSlot slot, IReadOnlyList<RequestAllAnswer> answers);

    /// <summary>Fills a slot with an outcome that is not an answer from a handler (a timeout, a failure on the way).</summary>
    void Fault(IRequestAllSlot slot, RequestAllStatus status, Exception? exception);
}

/// <summary>
/// One slot of a request-all, as a network holds it until it can fill it: a remote gateway's slot, or the queued
/// delivery to a remote client (which answers through the slot's <see cref="IRequestReply"/>).
/// </summary>
internal interface IRequestAllSlot
{
    /// <summary>Who the slot is for.</summary>
    DeliveryResult Target { get; }

    /// <summary>The caller's response type: what a network decodes the answer to.</summary>
    Type ResponseType { get; }

    /// <summary>How long the call still waits (<see cref="Timeout.InfiniteTimeSpan"/> for ever).</summary>
    TimeSpan Remaining { get; }
}

/// <summary>
/// One target's answer to a request-all before it is typed: how a gateway hands its targets' answers to the network
/// (<see cref="ILocalDelivery.RequestAllAsync"/>) and the network hands a remote gateway's to the asking call.
/// </summary>
/// <param name="Target">Who answered, with the send status of the request to it.</param>
/// <param name="Status">What it answered.</param>
/// <param name="Response">The handler's value, when it answered.</param>
/// <param name="Exception">Why it failed, when it did.</param>
internal readonly record struct RequestAllAnswer(DeliveryResult Target, RequestAllStatus Status, object? Response, Exception? Exception)
{
    /// <summary>The untyped form of a typed result.</summary>
    public static RequestAllAnswer From<TResponse>(in RequestAllResult<TResponse> result) =>
        new(result.Target, result.Status, result.Response, result.Exception);
}
