namespace Switchboard.Network;

/// <summary>A node's own channel (replies, and deliveries to the remote clients it hosts) and the presence channel.</summary>
internal sealed class NodeInbox(GatewayNetwork network) : IInboundRoute
{
    public string Channel => network.NodeChannel;

    public IInboundRoute Presence { get; } = new PresenceRoute(network);

    public void Handle(Envelope envelope)
    {
        switch (envelope.Kind)
        {
            case EnvelopeKinds.Reply:
                network.Replies.Complete(envelope);
                break;
            case EnvelopeKinds.Replies:
                foreach (var reply in envelope.Replies!)
                {
                    network.Replies.Complete(reply);
                }

                break;
            case EnvelopeKinds.Deliver:
                if (network.FindClient(envelope.Gateway!, envelope.SessionId!) is { } client)
                {
                    client.Deliver(envelope);
                }
                else
                {
                    network.Statistics.CountUnmatched();
                }

                break;
            case EnvelopeKinds.Ping:
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
            if (envelope.Kind != EnvelopeKinds.Presence)
            {
                throw new EnvelopeException(DropReason.Malformed, $"a \"{envelope.Kind}\" message does not belong on the presence channel");
            }

            network.Presence.Observe(envelope);
        }
    }
}
