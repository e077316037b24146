using System.Collections.Concurrent;

namespace Switchboard.Network;

/// <summary>
/// A gateway joined to a network: it announces itself, receives on its channel (<see cref="GatewayInbox"/>), sends to
/// remote servers (<see cref="RemoteServers"/>), and keeps the remote clients attached to it, dropping those that fall silent.
/// </summary>
internal sealed class GatewayMembership : INetworkLink
{
    private readonly ConcurrentDictionary<string, RemoteClientLink> links = new(StringComparer.OrdinalIgnoreCase);
    private readonly RemoteServers remoteServers;
    private readonly object attaching = new();
    private int left;

    public GatewayMembership(GatewayNetwork network, Gateway gateway)
    {
        Network = network;
        Gateway = gateway;
        Channel = network.Channels.Gateway(gateway.Name);
        Inbox = new GatewayInbox(this);
        remoteServers = new RemoteServers(network, gateway);
    }

    public GatewayNetwork Network { get; }

    public Gateway Gateway { get; }

    public string Channel { get; }

    public GatewayInbox Inbox { get; }

    public bool ForwardsAllSends => false;

    public DeliveryReport Send(in MessageSend send)
    {
        RemoteServerLimit.ThrowIfExceeded(Network, send.RemoteServers);
        return remoteServers.Send(send);
    }

    public Task<DeliveryReport> SendAsync(MessageSend send, CancellationToken cancellationToken)
    {
        RemoteServerLimit.ThrowIfExceeded(Network, send.RemoteServers);
        return remoteServers.SendAsync(send, cancellationToken);
    }

    public Task<object?> RequestAsync(MessageRequest request, TimeSpan timeout, Type? responseType, CancellationToken cancellationToken) =>
        remoteServers.RequestAsync(request, timeout, responseType, cancellationToken);

    public void RequestAll(IRequestAllTargets targets, MessageSend send, TimeSpan wait, CancellationToken cancellationToken)
    {
        RemoteServerLimit.ThrowIfExceeded(Network, send.RemoteServers);
        remoteServers.RequestAll(targets, send, wait, cancellationToken);
    }

    /// <summary>Publishes the gateway's presence heartbeat; a failure waits for the next beat.</summary>
    public async Task AnnounceAsync()
    {
        if (Volatile.Read(ref left) == 1)
        {
            return;
        }

        await PublishPresenceAsync(PresenceStates.Alive).ConfigureAwait(false);
    }

    /// <summary>Attaches a remote client, or finds it when it is already attached from the same node.</summary>
    /// <exception cref="ArgumentException">The session id belongs to another endpoint of the gateway.</exception>
    /// <exception cref="ObjectDisposedException">The gateway is closed.</exception>
    public RemoteClientLink Ensure(ClientIdentity identity, string node)
    {
        lock (attaching)
        {
            return EnsureAttached(identity, node);
        }
    }

    private RemoteClientLink EnsureAttached(ClientIdentity identity, string node)
    {
        var sessionId = identity.SessionId;
        if (sessionId is not null && links.TryGetValue(sessionId, out var existing) && !existing.IsClosed)
        {
            if (existing.Node == node)
            {
                existing.Touch();
                return existing;
            }

            // The same session id from another node: the client's process restarted with a fixed id; the new one wins.
            Vanish(existing, $"it attached again from node {node}");
        }

        var link = Gateway.Deliveries.Attach(identity, (id, sequence) => new RemoteClientLink(Gateway, identity, id, sequence, this, node));
        links[link.SessionId] = link;
        Log.RemoteClientAttached(Network.Logger, link.SessionId, identity.Project, identity.User, Gateway.Name, node);
        return link;
    }

    /// <summary>The remote client attached under <paramref name="sessionId"/> from <paramref name="node"/>, if any; it counts as heard from.</summary>
    public RemoteClientLink? Find(string sessionId, string node)
    {
        if (links.TryGetValue(sessionId, out var link) && !link.IsClosed && link.Node == node)
        {
            link.Touch();
            return link;
        }

        return null;
    }

    /// <summary>A remote client said goodbye.</summary>
    public void Detach(string sessionId, string node)
    {
        if (links.TryGetValue(sessionId, out var link) && link.Node == node)
        {
            Vanish(link, reason: null);
        }
    }

    /// <summary>Stops selecting a remote client: it disconnected (<paramref name="reason"/> is null), fell silent, or its process no longer listens.</summary>
    public void Vanish(RemoteClientLink link, string? reason)
    {
        lock (attaching)
        {
            if (links.TryRemove(new KeyValuePair<string, RemoteClientLink>(link.SessionId, link)))
            {
                if (reason is null)
                {
                    Log.RemoteClientDetached(Network.Logger, link.SessionId, Gateway.Name);
                }
                else
                {
                    Log.RemoteClientGone(Network.Logger, link.SessionId, Gateway.Name, reason);
                }
            }

            // Detaching happens before the first await inside, so the session id is free when this returns.
            _ = link.DisposeAsync().AsTask();
        }
    }

    public void Forget(RemoteClientLink link) => links.TryRemove(new KeyValuePair<string, RemoteClientLink>(link.SessionId, link));

    public void SweepSilentClients()
    {
        var timeout = Network.Options.PresenceTimeout;
        foreach (var link in links.Values)
        {
            if (link.SilentFor > timeout)
            {
                Vanish(link, $"no heartbeat for {link.SilentFor.TotalSeconds:0.#} s (PresenceTimeout {timeout.TotalSeconds:0.#} s)");
            }
        }
    }

    public async ValueTask LeaveAsync()
    {
        if (Interlocked.Exchange(ref left, 1) == 1)
        {
            return;
        }

        if (ReferenceEquals(Gateway.NetworkLink, this))
        {
            Gateway.NetworkLink = null;
        }

        Network.Forget(this);
        try
        {
            await Network.UnsubscribeAsync(Channel).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Disconnected: the subscription is gone with the connection, and the transport forgets it either way.
        }

        await PublishPresenceAsync(PresenceStates.Leaving).ConfigureAwait(false);
        foreach (var link in links.Values)
        {
            Vanish(link, $"gateway \"{Gateway.Name}\" left the network");
        }

        Log.LeftNetwork(Network.Logger, Gateway.Name, Network.NetworkName);
    }

    private async Task PublishPresenceAsync(string state)
    {
        try
        {
            var presence = new PresenceEnvelope { Gateway = Gateway.Name, Node = Network.NodeId, State = state };
            await Network.Transport.PublishAsync(Network.Channels.Presence, EnvelopeWriter.Write(presence)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Disconnected: the next heartbeat after reconnecting announces the gateway again.
        }
    }
}
