using System.Runtime.CompilerServices;

namespace Switchboard;

/// <summary>Request-all (scatter-gather) from any endpoint: see <see cref="IMessageSender.RequestAllAsync{TResponse}"/>.</summary>
public abstract partial class Endpoint
{
    /// <inheritdoc />
    public ValueTask<RequestAllReport<TResponse>> RequestAllAsync<TResponse>(
        string project,
        string messageHandler,
        object? payload = null,
        Scope? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        EnsureCanSend();
        var send = MessageSend.Create(SenderInfo, project, messageHandler, payload, scope, clientSessionId, user, hasRole, hostName, remoteServers);
        var call = Gateway.Router.RequestAll<TResponse>(send, timeout, streaming: false, cancellationToken);
        return new ValueTask<RequestAllReport<TResponse>>(call.Report);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RequestAllResult<TResponse>> RequestAllStreamAsync<TResponse>(
        string project,
        string messageHandler,
        object? payload = null,
        Scope? scope = null,
        string? clientSessionId = null,
        string? user = null,
        string? hasRole = null,
        string? hostName = null,
        IReadOnlyList<string>? remoteServers = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        // Checked at the call, as the gathered form is; the stream starts when it is enumerated.
        EnsureCanSend();
        var send = MessageSend.Create(SenderInfo, project, messageHandler, payload, scope, clientSessionId, user, hasRole, hostName, remoteServers);
        return StreamRequestAllAsync<TResponse>(send, timeout, cancellationToken);
    }

    private async IAsyncEnumerable<RequestAllResult<TResponse>> StreamRequestAllAsync<TResponse>(
        MessageSend send, TimeSpan? timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The call listens to this source, so that leaving the loop early signals the handlers still running.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var call = Gateway.Router.RequestAll<TResponse>(send, timeout, streaming: true, stop.Token);
        var reader = call.Results;
        var ended = false;
        try
        {
            while (await WaitToReadAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var result))
                {
                    yield return result;
                }
            }

            ended = true;
        }
        finally
        {
            if (!ended)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    // The call ends its stream with the linked source's cancellation; the caller hears about its own token.
    private static async ValueTask<bool> WaitToReadAsync<T>(System.Threading.Channels.ChannelReader<T> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
