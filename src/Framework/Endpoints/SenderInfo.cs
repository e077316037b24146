namespace Switchboard;

/// <summary>Who sent a message, as its handlers see it.</summary>
/// <param name="Kind">The kind of endpoint that sent it.</param>
/// <param name="GatewayName">The gateway the sender is attached to (or is).</param>
/// <param name="SessionId">The sender's session id, for clients and sessions.</param>
/// <param name="User">The sender's user, when known.</param>
/// <param name="Roles">The sender's roles.</param>
/// <param name="HostName">The sender's host name, when known.</param>
public sealed record SenderInfo(
    EndpointKind Kind,
    string GatewayName,
    string? SessionId,
    string? User,
    IReadOnlyList<string> Roles,
    string? HostName)
{
    /// <summary>Whether the sender holds <paramref name="role"/> (case-insensitive). The gateway itself holds every role.</summary>
    /// <param name="role">The role to look for.</param>
    /// <returns><see langword="true"/> when the sender may call a handler that requires <paramref name="role"/>.</returns>
    public bool HasRole(string role)
    {
        if (Kind == EndpointKind.Gateway)
        {
            return true;
        }

        foreach (var held in Roles)
        {
            if (string.Equals(held, role, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // The compiler's version prints Roles as its type name (System.String[]); logs need the names.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Kind = ").Append(Kind)
            .Append(", GatewayName = ").Append(GatewayName)
            .Append(", SessionId = ").Append(SessionId)
            .Append(", User = ").Append(User)
            .Append(", Roles = ").AppendRoles(Roles)
            .Append(", HostName = ").Append(HostName);
        return true;
    }
}
