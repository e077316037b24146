using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Generated.Tests.Handlers;

namespace Switchboard.Generated.Tests;

/// <summary>The JSON metadata the generator emitted for this assembly's payload types, used alone: no reflection.</summary>
public sealed class GeneratedJsonMetadataTests
{
    // The settings PayloadJson converts with, and the generated metadata as the only source of type information.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = new SwitchboardJsonMetadata(),
    };

    [Fact]
    public void Payload_types_and_their_contents_round_trip_without_reflection()
    {
        var batch = JsonSerializer.Deserialize<Batch>("""{"line":"press-4","readings":[{"tag":"t1","value":1.5},{"Tag":"t2","Value":2}]}""", Options)!;

        Assert.Equal("press-4", batch.Line);
        Assert.Equal([new Reading("t1", 1.5), new Reading("t2", 2)], batch.Readings);
        Assert.Equal("""{"Line":"press-4","Readings":[{"Tag":"t1","Value":1.5},{"Tag":"t2","Value":2}]}""", JsonSerializer.Serialize(batch, Options));
        Assert.Equal(new Setpoint("valve", 3), JsonSerializer.Deserialize<Setpoint>("""{"tag":"valve","target":3}""", Options));
    }

    [Fact]
    public void The_metadata_keeps_PayloadJson_rules_unknown_keys_missing_values_and_nulls_fail()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Reading>("""{"tag":"t","value":1,"extra":2}""", Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Reading>("""{"tag":"t"}""", Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Reading>("""{"tag":null,"value":1}""", Options));
    }

    [Fact]
    public void Types_that_are_not_payloads_are_left_to_other_resolvers()
    {
        Assert.Null(new SwitchboardJsonMetadata().GetTypeInfo(typeof(Uri), Options));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new Uri("http://x"), Options));
    }
}
