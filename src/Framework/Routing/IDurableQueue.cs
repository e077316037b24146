namespace Switchboard;

/// <summary>
/// The port for at-least-once delivery: a store that keeps a <see cref="DurableMessage"/> until its target gateway
/// has run it. The core defines it and a transport implements it (<c>Switchboard.Redis.Durable.RedisDurableQueue</c>
/// on Redis Streams); a gateway sends durably once one is set with <see cref="Gateway.UseDurableQueue"/>.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IDurableQueue
{
    /// <summary>Stores <paramref name="message"/> for its target gateway; returns once it is stored.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels waiting for the store.</param>
    /// <returns>A task that completes when the message is stored.</returns>
    ValueTask EnqueueAsync(DurableMessage message, CancellationToken cancellationToken = default);
}
