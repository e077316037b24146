using StackExchange.Redis;

namespace Switchboard.Redis.Durable;

/// <summary>A <see cref="DurableMessage"/> as the fields of a stream entry, and back.</summary>
internal static class DurableEntry
{
    private const char RoleSeparator = '\u001f';

    // Redis stores no null: an absent value is written empty and read back as null.
    public static NameValueEntry[] Fields(DurableMessage message) =>
    [
        new("id", message.Id),
        new("gateway", message.TargetGateway),
        new("project", message.Project),
        new("handler", message.MessageHandler),
        new("payload", message.PayloadJson),
        new("sender.kind", message.Sender.Kind.ToString()),
        new("sender.gateway", message.Sender.GatewayName),
        new("sender.session", message.Sender.SessionId ?? string.Empty),
        new("sender.user", message.Sender.User ?? string.Empty),
        new("sender.roles", string.Join(RoleSeparator, message.Sender.Roles)),
        new("sender.host", message.Sender.HostName ?? string.Empty),
    ];

    /// <summary>Whether a field is part of the message (and so signed), rather than the queue's own bookkeeping.</summary>
    public static bool IsSigned(RedisValue name) => name.StartsWith("sender.") || name == "id" || name == "gateway" || name == "project" || name == "handler" || name == "payload";

    /// <summary>Reads an entry back; <see langword="null"/> when a required field is missing or invalid.</summary>
    public static DurableMessage? Read(StreamEntry entry)
    {
        string? Field(string name) => entry[name] is { IsNull: false } value ? (string?)value : null;

        var id = Field("id");
        var gateway = Field("gateway");
        var project = Field("project");
        var handler = Field("handler");
        var payload = Field("payload");
        var senderGateway = Field("sender.gateway");
        if (id is null || gateway is null || project is null || handler is null || payload is null || senderGateway is null
            || !Enum.TryParse<EndpointKind>(Field("sender.kind"), out var kind))
        {
            return null;
        }

        var roles = Field("sender.roles") is { Length: > 0 } joined ? joined.Split(RoleSeparator) : [];
        var sender = new SenderInfo(kind, senderGateway, Empty(Field("sender.session")), Empty(Field("sender.user")), roles, Empty(Field("sender.host")));
        return new DurableMessage(id, gateway, project, handler, payload, sender);
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
