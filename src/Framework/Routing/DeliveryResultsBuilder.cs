namespace Switchboard;

/// <summary>Collects a send's results; a single result needs no list.</summary>
internal struct DeliveryResultsBuilder
{
    private DeliveryResult first;
    private List<DeliveryResult>? rest;
    private int count;

    public void Add(in DeliveryResult result)
    {
        if (count++ == 0)
        {
            first = result;
            return;
        }

        (rest ??= []).Add(result);
    }

    public readonly DeliveryReport Build()
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
        return new DeliveryReport(all);
    }
}
