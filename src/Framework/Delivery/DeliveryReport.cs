using System.Collections;

namespace Switchboard;

/// <summary>
/// The outcome of one send: a <see cref="DeliveryResult"/> per system selected for delivery, gateway first, then
/// clients, then sessions, then remote gateways.
/// </summary>
public sealed class DeliveryReport : IReadOnlyList<DeliveryResult>
{
    /// <summary>A report for a send that selected nothing.</summary>
    public static readonly DeliveryReport Empty = new([]);

    // The common case, one target, is stored inline so that a send allocates no array.
    private readonly DeliveryResult single;
    private readonly DeliveryResult[]? many;

    internal DeliveryReport(DeliveryResult single)
    {
        this.single = single;
        Count = 1;
    }

    internal DeliveryReport(DeliveryResult[] results)
    {
        many = results;
        Count = results.Length;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <summary>Whether every selected system was sent the message (and at least one was selected).</summary>
    public bool AllSent
    {
        get
        {
            if (Count == 0)
            {
                return false;
            }

            foreach (var result in this)
            {
                if (result.Status != DeliveryStatus.Sent)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <inheritdoc />
    public DeliveryResult this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The report has {Count} results.");
            }

            return many is null ? single : many[index];
        }
    }

    /// <summary>How many results have <paramref name="status"/>.</summary>
    /// <param name="status">The status to count.</param>
    /// <returns>The count.</returns>
    public int CountOf(DeliveryStatus status)
    {
        var count = 0;
        foreach (var result in this)
        {
            if (result.Status == status)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Formats every result as Ignition's result string, in order.</summary>
    /// <returns>One string per selected system.</returns>
    public IReadOnlyList<string> ToStrings()
    {
        var strings = new string[Count];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = this[i].ToString();
        }

        return strings;
    }

    /// <summary>Combines reports in order.</summary>
    internal static DeliveryReport Concat(DeliveryReport first, DeliveryReport second)
    {
        if (first.Count == 0)
        {
            return second;
        }

        if (second.Count == 0)
        {
            return first;
        }

        var all = new DeliveryResult[first.Count + second.Count];
        for (var i = 0; i < first.Count; i++)
        {
            all[i] = first[i];
        }

        for (var i = 0; i < second.Count; i++)
        {
            all[first.Count + i] = second[i];
        }

        return new DeliveryReport(all);
    }

    /// <inheritdoc />
    public IEnumerator<DeliveryResult> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, ToStrings());
}
