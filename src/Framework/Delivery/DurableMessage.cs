namespace Switchboard;

/// <summary>
/// A message sent in durable mode (<see cref="Endpoint.SendDurableAsync"/>), as a durable queue stores it: it names
/// its target gateway handler, carries its payload as JSON and the identity of its sender, and has an id by which
/// the receiving gateway recognises a redelivery.
/// </summary>
/// <param name="Id">The message id, unique per send; a redelivered message keeps it.</param>
/// <param name="TargetGateway">The gateway whose handler runs it.</param>
/// <param name="Project">The handler's project.</param>
/// <param name="MessageHandler">The gateway-scope handler's name.</param>
/// <param name="PayloadJson">The payload as a JSON object.</param>
/// <param name="Sender">Who sent it; the receiving gateway checks <c>RequiredRole</c> against it.</param>
public sealed record DurableMessage(
    string Id,
    string TargetGateway,
    string Project,
    string MessageHandler,
    string PayloadJson,
    SenderInfo Sender);
