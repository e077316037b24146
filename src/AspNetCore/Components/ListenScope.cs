namespace Switchboard.AspNetCore;

/// <summary>
/// Where a component message travels, and which of them a component handler listens to (Perspective's listen
/// scopes): the handler fires for a message sent with a scope it listens on, from the same view, page or session.
/// </summary>
[Flags]
public enum ListenScope
{
    /// <summary>Components in the same <see cref="MessageView"/> of the same page.</summary>
    View = 1,

    /// <summary>Components on the same page: the page the circuit shows, until it navigates.</summary>
    Page = 2,

    /// <summary>Every component of the session (the circuit), whatever page it is on.</summary>
    Session = 4,
}
