namespace Switchboard.Network;

/// <summary>
/// The confirmations a node's inbound worker writes while it handles awaited sends, gathered per reply channel and
/// published when the inbound queue has run dry, and at least every <see cref="InboundQueue.FlushEvery"/> messages
/// when it does not, as one <see cref="EnvelopeKinds.Replies"/> envelope per channel (a lone reply goes out as a plain
/// <see cref="EnvelopeKinds.Reply"/>). A batch is also published as soon as it is full (<see cref="MaxReplies"/>, or
/// <see cref="GatewayNetworkOptions.MaxMessageBytes"/>), so a confirmation waits behind at most that many other
/// messages, whatever they are. Used by that worker's thread only.
/// </summary>
internal sealed class ReplyBatcher(GatewayNetwork network)
{
    /// <summary>The most replies waiting at once, over all channels, before they are published.</summary>
    public const int MaxReplies = 256;

    private readonly Dictionary<string, Batch> batches = new(StringComparer.Ordinal);
    private int waiting;

    /// <summary>Adds a reply; it is published by <see cref="Flush"/> or when its batch is full.</summary>
    public void Add(string replyTo, ReplyEnvelope reply)
    {
        byte[] bytes;
        try
        {
            bytes = network.Encode(reply);
        }
        catch (PayloadConversionException)
        {
            // Too large to travel: the single-reply path answers with a failure in its place.
            network.Reply(replyTo, reply);
            return;
        }

        if (!batches.TryGetValue(replyTo, out var batch))
        {
            batches[replyTo] = batch = new Batch();
        }

        if (batch.Replies.Count > 0 && batch.Bytes + bytes.Length + 1 + EnvelopeWriter.BatchOverhead > network.Options.MaxMessageBytes)
        {
            Publish(replyTo, batch);
        }

        batch.Add(reply.Id, bytes);
        waiting++;
        if (waiting >= MaxReplies)
        {
            Flush();
        }
    }

    /// <summary>Publishes every waiting reply.</summary>
    public void Flush()
    {
        if (waiting == 0)
        {
            return;
        }

        foreach (var (replyTo, batch) in batches)
        {
            if (batch.Replies.Count > 0)
            {
                Publish(replyTo, batch);
            }
        }

        // Reply channels of nodes that have gone would otherwise be kept for ever.
        if (batches.Count > 16)
        {
            batches.Clear();
        }
    }

    private void Publish(string replyTo, Batch batch)
    {
        var count = batch.Replies.Count;
        var bytes = count == 1 ? batch.Replies[0] : EnvelopeWriter.WriteBatch(EnvelopeKinds.Replies, batch.Replies);
        var description = count == 1 ? batch.FirstId! : $"{batch.FirstId} and {count - 1} more";
        waiting -= count;
        batch.Clear();
        _ = network.PublishReplyAsync(replyTo, bytes, description);
    }

    private sealed class Batch
    {
        public List<byte[]> Replies { get; } = [];

        public string? FirstId { get; private set; }

        public int Bytes { get; private set; }

        public void Add(string id, byte[] reply)
        {
            FirstId ??= id;
            Bytes += reply.Length + 1;
            Replies.Add(reply);
        }

        public void Clear()
        {
            Replies.Clear();
            FirstId = null;
            Bytes = 0;
        }
    }
}
