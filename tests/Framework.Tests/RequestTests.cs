using Microsoft.Extensions.Time.Testing;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>sendRequest: exactly one gateway handler, its value back, and four distinct failures.</summary>
public sealed class RequestTests : IAsyncLifetime
{
    // Generous, so that on a loaded machine no test but the timeout tests ever meets it; those set their own.
    private readonly Gateway gateway = new("agent-8088", new GatewayOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
    private readonly TaskCompletionSource<CancellationToken> hangingToken = new();

    public Task InitializeAsync()
    {
        gateway.AddProject(Registry());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    private IProjectRegistry Registry() =>
        Handlers.Registry("X",
            Handlers.Async("X", "add", Scope.Gateway, (payload, _, _) =>
            {
                var values = (IReadOnlyDictionary<string, object?>)payload!;
                return ValueTask.FromResult<object?>((int)values["a"]! + (int)values["b"]!);
            }, responseType: typeof(int)),
            Handlers.Async("X", "fail", Scope.Gateway, (_, _, _) => throw new InvalidOperationException("no luck"), responseType: typeof(int)),
            Handlers.Async("X", "hang", Scope.Gateway, async (_, _, token) =>
            {
                hangingToken.TrySetResult(token);
                await Task.Delay(Timeout.Infinite, token);
                return null;
            }, responseType: typeof(int)),
            Handlers.Async("X", "who", Scope.Gateway, (_, context, _) => ValueTask.FromResult<object?>(context.Sender.User), responseType: typeof(string)),
            Handlers.Async("X", "admin", Scope.Gateway, (_, _, _) => ValueTask.FromResult<object?>("ok"), requiredRole: "Admin", responseType: typeof(string)),
            Handlers.Of("X", "clientOnly", Scope.Client, (_, _) => { }));

    [Fact]
    public async Task The_handlers_return_value_is_the_response()
    {
        var sum = await gateway.SendRequestAsync("X", "add", new Dictionary<string, object?> { ["a"] = 2, ["b"] = 3 });

        Assert.Equal(5, sum);
    }

    [Fact]
    public async Task The_typed_form_returns_the_response_type()
    {
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "X", User = "Bob" });

        var sum = await client.SendRequestAsync<int>("X", "add", new Dictionary<string, object?> { ["a"] = 40, ["b"] = 2 });
        var user = await client.SendRequestAsync<string>("X", "who");

        Assert.Equal(42, sum);
        Assert.Equal("Bob", user);
    }

    [Fact]
    public async Task A_response_of_the_wrong_type_is_a_clear_cast_error()
    {
        var error = await Assert.ThrowsAsync<InvalidCastException>(() =>
            gateway.SendRequestAsync<string>("X", "add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 1 }));

        Assert.Contains("System.Int32", error.Message);
        Assert.Contains("System.String", error.Message);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("clientOnly")]
    public async Task A_missing_gateway_handler_is_MessageHandlerNotFoundException(string name)
    {
        var error = await Assert.ThrowsAsync<MessageHandlerNotFoundException>(() => gateway.SendRequestAsync("X", name));

        Assert.Equal(name, error.MessageHandler);
        Assert.Contains($"The message handler \"{name}\" could not be found!", error.Message);
    }

    [Fact]
    public async Task A_failing_handler_is_MessageHandlerFailedException_keeping_the_inner_exception()
    {
        var error = await Assert.ThrowsAsync<MessageHandlerFailedException>(() => gateway.SendRequestAsync("X", "fail"));

        var inner = Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal("no luck", inner.Message);
    }

    [Fact]
    public async Task No_response_within_the_timeout_is_RequestTimeoutException_and_the_handler_is_signalled()
    {
        // Time stands still until the handler has started, so a loaded machine cannot expire the request before its
        // handler runs (the gateway then skips the handler, and there would be no token to observe).
        var time = new FakeTimeProvider();
        await using var quick = new Gateway("agent-9000", new GatewayOptions { RequestTimeout = TimeSpan.FromMilliseconds(300), TimeProvider = time });
        quick.AddProject(Registry());

        var request = quick.SendRequestAsync("X", "hang");
        var token = await hangingToken.Task.WaitAsync(Wait.Bound);
        time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.False(request.IsCompleted);
        Assert.False(token.IsCancellationRequested);

        time.Advance(TimeSpan.FromMilliseconds(1));
        var error = await Assert.ThrowsAsync<RequestTimeoutException>(() => request);

        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
        // The caller is answered first and the handler's token signalled right after, so the signal may land a moment
        // after the exception.
        await Wait.UntilAsync(() => token.IsCancellationRequested, "the handler's token is signalled");
    }

    [Fact]
    public async Task A_per_call_timeout_overrides_the_default()
    {
        var error = await Assert.ThrowsAsync<RequestTimeoutException>(() =>
            gateway.SendRequestAsync("X", "hang", timeout: TimeSpan.FromMilliseconds(50)));

        Assert.Equal(TimeSpan.FromMilliseconds(50), error.Timeout);
    }

    [Fact]
    public async Task Cancellation_is_OperationCanceledException_not_a_timeout()
    {
        using var cancel = new CancellationTokenSource();
        var request = gateway.SendRequestAsync("X", "hang", timeout: Timeout.InfiniteTimeSpan, cancellationToken: cancel.Token);
        await hangingToken.Task.WaitAsync(Wait.Bound);

        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        Assert.IsNotType<RequestTimeoutException>(error);
        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    [Fact]
    public void The_default_timeout_is_Ignitions_60_seconds() => Assert.Equal(TimeSpan.FromSeconds(60), new GatewayOptions().RequestTimeout);

    [Fact]
    public async Task A_sender_without_the_required_role_is_MessageDeniedException()
    {
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "X", Roles = ["Operator"] });

        var error = await Assert.ThrowsAsync<MessageDeniedException>(() => client.SendRequestAsync("X", "admin"));

        Assert.Equal("Admin", error.RequiredRole);
    }

    [Fact]
    public async Task A_remote_server_without_a_network_is_GatewayUnreachableException()
    {
        var error = await Assert.ThrowsAsync<GatewayUnreachableException>(() => gateway.SendRequestAsync("X", "add", remoteServer: "agent-9000"));

        Assert.Equal("agent-9000", error.ServerName);
    }

    [Fact]
    public async Task A_non_positive_timeout_is_an_argument_error() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => gateway.SendRequestAsync("X", "add", timeout: TimeSpan.Zero));
}
