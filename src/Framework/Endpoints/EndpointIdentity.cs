namespace Switchboard;

/// <summary>Who an attached endpoint is: the fields that Ignition's send filters select on.</summary>
public abstract record EndpointIdentity
{
    /// <summary>The project the endpoint runs; only messages for this project reach it.</summary>
    public required string Project { get; init; }

    /// <summary>The logged-in user, or <see langword="null"/> when nobody is logged in.</summary>
    public string? User { get; init; }

    /// <summary>The logged-in user's roles.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The network host name the endpoint runs on.</summary>
    public string? HostName { get; init; }

    /// <summary>The network address the endpoint connects from.</summary>
    public string? Address { get; init; }

    /// <summary>The session id; when <see langword="null"/> the gateway assigns 8 upper-case hex digits.</summary>
    public string? SessionId { get; init; }

    /// <summary>Prints the members, with the roles as their names rather than the list's type name.</summary>
    /// <param name="builder">Where the members are written.</param>
    /// <returns><see langword="true"/>: members were written.</returns>
    protected virtual bool PrintMembers(System.Text.StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("Project = ").Append(Project)
            .Append(", User = ").Append(User)
            .Append(", Roles = ").AppendRoles(Roles)
            .Append(", HostName = ").Append(HostName)
            .Append(", Address = ").Append(Address)
            .Append(", SessionId = ").Append(SessionId);
        return true;
    }
}
