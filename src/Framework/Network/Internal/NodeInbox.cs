namespace Switchboard.Network;

/// <summary>A node's own channel (replies, and deliveries to the remote clients it hosts) and the presence channel.</summary>
internal sealed class NodeInbox(GatewayNetwork network) : IInboundRoute
{
    public string Channel => network.NodeChannel;

    public IInboundRoute Presence { get; } = new PresenceRoute(network);

    public void Handle(Envelope envelope)
    {
        switch (envelope)
        {
            case ReplyEnvelope reply:
                network.Replies.Complete(reply);
                break;
            case RepliesEnvelope batch:
                foreach (var reply in batch.Replies)
                {
                    network.Replies.Complete(reply);
                }

                break;
            case DeliverEnvelope delivery:
                if (network.FindClient(delivery.Gateway, delivery.SessionId) is { } client)
                {
                    client.Deliver(delivery);
                }
                else
                {
                    network.Statistics.CountUnmatched();
                }

                break;
            case PingEnvelope:
                break;
            default:
                throw new EnvelopeException(DropReason.Malformed, $"a \"{envelope.Kind}\" message does not belong on a node's channel");
        }
    }

    private sealed class PresenceRoute(GatewayNetwork network) : IInboundRoute
    {
        public string Channel => network.Channels.Presence;

        public void Handle(Envelope envelope)
        {
            if (envelope is not PresenceEnvelope presence)
            {
                throw new EnvelopeException(DropReason.Malformed, $"a \"{envelope.Kind}\" message does not belong on the presence channel");
            }

            network.Presence.Observe(presence);
        }
    }
}
