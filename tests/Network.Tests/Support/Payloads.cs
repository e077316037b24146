namespace Switchboard.Network.Tests.Support;

/// <summary>A typed payload with the value kinds that lose precision or type most easily on the wire.</summary>
public sealed record Order(int Id, string Sku, decimal Amount, DateTimeOffset At, IReadOnlyList<string> Tags, Address? ShipTo)
{
    public bool SameAs(Order other) =>
        Id == other.Id && Sku == other.Sku && Amount == other.Amount && At == other.At && At.Offset == other.At.Offset
        && Tags.SequenceEqual(other.Tags) && Equals(ShipTo, other.ShipTo);

    public static Order Sample() => new(
        42, "SKU-ü-\"7\"", 12345.6789m, new DateTimeOffset(2026, 3, 14, 15, 9, 26, 535, TimeSpan.FromHours(-5)), ["rush", "fragile"], new Address("1 Main St", 90210));
}

/// <summary>A nested typed value.</summary>
public sealed record Address(string Street, int Zip);
