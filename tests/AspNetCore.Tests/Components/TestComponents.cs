using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Switchboard.AspNetCore.Tests.Components;

public sealed record Reading(double Percent);

/// <summary>Listens to "refresh" on its page and "level" on its whole session, and shows what it got.</summary>
public sealed class Listener : MessagingComponentBase
{
    public List<string> Received { get; } = [];

    public Task Send(string type, object? payload, ListenScope scope) => SendComponentMessageAsync(type, payload, scope).AsTask();

    protected override void BuildRenderTree(RenderTreeBuilder builder) =>
        builder.AddMarkupContent(0, $"<p class=\"received\">{string.Join(";", Received)}</p>");

    [ComponentMessageHandler("refresh", ListenScope.Page)]
    private void OnRefresh() => Received.Add("refresh");

    [ComponentMessageHandler("level", ListenScope.Session)]
    private async Task OnLevel(Reading reading)
    {
        await Task.Yield();
        Received.Add($"level {reading.Percent}");
    }

    [ComponentMessageHandler("zoom", ListenScope.View | ListenScope.Page)]
    private void OnZoom() => Received.Add("zoom");
}

/// <summary>Two views with a listener each, and one listener outside any view.</summary>
public sealed class TwoViews : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<MessageView>(0);
        builder.AddComponentParameter(1, nameof(MessageView.Name), "left");
        builder.AddComponentParameter(2, nameof(MessageView.ChildContent), (RenderFragment)ListenerContent);
        builder.CloseComponent();
        builder.OpenComponent<MessageView>(3);
        builder.AddComponentParameter(4, nameof(MessageView.Name), "right");
        builder.AddComponentParameter(5, nameof(MessageView.ChildContent), (RenderFragment)ListenerContent);
        builder.CloseComponent();
        builder.OpenComponent<Listener>(6);
        builder.CloseComponent();
    }

    private static void ListenerContent(RenderTreeBuilder inner)
    {
        inner.OpenComponent<Listener>(0);
        inner.CloseComponent();
    }
}

/// <summary>A handler with two payloads: a shape that cannot be called.</summary>
public sealed class BadShape : MessagingComponentBase
{
    // The run time's refusal is the subject: SWB0005 reports this shape at compile time.
#pragma warning disable SWB0005
    [ComponentMessageHandler("bad")]
    private void OnBad(string first, string second) => _ = first + second;
#pragma warning restore SWB0005
}

/// <summary>A handler that throws, beside one that works.</summary>
public sealed class Throwing : MessagingComponentBase
{
    public int Calls { get; private set; }

    [ComponentMessageHandler("boom", ListenScope.Session)]
    private void OnBoom() => throw new InvalidOperationException("boom");

    [ComponentMessageHandler("boom", ListenScope.Session)]
    private void OnBoomToo() => Calls++;
}
