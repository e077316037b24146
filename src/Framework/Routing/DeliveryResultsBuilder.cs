namespace Switchboard;

/// <summary>
/// Collects a send's results; a single result needs no list, and several are gathered in a per-thread buffer that is
/// reused by the next send, so that a send allocates only its report (and, for several results, their array).
/// </summary>
internal struct DeliveryResultsBuilder
{
    // Buffers that grew past this are dropped rather than kept, so a broadcast does not pin its results to the thread.
    private const int MaxRetainedCapacity = 256;

    [ThreadStatic]
    private static List<DeliveryResult>? spare;

    private DeliveryResult first;
    private List<DeliveryResult>? rest;
    private int count;

    /// <summary>How many results were added: the line the next one will have in the report.</summary>
    public readonly int Count => count;

    public void Add(in DeliveryResult result)
    {
        if (count++ == 0)
        {
            first = result;
            return;
        }

        if (rest is null)
        {
            // Taken out of the slot while in use: a send nested on this thread (a handler run inline) gets its own.
            rest = spare ?? [];
            spare = null;
        }

        rest.Add(result);
    }

    /// <summary>Makes the report and gives the buffer back to the thread; call once.</summary>
    public DeliveryReport Build()
    {
        if (count == 0)
        {
            return DeliveryReport.Empty;
        }

        if (rest is null)
        {
            return new DeliveryReport(first);
        }

        var all = new DeliveryResult[count];
        all[0] = first;
        rest.CopyTo(all, 1);
        rest.Clear();
        if (rest.Capacity <= MaxRetainedCapacity)
        {
            spare = rest;
        }

        rest = null;
        return new DeliveryReport(all);
    }
}
