using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;

namespace Switchboard.AspNetCore;

/// <summary>
/// A component that can send and receive component messages (Perspective's <c>system.perspective.sendMessage</c>
/// and component message handlers). Its <see cref="ComponentMessageHandlerAttribute"/> methods are registered with its
/// circuit's <see cref="BrowserSession"/> when it first receives parameters, and removed when it is disposed.
/// </summary>
[SuppressMessage("Design", "CA1063:Implement IDisposable Correctly", Justification = "Dispose(bool) is the extension point.")]
public abstract class MessagingComponentBase : ComponentBase, IDisposable
{
    private ComponentRegistration? registration;

    /// <summary>The circuit's browser session.</summary>
    [Inject]
    protected BrowserSession BrowserSession { get; set; } = default!;

    /// <summary>The view the component is in, if any.</summary>
    [CascadingParameter]
    protected MessageView? View { get; set; }

    /// <summary>The page the component is on (changes only when it is created again after a navigation).</summary>
    protected string PageId => registration?.PageId ?? BrowserSession.PageId;

    /// <inheritdoc />
    public override Task SetParametersAsync(ParameterView parameters)
    {
        if (registration is null)
        {
            parameters.SetParameterProperties(this);
            registration = BrowserSession.Register(this, View?.Name);
            return base.SetParametersAsync(ParameterView.Empty);
        }

        return base.SetParametersAsync(parameters);
    }

    /// <summary>
    /// Sends a component message from this component: to its view, its page (the default) or its whole session.
    /// </summary>
    /// <param name="messageType">The message type.</param>
    /// <param name="payload">The payload, or <see langword="null"/>.</param>
    /// <param name="scope">One scope: <see cref="ListenScope.View"/>, <see cref="ListenScope.Page"/> or <see cref="ListenScope.Session"/>.</param>
    /// <param name="cancellationToken">Cancels waiting for the handlers; handlers already started still finish.</param>
    /// <returns>How many handlers ran.</returns>
    /// <exception cref="ArgumentException">The message type is empty, the scope is not exactly one scope, or the payload cannot be converted for a handler.</exception>
    protected ValueTask<int> SendComponentMessageAsync(string messageType, object? payload = null, ListenScope scope = ListenScope.Page, CancellationToken cancellationToken = default) =>
        BrowserSession.SendComponentMessageAsync(messageType, payload, scope, PageId, View?.Name, cancellationToken);

    /// <summary>Runs a handler on this component's dispatcher and re-renders it.</summary>
    internal Task DeliverAsync(ComponentHandler handler, object? payload) => InvokeAsync(async () =>
    {
        await handler.InvokeAsync(this, payload).ConfigureAwait(true);
        StateHasChanged();
    });

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the component's handlers; override to release more, and call the base.</summary>
    /// <param name="disposing">Whether <see cref="Dispose()"/> is running.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && registration is not null)
        {
            BrowserSession.Unregister(registration);
        }
    }
}
