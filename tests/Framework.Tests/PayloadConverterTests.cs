namespace Switchboard.Tests;

/// <summary>
/// A dictionary converted to a handler's record (<see cref="PayloadConverter"/>): a required key is found whatever its
/// case and whatever the dictionary's own comparer, a missing one is named, and conversions one after another on a
/// thread (which reuse its buffer) each see only their own payload.
/// </summary>
public sealed class PayloadConverterTests
{
    [Fact]
    public void ARequiredKeyIsFoundWhateverItsCaseAndTheDictionarysComparer()
    {
        var ordinal = new Dictionary<string, object?>(StringComparer.Ordinal) { ["SEQUENCE"] = 7, ["name"] = "a" };

        Assert.Equal(new Reading(7, "a"), PayloadConverter.ToPayload<Reading>(ordinal, "X", "h"));
    }

    [Fact]
    public void AMissingRequiredKeyIsNamed()
    {
        var refusal = Assert.Throws<PayloadConversionException>(
            () => PayloadConverter.ToPayload<Reading>(new Dictionary<string, object?> { ["name"] = "a", ["sequenc"] = 1 }, "X", "h"));

        Assert.Equal("Sequence", refusal.Key);
    }

    // Past a few keys (a peer may send thousands) the keys are looked up in one set instead of scanned per required key.
    [Fact]
    public void AmongManyKeysARequiredOneIsFoundWhateverItsCaseAndAMissingOneIsNamedFirst()
    {
        var many = Enumerable.Range(0, 5_000).ToDictionary(i => "extra" + i, i => (object?)i, StringComparer.Ordinal);
        many["SEQUENCE"] = 7;
        many["Name"] = "a";

        // Both required keys are found, so the refusal is the first key that the record does not have.
        Assert.Equal("extra0", Assert.Throws<PayloadConversionException>(() => PayloadConverter.ToPayload<Reading>(many, "X", "h")).Key);

        many.Remove("SEQUENCE");
        Assert.Equal("Sequence", Assert.Throws<PayloadConversionException>(() => PayloadConverter.ToPayload<Reading>(many, "X", "h")).Key);
    }

    [Fact]
    public void ConversionsOneAfterAnotherOnAThreadEachSeeOnlyTheirOwnPayload()
    {
        var large = new string('x', 100_000); // Grows the thread's buffer past what it keeps.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(new Reading(i, "long name " + i), PayloadConverter.ToPayload<Reading>(new Dictionary<string, object?> { ["sequence"] = i, ["name"] = "long name " + i }, "X", "h"));
            Assert.Equal(new Reading(-1, "b"), PayloadConverter.ToPayload<Reading>(new Dictionary<string, object?> { ["sequence"] = -1, ["name"] = "b" }, "X", "h"));
            Assert.Equal(large, PayloadConverter.ToPayload<Reading>(new Dictionary<string, object?> { ["sequence"] = 1, ["name"] = large }, "X", "h") is Reading { Name: var name } ? name : null);
            Assert.Throws<PayloadConversionException>(() => PayloadConverter.ToPayload<Reading>(new Dictionary<string, object?> { ["sequence"] = "seven", ["name"] = "c" }, "X", "h"));
        }
    }

    public sealed record Reading(int Sequence, string Name);
}
