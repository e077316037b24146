using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.AspNetCore.Tests.Browser;

/// <summary>The WebHmi sample in headless chromium: circuits as sessions, component messages, the status page.</summary>
public sealed class BrowserSessionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Wait = new() { Timeout = BrowserFixture.Timeout };

    [Fact]
    public Task A_role_filtered_send_reaches_only_the_session_of_the_user_with_the_role() =>
        fixture.RunAsync(nameof(A_role_filtered_send_reaches_only_the_session_of_the_user_with_the_role), async pages =>
        {
            var operatorPage = await fixture.LogInAsync("operator");
            pages.Add(operatorPage);
            var supervisorPage = await fixture.LogInAsync("supervisor");
            pages.Add(supervisorPage);
            await Expect(operatorPage.Locator("#session-user")).ToHaveTextAsync("operator", Wait);
            await Expect(supervisorPage.Locator("#session-user")).ToHaveTextAsync("supervisor", Wait);

            // The timer's "shiftNote" goes to Session scope with hasRole "Supervisor", every second here.
            await Expect(supervisorPage.Locator(".shift-note")).ToHaveCountAsync(2, new() { Timeout = BrowserFixture.Timeout });

            // The operator's session is live (it receives the unfiltered tank level), and got none of those notes.
            await Expect(operatorPage.Locator("#tank-level")).ToHaveTextAsync(new Regex(@"^\d+\.\d %$"), Wait);
            await Expect(operatorPage.Locator(".shift-note")).ToHaveCountAsync(0);
        });

    [Fact]
    public Task A_page_scoped_component_message_reaches_only_its_page() =>
        fixture.RunAsync(nameof(A_page_scoped_component_message_reaches_only_its_page), async pages =>
        {
            var first = await fixture.LogInAsync("operator");
            pages.Add(first);
            var second = await BrowserFixture.OpenTankPageAsync(first.Context);
            pages.Add(second);
            await BrowserFixture.SessionIdAsync(first);
            await BrowserFixture.SessionIdAsync(second);

            await first.ClickAsync("#refresh");
            await Expect(first.Locator("#refresh-count")).ToHaveTextAsync("Refreshed 1 time(s)", Wait);
            await first.ClickAsync("#refresh");
            await Expect(first.Locator("#refresh-count")).ToHaveTextAsync("Refreshed 2 time(s)", Wait);

            // The other page of the same user is live, and its refresh stamp never moved.
            await Expect(second.Locator("#tank-level")).ToHaveTextAsync(new Regex(@"^\d+\.\d %$"), Wait);
            await Expect(second.Locator("#refresh-count")).ToHaveTextAsync("Not refreshed yet");
        });

    [Fact]
    public Task The_status_page_shows_both_sessions_and_the_result_lines_of_the_sends() =>
        fixture.RunAsync(nameof(The_status_page_shows_both_sessions_and_the_result_lines_of_the_sends), async pages =>
        {
            var operatorPage = await fixture.LogInAsync("operator");
            pages.Add(operatorPage);
            var supervisorPage = await fixture.LogInAsync("supervisor");
            pages.Add(supervisorPage);
            var operatorId = await BrowserFixture.SessionIdAsync(operatorPage);
            var supervisorId = await BrowserFixture.SessionIdAsync(supervisorPage);

            var status = await fixture.LogInAsync("admin");
            pages.Add(status);
            await status.GotoAsync("/switchboard");
            await Expect(status.Locator("#gateway")).ToHaveTextAsync("hmi-8088", Wait);
            await Expect(status.Locator($"#endpoints tr[data-session-id='{operatorId}']")).ToContainTextAsync("operator", new() { Timeout = BrowserFixture.Timeout });
            await Expect(status.Locator($"#endpoints tr[data-session-id='{supervisorId}']")).ToContainTextAsync("Supervisor", new() { Timeout = BrowserFixture.Timeout });

            // The log updates live: a shift note's result line names the supervisor's session, and only a session of a supervisor.
            var noteLine = status.Locator("#log .result", new() { HasTextString = $"type=Session,sessionId={supervisorId}," }).Filter(new() { HasTextString = "messageHandler=shiftNote" });
            await Expect(noteLine.First).ToContainTextAsync("hasRole=Supervisor}", new() { Timeout = BrowserFixture.Timeout });
            await Expect(noteLine.First).ToContainTextAsync("sendStatus=SENT");
            await Expect(status.Locator("#log .result", new() { HasTextString = $"sessionId={operatorId}," }).Filter(new() { HasTextString = "messageHandler=shiftNote" })).ToHaveCountAsync(0);
            await Expect(status.Locator("#counters")).ToContainTextAsync("switchboard.messages.sent{status=SENT}");
            await Expect(status.Locator("#projects")).ToContainTextAsync("shiftNote");
        });

    [Fact]
    public Task A_closed_circuit_detaches_its_session() =>
        fixture.RunAsync(nameof(A_closed_circuit_detaches_its_session), async pages =>
        {
            var status = await fixture.LogInAsync("admin");
            pages.Add(status);
            await status.GotoAsync("/switchboard");
            var tank = await fixture.LogInAsync("operator");
            var sessionId = await BrowserFixture.SessionIdAsync(tank);
            var row = status.Locator($"#endpoints tr[data-session-id='{sessionId}']");
            await Expect(row).ToHaveCountAsync(1, new() { Timeout = BrowserFixture.Timeout });

            await tank.Context.CloseAsync();

            await Expect(row).ToHaveCountAsync(0, new() { Timeout = BrowserFixture.Timeout });
        });

    [Fact]
    public async Task The_status_page_requires_the_apps_policy()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.Address };
        using var anonymous = await http.GetAsync("/switchboard/state");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        await fixture.RunAsync(nameof(The_status_page_requires_the_apps_policy), async pages =>
        {
            var operatorPage = await fixture.LogInAsync("operator");
            pages.Add(operatorPage);
            // With the operator's cookie: logged in, but without the Administrator role the policy asks for.
            var response = await operatorPage.Context.APIRequest.GetAsync("/switchboard/state", new() { MaxRedirects = 0 });
            Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
        });
    }

    [Fact]
    public async Task A_failing_browser_test_saves_a_screenshot_of_its_pages()
    {
        var failure = await Assert.ThrowsAsync<BrowserTestFailedException>(() =>
            fixture.RunAsync("deliberate-failure", async pages =>
            {
                var page = await fixture.LogInAsync("operator");
                pages.Add(page);
                await Expect(page.Locator("#tank-level")).ToHaveTextAsync("no such level", new() { Timeout = 500 });
            }));

        var screenshot = Assert.Single(failure.Screenshots);
        var bytes = await File.ReadAllBytesAsync(screenshot);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        File.Delete(screenshot);
    }
}
