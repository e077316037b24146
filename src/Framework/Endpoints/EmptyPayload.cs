using System.Collections.ObjectModel;

namespace Switchboard;

/// <summary>Ignition's absent payload: an empty dictionary, shared.</summary>
internal static class EmptyPayload
{
    public static readonly IReadOnlyDictionary<string, object?> Instance = ReadOnlyDictionary<string, object?>.Empty;
}
