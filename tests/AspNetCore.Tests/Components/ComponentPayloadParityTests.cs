namespace Switchboard.AspNetCore.Tests.Components;

/// <summary>
/// The analyzers check a dictionary sent as a component message's payload (SWB0012, SWB0018) by a model of how the
/// component path converts it (<c>JsonSerializerDefaults.Web</c>). These run that conversion itself
/// (<see cref="ComponentHandler.Convert"/>) on the payloads of the analyzer tests (ComponentDictionaryPayloadTests),
/// so the model cannot drift from what the run time does.
/// </summary>
public sealed class ComponentPayloadParityTests
{
    public sealed class Level
    {
        public required string Tank { get; init; }

        public double Value { get; init; }
    }

    public sealed class Sample
    {
        public int Count { get; init; }
    }

    public sealed record Zoom(double Factor, string Unit);

    public static TheoryData<string, Func<object?>> Reported => new()
    {
        { "SWB0012: a required property without a key", () => Convert<Level>(Dictionary(("value", 2.0))) },
        { "SWB0018: a number for a string", () => Convert<Level>(Dictionary(("tank", 5))) },
        { "SWB0018: a non-numeric string for a double", () => Convert<Level>(Dictionary(("tank", "T1"), ("value", "high"))) },
        { "SWB0018: null for an int", () => Convert<Sample>(Dictionary(("count", null))) },
    };

    public static TheoryData<string, Func<object?>> Accepted => new()
    {
        { "keys in another case", () => Convert<Level>(Dictionary(("TANK", "T1"), ("value", 2.0))) },
        { "a numeric string for a double", () => Convert<Level>(Dictionary(("tank", "T1"), ("value", "2.5"))) },
        { "a numeric string for an int", () => Convert<Sample>(Dictionary(("count", "3"))) },
        { "a constructor parameter without a key", () => Convert<Zoom>(Dictionary(("factor", 2.0))) },
        { "null for a non-nullable string", () => Convert<Level>(Dictionary(("tank", null))) },
    };

    [Theory]
    [MemberData(nameof(Reported))]
    public void What_the_dictionary_rules_report_for_a_component_payload_throws_for_the_sender(string reported, Func<object?> convert)
    {
        var error = Assert.Throws<ArgumentException>(convert);
        Assert.Contains("cannot be converted", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(reported));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void What_the_dictionary_rules_accept_for_a_component_payload_converts(string accepted, Func<object?> convert) =>
        Assert.NotNull(convert() ?? throw new InvalidOperationException(accepted));

    [Fact]
    public void A_key_that_matches_no_property_is_skipped_so_its_value_is_lost()
    {
        // Why SWB0012 reports a key that no reached payload reads, although the conversion succeeds.
        var level = Assert.IsType<Level>(Convert<Level>(Dictionary(("tank", "T1"), ("valeu", 2.0))));

        Assert.Equal("T1", level.Tank);
        Assert.Equal(0.0, level.Value);
    }

    [Fact]
    public void Numbers_read_from_strings_keep_their_value()
    {
        var level = Assert.IsType<Level>(Convert<Level>(Dictionary(("tank", "T1"), ("value", "2.5"))));
        var zoom = Assert.IsType<Zoom>(Convert<Zoom>(Dictionary(("factor", "1e3"))));

        Assert.Equal(2.5, level.Value);
        Assert.Equal(1000.0, zoom.Factor);
        Assert.Null(zoom.Unit);
    }

    private static object? Convert<TPayload>(Dictionary<string, object?> payload) =>
        Array.Find(ComponentHandler.For(typeof(ParityComponent)), handler => handler.PayloadType == typeof(TPayload))!.Convert(payload);

    private static Dictionary<string, object?> Dictionary(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(entry => entry.Key, entry => entry.Value);

    private sealed class ParityComponent : MessagingComponentBase
    {
        [ComponentMessageHandler("level")]
        private void OnLevel(Level level) => _ = level;

        [ComponentMessageHandler("level")]
        private void OnSample(Sample sample) => _ = sample;

        [ComponentMessageHandler("zoom")]
        private void OnZoom(Zoom zoom) => _ = zoom;
    }
}
