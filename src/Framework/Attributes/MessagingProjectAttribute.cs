namespace Switchboard;

/// <summary>Names the messaging project that an assembly's handlers belong to (by default, the assembly name).</summary>
/// <example><code>[assembly: MessagingProject("X")]</code></example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class MessagingProjectAttribute : Attribute
{
    /// <summary>Names the assembly's project.</summary>
    /// <param name="name">The project name senders use (Ignition's <c>project</c>).</param>
    public MessagingProjectAttribute(string name) => Name = name;

    /// <summary>The project name.</summary>
    public string Name { get; }
}
