using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Network;

namespace Switchboard.Tests;

/// <summary>The signed frame around an envelope: what it accepts, what it refuses and why, with time as the subject.</summary>
public sealed class EnvelopeSealTests
{
    private const string Channel = "plant-a:gateway:agent-9000";
    private static readonly byte[] Envelope = Encoding.UTF8.GetBytes("""{"v":1,"kind":"ping"}""");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AFrameOpensOnceToTheEnvelopeItCarries()
    {
        var seal = Seal();
        var frame = seal.Seal(Channel, Envelope);

        Assert.Equal(EnvelopeSeal.Overhead + Envelope.Length, frame.Length);
        Assert.True(seal.TryOpen(Channel, frame, out var opened, out _, out _));
        Assert.Equal(Envelope, opened.ToArray());
        Assert.False(seal.TryOpen(Channel, frame, out _, out var reason, out var detail));
        Assert.Equal(DropReason.Replayed, reason);
        Assert.Contains("nonce was already seen", detail);
    }

    [Fact]
    public void AFrameForAnotherChannelTamperedOrUnderAnotherKeyIsUnauthenticated()
    {
        var seal = Seal();
        var tampered = seal.Seal(Channel, Envelope);
        tampered[^1] ^= 1;

        Assert.Equal(DropReason.Unauthenticated, Refusal(seal, seal.Seal("plant-a:gateway:agent-7000", Envelope)));
        Assert.Equal(DropReason.Unauthenticated, Refusal(seal, tampered));
        Assert.Equal(DropReason.Unauthenticated, Refusal(seal, Seal(new string('o', 40)).Seal(Channel, Envelope)));
        Assert.Equal(DropReason.Unauthenticated, Refusal(seal, Envelope));
        Assert.Equal(DropReason.Unauthenticated, Refusal(seal, []));
    }

    [Fact]
    public void TheTimestampMustBeWithinTheReplayWindowEitherWay()
    {
        var seal = Seal();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var key = Encoding.UTF8.GetBytes(Key);

        Assert.True(seal.TryOpen(Channel, EnvelopeSeal.Seal(Channel, Envelope, now - 30_000, key), out _, out _, out _));
        Assert.True(seal.TryOpen(Channel, EnvelopeSeal.Seal(Channel, Envelope, now + 30_000, key), out _, out _, out _));
        Assert.Equal(DropReason.Replayed, Refusal(seal, EnvelopeSeal.Seal(Channel, Envelope, now - 30_001, key)));
        Assert.Equal(DropReason.Replayed, Refusal(seal, EnvelopeSeal.Seal(Channel, Envelope, now + 30_001, key)));
    }

    [Fact]
    public void ANonceIsRememberedForAsLongAsItsFrameCouldStillBeInsideTheWindow()
    {
        var seal = Seal();

        // Signed as far ahead as the window allows: it stays acceptable for two windows of this node's clock.
        var ahead = EnvelopeSeal.Seal(Channel, Envelope, clock.GetUtcNow().ToUnixTimeMilliseconds() + 30_000, Encoding.UTF8.GetBytes(Key));
        Assert.True(seal.TryOpen(Channel, ahead, out _, out _, out _));
        for (var elapsed = 0; elapsed < 60; elapsed += 5)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            Assert.False(seal.TryOpen(Channel, ahead, out _, out var reason, out _));
            Assert.Equal(DropReason.Replayed, reason);
        }
    }

    [Fact]
    public void EveryAcceptedKeyOpensAFrameButOnlyTheCurrentOneSigns()
    {
        const string next = "the-next-network-key-of-at-least-32-b";
        var rotating = new EnvelopeSeal(
            NetworkKeys.From(new GatewayNetworkOptions { NetworkKey = next, AcceptedNetworkKeys = [Key] })!, TimeSpan.FromSeconds(30), clock);
        var old = Seal();

        Assert.True(rotating.TryOpen(Channel, old.Seal(Channel, Envelope), out _, out _, out _));
        Assert.Equal(DropReason.Unauthenticated, Refusal(old, rotating.Seal(Channel, Envelope)));
    }

    [Fact]
    public void NoKeyMeansNoSeal()
    {
        Assert.Null(NetworkKeys.From(new GatewayNetworkOptions()));
    }

    private const string Key = "the-network-key-of-these-tests-32+b";

    private EnvelopeSeal Seal(string key = Key) =>
        new(NetworkKeys.From(new GatewayNetworkOptions { NetworkKey = key })!, TimeSpan.FromSeconds(30), clock);

    private static DropReason Refusal(EnvelopeSeal seal, byte[] frame)
    {
        Assert.False(seal.TryOpen(Channel, frame, out _, out var reason, out var detail));
        Assert.NotEmpty(detail);
        return reason;
    }
}
