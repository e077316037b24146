// The project these handlers belong to; the generator names the stubs class after it: E2EMessages.
[assembly: Switchboard.MessagingProject("E2E")]

namespace Switchboard.Generated.Tests.Handlers;

/// <summary>A typed payload.</summary>
public sealed record Reading(string Tag, double Value);

/// <summary>A request payload.</summary>
public sealed record Sum(int A, int B);

/// <summary>A struct payload.</summary>
public readonly record struct Setpoint(string Tag, double Target);

/// <summary>A payload with a nested list of typed values.</summary>
public sealed record Batch(string Line, IReadOnlyList<Reading> Readings);
