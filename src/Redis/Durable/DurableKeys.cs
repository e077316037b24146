using StackExchange.Redis;

namespace Switchboard.Redis.Durable;

/// <summary>
/// The Redis keys of one gateway's durable messages for one project: a stream read by one consumer group (named
/// after the gateway), its dead-letter stream, the failure counts of its pending messages, and its processed ids.
/// </summary>
internal sealed record DurableKeys(string NetworkName, string Gateway, string Project)
{
    private string Prefix => $"switchboard:{NetworkName}:durable:{Gateway}:{Project}";

    public RedisKey Stream => Prefix;

    public RedisKey DeadLetters => Prefix + ":dead";

    public RedisKey Failures => Prefix + ":failures";

    public RedisValue Group => Gateway;

    public RedisKey Processed(string messageId) => $"{Prefix}:done:{messageId}";
}
