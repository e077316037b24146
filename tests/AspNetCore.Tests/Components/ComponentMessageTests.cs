using System.Net;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Switchboard.AspNetCore.Tests.Components;

/// <summary>Component message routing by listen scope, without a browser: bUnit renders the components.</summary>
public sealed class ComponentMessageTests : BunitContext, IAsyncLifetime
{
    public ComponentMessageTests()
    {
        Services.AddSingleton(gateway);
        Services.AddSingleton(Options.Create(new BrowserSessionOptions { Project = "Hmi" }));
        Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        Services.AddScoped<BrowserSession>();
    }

    private readonly Gateway gateway = new("test-gateway");

    private Gateway Gateway => gateway;

    private BrowserSession Browser => Services.GetRequiredService<BrowserSession>();

    [Fact]
    public async Task A_page_message_reaches_page_listeners_and_re_renders_them()
    {
        var listener = Render<Listener>();

        var ran = await Browser.SendComponentMessageAsync("refresh");

        Assert.Equal(1, ran);
        listener.WaitForAssertion(() => Assert.Equal("refresh", listener.Find(".received").TextContent));
    }

    [Fact]
    public async Task A_page_message_does_not_reach_another_page()
    {
        var listener = Render<Listener>();

        var ran = await Browser.SendComponentMessageAsync("refresh", pageId: "another-page");

        Assert.Equal(0, ran);
        Assert.Empty(listener.Instance.Received);
    }

    [Fact]
    public async Task A_listener_fires_only_for_the_scopes_it_listens_on()
    {
        var listener = Render<Listener>();

        // The run time is the subject: SWB0004 reports these sends at compile time.
#pragma warning disable SWB0004
        Assert.Equal(0, await Browser.SendComponentMessageAsync("refresh", scope: ListenScope.Session));
        Assert.Equal(0, await Browser.SendComponentMessageAsync("level", new Reading(1), ListenScope.Page));
#pragma warning restore SWB0004
        Assert.Equal(1, await Browser.SendComponentMessageAsync("level", new Reading(42.5), ListenScope.Session, pageId: "any-page"));

        listener.WaitForAssertion(() => Assert.Equal("level 42.5", listener.Find(".received").TextContent));
    }

    [Fact]
    public async Task A_payload_of_another_shape_is_converted_with_json()
    {
        var listener = Render<Listener>();

        await Browser.SendComponentMessageAsync("level", new Dictionary<string, object?> { ["percent"] = 7.5 }, ListenScope.Session);

        listener.WaitForAssertion(() => Assert.Equal(["level 7.5"], listener.Instance.Received));
    }

    [Fact]
    public async Task A_payload_that_cannot_convert_throws_to_the_sender_and_reaches_no_handler()
    {
        var listener = Render<Listener>();

        // The payload is wrong on purpose: the analyzers see that it can never convert (SWB0018), the test proves the run time does too.
#pragma warning disable SWB0018
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Browser.SendComponentMessageAsync("level", new Dictionary<string, object?> { ["percent"] = "high" }, ListenScope.Session).AsTask());
#pragma warning restore SWB0018

        Assert.Contains("Reading", error.Message, StringComparison.Ordinal);
        Assert.Empty(listener.Instance.Received);
    }

    [Fact]
    public async Task A_view_message_reaches_only_its_view()
    {
        var views = Render<TwoViews>();
        var listeners = views.FindComponents<Listener>();

        // Sent from the left view's listener: the right view and the listener outside any view stay quiet.
        await views.InvokeAsync(() => listeners[0].Instance.Send("zoom", null, ListenScope.View));

        Assert.Equal(["zoom"], listeners[0].Instance.Received);
        Assert.Empty(listeners[1].Instance.Received);
        Assert.Empty(listeners[2].Instance.Received);

        // The same handler also listens on the page: all three hear a page-scoped zoom.
        await views.InvokeAsync(() => listeners[2].Instance.Send("zoom", null, ListenScope.Page));
        Assert.All(listeners, listener => Assert.Contains("zoom", listener.Instance.Received));
    }

    [Fact]
    public async Task A_disposed_component_receives_nothing()
    {
        var listener = Render<Listener>();
        listener.Instance.Dispose();

        Assert.Equal(0, await Browser.SendComponentMessageAsync("refresh"));
    }

    [Theory]
    [InlineData(ListenScope.Page | ListenScope.Session)]
    [InlineData((ListenScope)0)]
    public async Task A_send_names_exactly_one_scope(ListenScope scope)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Browser.SendComponentMessageAsync("refresh", scope: scope).AsTask());
        Assert.Contains("exactly one scope", error.Message, StringComparison.Ordinal);
    }

    // The run time is the subject: SWB0003 reports this send at compile time.
#pragma warning disable SWB0003
    [Fact]
    public async Task A_view_message_needs_a_view_name() =>
        Assert.Contains("view's name", (await Assert.ThrowsAsync<ArgumentException>(() =>
            Browser.SendComponentMessageAsync("zoom", scope: ListenScope.View).AsTask())).Message, StringComparison.Ordinal);
#pragma warning restore SWB0003

    [Fact]
    public void A_handler_of_a_shape_that_cannot_be_called_fails_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Render<BadShape>());
        Assert.Contains("BadShape.OnBad", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most one payload parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_handler_is_logged_and_the_others_still_run()
    {
        var component = Render<Throwing>();

        Assert.Equal(2, await Browser.SendComponentMessageAsync("boom", scope: ListenScope.Session));
        Assert.Equal(1, component.Instance.Calls);
    }

    [Fact]
    public async Task A_session_handler_reaches_the_components_of_its_browser_session_in_one_call()
    {
        var listener = Render<Listener>();
        // What the circuit handler does when the circuit opens.
        Browser.Open(new ClaimsPrincipal(new ClaimsIdentity()), IPAddress.Loopback, Services.GetRequiredService<NavigationManager>());
        var session = Browser.Session!;

        Assert.Equal(1, await session.SendComponentMessageAsync("level", new Reading(3)));
        listener.WaitForAssertion(() => Assert.Equal(["level 3"], listener.Instance.Received));
    }

    [Fact]
    public async Task A_session_that_is_not_a_browser_session_says_so()
    {
        await using var session = Gateway.OpenSession(new SessionIdentity { Project = "Hmi" });
        var error = Assert.Throws<InvalidOperationException>(() => session.GetBrowserSession());
        Assert.Contains("not a browser session", error.Message, StringComparison.Ordinal);
    }


    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => gateway.DisposeAsync().AsTask();
}
