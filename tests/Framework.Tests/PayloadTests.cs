using System.Collections.Concurrent;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>Payload shapes: absent, typed, adapted, and unconvertible.</summary>
public sealed class PayloadTests
{
    private sealed record Reading(string Tag, double Value);

    [Fact]
    public async Task An_absent_payload_is_an_empty_dictionary()
    {
        var received = new TaskCompletionSource<object?>();
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Gateway, (payload, _) => received.TrySetResult(payload))));

        gateway.SendMessage("X", "h", scope: "G");

        var payload = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(await received.Task.WaitAsync(Wait.Bound));
        Assert.Empty(payload);
    }

    [Fact]
    public async Task A_typed_payload_reaches_a_typed_handler_as_sent()
    {
        var received = new TaskCompletionSource<object?>();
        var reading = new Reading("Tank/Level", 42.5);
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X",
            Handlers.Of("X", "h", Scope.Gateway, (payload, _) => received.TrySetResult(payload), payloadType: typeof(Reading))));

        await gateway.SendAsync("X", "h", reading, Scope.Gateway);

        Assert.Same(reading, await received.Task.WaitAsync(Wait.Bound));
    }

    [Fact]
    public async Task A_dictionary_to_a_typed_handler_goes_through_its_adapter()
    {
        var received = new TaskCompletionSource<object?>();
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Async("X", "h", Scope.Gateway,
            (payload, _, _) =>
            {
                received.TrySetResult(payload);
                return ValueTask.FromResult<object?>(null);
            },
            payloadType: typeof(Reading),
            adapter: payload =>
            {
                var values = (IReadOnlyDictionary<string, object?>)payload!;
                return new Reading((string)values["tag"]!, (double)values["value"]!);
            })));

        gateway.SendMessage("X", "h", new Dictionary<string, object?> { ["tag"] = "T", ["value"] = 1.5 }, "G");

        Assert.Equal(new Reading("T", 1.5), await received.Task.WaitAsync(Wait.Bound));
    }

    [Fact]
    public async Task An_unconvertible_payload_fails_the_sender_and_nothing_is_queued_anywhere()
    {
        var runs = new ConcurrentBag<string>();
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X",
            Handlers.Of("X", "h", Scope.Client, (_, _) => runs.Add("client")),
            Handlers.Async("X", "h", Scope.Gateway, (_, _, _) =>
                {
                    runs.Add("gateway");
                    return ValueTask.FromResult<object?>(null);
                },
                payloadType: typeof(Reading),
                adapter: _ => throw new PayloadConversionException("X", "h", typeof(Reading), "value", "expected a number but found a string."))));
        await using var client = gateway.ConnectClient(new ClientIdentity { Project = "X" });

        var error = Assert.Throws<PayloadConversionException>(() =>
            gateway.SendMessage("X", "h", new Dictionary<string, object?> { ["value"] = "high" }, "CG"));

        Assert.Equal("value", error.Key);
        Assert.Contains("\"h\"", error.Message);
        Assert.Contains(typeof(Reading).FullName!, error.Message);
        await gateway.DisposeAsync();
        Assert.Empty(runs);
    }

    [Fact]
    public async Task A_payload_of_another_type_without_an_adapter_is_a_clear_error()
    {
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X",
            Handlers.Of("X", "h", Scope.Gateway, (_, _) => { }, payloadType: typeof(Reading))));

        var error = await Assert.ThrowsAsync<PayloadConversionException>(() => gateway.SendAsync("X", "h", 42, Scope.Gateway).AsTask());

        Assert.Contains("System.Int32", error.Message);
        Assert.Contains("no payload adapter", error.Message);
    }

    [Fact]
    public async Task Instance_handlers_get_one_instance_per_endpoint()
    {
        var instances = new ConcurrentBag<Counter>();
        await using var gateway = new Gateway("g");
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Client, (_, context) =>
            instances.Add(context.GetHandlerInstance(static _ => new Counter())))));
        await using var first = gateway.ConnectClient(new ClientIdentity { Project = "X" });
        await using var second = gateway.ConnectClient(new ClientIdentity { Project = "X" });

        gateway.SendMessage("X", "h", scope: "C");
        gateway.SendMessage("X", "h", scope: "C");

        await Wait.UntilAsync(() => instances.Count == 4, "four deliveries");
        Assert.Equal(2, instances.Distinct().Count());
    }

    private sealed class Counter;
}
