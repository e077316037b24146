namespace Switchboard;

internal sealed partial class MessageRouter
{
    /// <summary>The attached clients and sessions, in attach order.</summary>
    public IReadOnlyList<AttachedEndpoint> Snapshot()
    {
        gate.EnterReadLock();
        try
        {
            var endpoints = bySessionId.Values.ToArray();
            Array.Sort(endpoints, static (left, right) => left.Sequence.CompareTo(right.Sequence));
            return endpoints;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }
}
