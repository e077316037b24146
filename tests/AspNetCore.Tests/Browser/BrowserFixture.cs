using Microsoft.Playwright;

namespace Switchboard.AspNetCore.Tests.Browser;

/// <summary>One WebHmi process and one headless Debian chromium for the whole test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Generous: a shared 2-core CI machine where a cold app's first login runs beside other test assemblies (an AOT
    /// publish among them), and 30 s was once too short; waits end as soon as their signal shows.
    /// </summary>
    public static readonly float Timeout = 90_000;

    private IPlaywright? playwright;

    public WebHmiHost Host { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = FindChromium();
        Host = await WebHmiHost.StartAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // The tests run as root in containers, where chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    private static readonly System.Text.RegularExpressions.Regex AwayFromLogin = new("^(?!.*/login)");

    /// <summary>A new browser context (its own cookies) logged in as <paramref name="user"/>, on the tank page.</summary>
    public async Task<IPage> LogInAsync(string user, IBrowserContext? context = null)
    {
        context ??= await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.Address.ToString() });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", user);
        await page.ClickAsync("#login");
        // Only the redirect away from the login page, polled as the page's URL: what the tests wait for next (the
        // session badge) has its own wait. No load state is awaited: WaitForURLAsync, when the URL already matches,
        // waits for the "load" event whatever WaitUntil says, and that event once never came within 90 s on a loaded
        // CI machine although the circuit was up ("NetworkIdle" fired).
        await Assertions.Expect(page).ToHaveURLAsync(AwayFromLogin, new() { Timeout = Timeout });
        return page;
    }

    /// <summary>A second page (tab) of the same context on the tank page: another circuit, so another session.</summary>
    public static async Task<IPage> OpenTankPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    /// <summary>The session id a tank page shows, once its circuit is up.</summary>
    public static async Task<string> SessionIdAsync(IPage page)
    {
        var badge = page.Locator("#session-id");
        await Assertions.Expect(badge).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-F]{8}$"), new() { Timeout = Timeout });
        return await badge.InnerTextAsync();
    }

    /// <summary>
    /// Runs a browser test; when it fails, saves a screenshot of every page it opened under <see cref="ScreenshotDirectory"/>
    /// (named after the test) and the sample's output into the exception, then rethrows.
    /// </summary>
    public async Task RunAsync(string testName, Func<List<IPage>, Task> test)
    {
        var pages = new List<IPage>();
        try
        {
            await test(pages);
        }
        catch (Exception exception)
        {
            var saved = await SaveScreenshotsAsync(testName, pages);
            throw new BrowserTestFailedException(testName, saved, Host.Output, exception);
        }
        finally
        {
            foreach (var context in pages.Select(page => page.Context).Distinct())
            {
                await context.CloseAsync();
            }
        }
    }

    private async Task<IReadOnlyList<string>> SaveScreenshotsAsync(string testName, List<IPage> pages)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var saved = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            if (pages[i].IsClosed)
            {
                continue;
            }

            var path = Path.Combine(ScreenshotDirectory, $"{testName}-{i + 1}.png");
            await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            saved.Add(path);
        }

        return saved;
    }

    private static string FindChromium()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, "chromium");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("chromium is not installed: run ./test.sh (it installs Debian's chromium) or apt-get install -y chromium.");
    }
}

/// <summary>A browser test failed; the screenshots and the sample's output say what the pages showed.</summary>
public sealed class BrowserTestFailedException(string testName, IReadOnlyList<string> screenshots, string output, Exception inner)
    : Exception($"{testName} failed: {inner.Message}\nScreenshots: {string.Join(", ", screenshots)}\nWebHmi output:\n{output}", inner)
{
    public IReadOnlyList<string> Screenshots { get; } = screenshots;
}
