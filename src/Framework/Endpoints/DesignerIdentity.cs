namespace Switchboard;

/// <summary>Identifies a designer. Designers can send (when <see cref="ReadWriteComm"/> is on) and never receive.</summary>
public sealed record DesignerIdentity
{
    /// <summary>The project open in the designer.</summary>
    public string? Project { get; init; }

    /// <summary>The logged-in user.</summary>
    public string? User { get; init; }

    /// <summary>The logged-in user's roles, checked against handlers' required roles.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The host the designer runs on.</summary>
    public string? HostName { get; init; }

    /// <summary>Whether the designer may send (Ignition's read/write communication mode); <see langword="true"/> by default.</summary>
    public bool ReadWriteComm { get; init; } = true;

    // The compiler's version prints Roles as its type name (System.String[]); logs need the names.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Project = ").Append(Project)
            .Append(", User = ").Append(User)
            .Append(", Roles = ").AppendRoles(Roles)
            .Append(", HostName = ").Append(HostName)
            .Append(", ReadWriteComm = ").Append(ReadWriteComm);
        return true;
    }
}
