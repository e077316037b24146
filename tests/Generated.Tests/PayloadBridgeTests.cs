using Switchboard.Generated.Tests.Handlers;

namespace Switchboard.Generated.Tests;

/// <summary>A dictionary sent the untyped way to a typed handler is converted; one that cannot be is refused with the key named.</summary>
public sealed class PayloadBridgeTests
{
    [Fact]
    public async Task A_dictionary_reaches_a_typed_handler_with_names_matched_case_insensitively()
    {
        var gateway = TestGateway.Create();

        var results = gateway.SendMessage("E2E", "reading", new Dictionary<string, object?> { ["tag"] = "Tank", ["VALUE"] = 4 }, scope: "G");
        await gateway.DisposeAsync();

        Assert.EndsWith("sendStatus=SENT", Assert.Single(results));
        Assert.Equal(new Reading("Tank", 4), Assert.Single(Inbox.Of(gateway)).Payload);
    }

    [Fact]
    public async Task Numbers_of_other_integer_types_convert()
    {
        await using var gateway = TestGateway.Create();

        var total = await gateway.SendRequestAsync<int>("E2E", "add", new Dictionary<string, object?> { ["a"] = 2L, ["b"] = (short)3 });

        Assert.Equal(5, total);
    }

    [Fact]
    public async Task Nested_dictionaries_and_lists_convert_to_nested_records()
    {
        await using var gateway = TestGateway.Create();
        var payload = new Dictionary<string, object?>
        {
            ["line"] = "L1",
            ["readings"] = new List<object?>
            {
                new Dictionary<string, object?> { ["tag"] = "a", ["value"] = 1.25 },
                new Dictionary<string, object?> { ["tag"] = "b", ["value"] = 2 },
            },
        };

        Assert.Equal(3.25, await gateway.SendRequestAsync<double>("E2E", "batchTotal", payload));
    }

    [Fact]
    public async Task A_bad_value_deep_in_a_payload_names_the_top_level_key_and_the_path()
    {
        await using var gateway = TestGateway.Create();
        var payload = new Dictionary<string, object?>
        {
            ["line"] = "L1",
            ["readings"] = new object?[] { new Dictionary<string, object?> { ["tag"] = "a", ["value"] = "high" } },
        };

        var error = await Assert.ThrowsAsync<PayloadConversionException>(() => gateway.SendRequestAsync<double>("E2E", "batchTotal", payload));

        Assert.Equal("readings", error.Key);
        Assert.Contains("$.readings[0].value", error.Message);
    }

    [Fact]
    public async Task An_object_of_another_type_converts_through_its_properties()
    {
        var gateway = TestGateway.Create();
        var setpoint = new Setpoint("Valve", 0.5);

        await gateway.SendAsync("E2E", "reading", new { setpoint.Tag, Value = setpoint.Target }, Scope.Gateway);
        await gateway.DisposeAsync();

        Assert.Equal(new Reading("Valve", 0.5), Assert.Single(Inbox.Of(gateway)).Payload);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_refused_naming_handler_type_and_key()
    {
        var gateway = TestGateway.Create();

        // The analyzers catch this value at compile time (SWB0018); the test sends it anyway to check the run-time guard behind them.
#pragma warning disable SWB0018
        var error = Assert.Throws<PayloadConversionException>(() =>
            gateway.SendMessage("E2E", "reading", new Dictionary<string, object?> { ["tag"] = "Tank", ["value"] = "high" }, scope: "CGS"));
#pragma warning restore SWB0018
        await gateway.DisposeAsync();

        Assert.Equal("reading", error.MessageHandler);
        Assert.Equal(typeof(Reading), error.PayloadType);
        Assert.Equal("value", error.Key);
        Assert.Contains("\"reading\"", error.Message);
        Assert.Contains(typeof(Reading).FullName!, error.Message);
        Assert.Contains("\"value\"", error.Message);
        Assert.Empty(Inbox.Of(gateway));
    }

    [Fact]
    public async Task An_unknown_key_is_refused_naming_it()
    {
        await using var gateway = TestGateway.Create();

        // The analyzers catch this key at compile time; the test sends it anyway to check the run-time guard behind them.
#pragma warning disable SWB0012
        var error = Assert.Throws<PayloadConversionException>(() =>
            gateway.SendMessage("E2E", "reading", new Dictionary<string, object?> { ["tag"] = "Tank", ["value"] = 1, ["vlaue"] = 2 }, scope: "G"));
#pragma warning restore SWB0012

        Assert.Equal("vlaue", error.Key);
    }

    [Fact]
    public async Task A_missing_key_is_refused_naming_it_so_no_handler_sees_a_half_made_payload()
    {
        await using var gateway = TestGateway.Create();

        // The analyzers catch this missing key at compile time (SWB0012); the test sends it anyway to check the run-time guard behind them.
#pragma warning disable SWB0012
        var error = Assert.Throws<PayloadConversionException>(() =>
            gateway.SendMessage("E2E", "reading", new Dictionary<string, object?> { ["tag"] = "Tank" }, scope: "G"));
#pragma warning restore SWB0012

        Assert.Equal("Value", error.Key);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public async Task A_null_for_a_non_nullable_property_is_refused_naming_it()
    {
        await using var gateway = TestGateway.Create();

        var error = Assert.Throws<PayloadConversionException>(() =>
            gateway.SendMessage("E2E", "reading", new Dictionary<string, object?> { ["tag"] = null, ["value"] = 1 }, scope: "G"));

        Assert.Equal("tag", error.Key);
    }

    [Fact]
    public async Task A_typed_payload_reaches_a_dictionary_handler_as_its_properties()
    {
        await using var gateway = TestGateway.Create();

        var keys = await gateway.SendRequestAsync<string>("E2E", "describe", new Sum(1, 2));

        Assert.Equal("A,B", keys);
    }
}
