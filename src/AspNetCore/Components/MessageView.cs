using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Switchboard.AspNetCore;

/// <summary>
/// A view (Perspective's view) inside a page: the components in its content share its
/// <see cref="ListenScope.View"/> messages. Views do not nest: a component belongs to its nearest view.
/// </summary>
public sealed class MessageView : ComponentBase
{
    /// <summary>The view's name, for example <c>"Tank1"</c>; two views of one name on one page share messages.</summary>
    [Parameter, EditorRequired]
    public string Name { get; set; } = "";

    /// <summary>The components in the view.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingValue<MessageView>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<MessageView>.Value), this);
        builder.AddComponentParameter(2, nameof(CascadingValue<MessageView>.IsFixed), true);
        builder.AddComponentParameter(3, nameof(CascadingValue<MessageView>.ChildContent), ChildContent);
        builder.CloseComponent();
    }
}
