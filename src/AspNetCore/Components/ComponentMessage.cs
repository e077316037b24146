namespace Switchboard.AspNetCore;

/// <summary>Where a component message goes: its type, scope, and the page and view it was sent from or to.</summary>
/// <param name="MessageType">The message type handlers are marked with.</param>
/// <param name="Scope">One scope: view, page or session.</param>
/// <param name="PageId">The page, for view and page scope.</param>
/// <param name="ViewName">The view, for view scope.</param>
internal readonly record struct ComponentMessage(string MessageType, ListenScope Scope, string? PageId, string? ViewName)
{
    public bool Reaches(ComponentRegistration registration, ComponentHandler handler) =>
        string.Equals(handler.MessageType, MessageType, StringComparison.Ordinal)
        && (handler.Scopes & Scope) != 0
        && Scope switch
        {
            ListenScope.Session => true,
            ListenScope.Page => string.Equals(registration.PageId, PageId, StringComparison.Ordinal),
            _ => string.Equals(registration.PageId, PageId, StringComparison.Ordinal)
                 && registration.ViewName is not null
                 && string.Equals(registration.ViewName, ViewName, StringComparison.Ordinal),
        };
}
