using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>A scoped service that throws when its delivery's scope is disposed costs a log line, nothing more.</summary>
public sealed class ScopeDisposalTests
{
    [Fact]
    public async Task A_scoped_service_that_throws_on_dispose_is_logged_and_the_gateway_still_drains_at_once()
    {
        var logs = new FakeLogCollector();
        var services = new ServiceCollection().AddScoped<ThrowsOnDispose>().BuildServiceProvider();
        var gateway = new Gateway("g", new GatewayOptions { Services = services, LoggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]), DrainTimeout = TimeSpan.FromSeconds(30) });
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "answer", Scope.Gateway, (_, context, _) =>
        {
            context.Services!.GetRequiredService<ThrowsOnDispose>();
            return ValueTask.FromResult<object?>(42);
        }, responseType: typeof(int))));

        Assert.Equal(42, await gateway.SendRequestAsync<int>("X", "answer").WaitAsync(Wait.Bound));
        await Wait.UntilAsync(() => logs.GetSnapshot().Any(line => line.Exception is InvalidOperationException { Message: ThrowsOnDispose.Text }), "the disposal failure is logged");

        // The delivery is no longer pending, so closing does not wait out the 30 s drain timeout.
        await gateway.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(logs.GetSnapshot(), line => line.Id.Id == 5);
    }

    private sealed class ThrowsOnDispose : IDisposable
    {
        public const string Text = "scoped service failed to dispose";

        public void Dispose() => throw new InvalidOperationException(Text);
    }
}
