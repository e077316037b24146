using System.Text.Json.Serialization;

namespace Switchboard.Analyzers.Tests;

/// <summary>
/// The payload rules (SWB0012, SWB0017, SWB0018) claim that what they report can never convert, and that what they
/// accept may. These run the runtime's own conversion (<see cref="PayloadJson"/>) on the same payloads as the rule
/// tests, so the analyzers' model of it cannot drift from what it really does.
/// </summary>
public sealed class PayloadRuntimeParityTests
{
    public sealed record Numbers(int A, int B);

    public sealed class Reading
    {
        public required string Tag { get; init; }

        public double Value { get; init; }
    }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public sealed record Lenient(double Price, int Count);

    public static TheoryData<string, Func<object?>> Reported => new()
    {
        { "SWB0017: a string for a record", () => Convert<Numbers>("1 + 2") },
        { "SWB0017: a number for a class", () => Convert<Reading>(42) },
        { "SWB0017: a record for a string", () => Convert<string>(new Numbers(1, 2)) },
        { "SWB0017: an array for a dictionary", () => PayloadJson.ToDictionary("X", "h")(new[] { 1, 2 }) },
        { "SWB0018: a string for a double", () => Convert<Reading>(Dictionary(("tag", "T1"), ("value", "high"))) },
        { "SWB0018: even a numeric string for a double", () => Convert<Reading>(Dictionary(("tag", "T1"), ("value", "1.5"))) },
        { "SWB0018: null for an int", () => Convert<Numbers>(Dictionary(("A", null), ("B", 1))) },
        { "SWB0018: a number for a string", () => Convert<Reading>(Dictionary(("Tag", 7))) },
        { "SWB0018: a non-numeric string where numbers are read from strings", () => Convert<Lenient>(Dictionary(("price", "12.5"), ("count", "many"))) },
        { "SWB0012: a constructor parameter without a key", () => Convert<Numbers>(Dictionary(("a", 1))) },
        { "SWB0012: a required property without a key", () => Convert<Reading>(Dictionary(("value", 1.5))) },
    };

    public static TheoryData<string, Func<object?>> Accepted => new()
    {
        { "keys in another case", () => Convert<Reading>(Dictionary(("TAG", "T1"), ("value", 2))) },
        { "other numeric types", () => Convert<Numbers>(Dictionary(("a", (short)1), ("b", 2L))) },
        { "a float for a double", () => Convert<Reading>(Dictionary(("tag", "T1"), ("value", 2.5f))) },
        { "an anonymous object with the properties", () => Convert<Numbers>(new { A = 1, B = 2 }) },
        { "a numeric string where numbers are read from strings", () => Convert<Lenient>(Dictionary(("price", "12.5"), ("count", "3"))) },
        { "a record for a dictionary", () => PayloadJson.ToDictionary("X", "h")(new Numbers(1, 2)) },
    };

    [Theory]
    [MemberData(nameof(Reported))]
    public void What_the_payload_rules_report_fails_to_convert_at_run_time(string reported, Func<object?> convert)
    {
        var error = Assert.Throws<PayloadConversionException>(convert);
        Assert.False(string.IsNullOrEmpty(error.Message), reported);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void What_the_payload_rules_accept_converts_at_run_time(string accepted, Func<object?> convert) =>
        Assert.NotNull(convert() ?? throw new InvalidOperationException(accepted));

    private static object? Convert<T>(object? payload) => PayloadJson.ToPayload<T>("X", "h")(payload);

    private static Dictionary<string, object?> Dictionary(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(entry => entry.Key, entry => entry.Value);
}
