using System.Collections;

namespace Switchboard;

/// <summary>
/// The outcome of a request-all: one <see cref="RequestAllResult{TResponse}"/> per selected target, in the order the
/// targets were selected (gateway, clients, sessions, then remote gateways' targets), each with its answer or failure.
/// </summary>
/// <typeparam name="TResponse">The caller's response type.</typeparam>
public sealed class RequestAllReport<TResponse> : IReadOnlyList<RequestAllResult<TResponse>>
{
    private readonly RequestAllResult<TResponse>[] results;

    internal RequestAllReport(RequestAllResult<TResponse>[] results) => this.results = results;

    /// <inheritdoc />
    public int Count => results.Length;

    /// <summary>Whether every selected target answered (and at least one was selected).</summary>
    public bool AllAnswered => results.Length > 0 && CountOf(RequestAllStatus.Answered) == results.Length;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the report.</exception>
    public RequestAllResult<TResponse> this[int index] =>
        (uint)index < (uint)results.Length
            ? results[index]
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The report has {results.Length} results.");

    /// <summary>The values of the targets that answered, in order.</summary>
    /// <returns>One response per answered target.</returns>
    public IReadOnlyList<TResponse?> Responses()
    {
        var responses = new List<TResponse?>(results.Length);
        foreach (var result in results)
        {
            if (result.IsAnswered)
            {
                responses.Add(result.Response);
            }
        }

        return responses;
    }

    /// <summary>How many results have <paramref name="status"/>.</summary>
    /// <param name="status">The status to count.</param>
    /// <returns>The count.</returns>
    public int CountOf(RequestAllStatus status)
    {
        var count = 0;
        foreach (var result in results)
        {
            if (result.Status == status)
            {
                count++;
            }
        }

        return count;
    }

    /// <inheritdoc />
    public IEnumerator<RequestAllResult<TResponse>> GetEnumerator() => ((IEnumerable<RequestAllResult<TResponse>>)results).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => results.GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, results);
}
