namespace Switchboard.AspNetCore;

/// <summary>A live component with handlers: where it is, and how to run code on its circuit's dispatcher.</summary>
internal sealed class ComponentRegistration(MessagingComponentBase component, ComponentHandler[] handlers, string pageId, string? viewName)
{
    public MessagingComponentBase Component { get; } = component;

    public ComponentHandler[] Handlers { get; } = handlers;

    public string PageId { get; } = pageId;

    public string? ViewName { get; } = viewName;
}
