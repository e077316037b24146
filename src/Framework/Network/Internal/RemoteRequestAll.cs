namespace Switchboard.Network;

/// <summary>
/// Request-all across the network. The asking side fills one slot per gateway it asks with that gateway's answers
/// (<see cref="AskAsync"/>); the answering side runs the request-all on its own targets and replies with every answer
/// (<see cref="WireAnswers"/>), a little before the asker's deadline, so that what came in by then still arrives in time.
/// </summary>
internal static class RemoteRequestAll
{
    /// <summary>
    /// How long an answering gateway waits for its own targets: the asker's remaining time less a tenth of it (at
    /// most a second), the time its reply has to cross back.
    /// </summary>
    public static TimeSpan AnsweringWait(TimeSpan remaining) =>
        remaining == Timeout.InfiniteTimeSpan ? remaining : remaining - TimeSpan.FromTicks(Math.Min(remaining.Ticks / 10, TimeSpan.TicksPerSecond));

    /// <summary>
    /// Publishes one request-all message (<paramref name="message"/>, given its id) to <paramref name="gateway"/> and
    /// fills <paramref name="slot"/> with the answers it gets back, or with why there are none. Never throws.
    /// <paramref name="server"/> names the gateway asked, for the answers' identity; it is <see langword="null"/> for a
    /// remote client's own gateway, whose local targets carry no server name.
    /// </summary>
    public static async Task AskAsync(
        GatewayNetwork network,
        IRequestAllTargets targets,
        IRequestAllSlot slot,
        string gateway,
        Func<string, Envelope> message,
        MessageSend send,
        string? server,
        TimeSpan wait,
        Gateway logTo,
        CancellationToken cancellationToken)
    {
        var name = server ?? slot.Target.ServerName ?? gateway;
        try
        {
            var call = await RemoteCall.CallAsync(network, gateway, message, wait, cancelOnGiveUp: true, cancellationToken).ConfigureAwait(false);
            if (call.IsTimedOut)
            {
                targets.Fault(slot, RequestAllStatus.TimedOut, exception: null);
            }
            else if (call.Failure is { } reason)
            {
                Log.Unreachable(logTo.Logger, name, send.Handler, reason);
                targets.Settle(slot, DeliveryStatus.Unreachable);
            }
            else if (call.Reply!.Outcome.Code == OutcomeCodes.Ok)
            {
                targets.SettleRemote(slot, WireAnswers.ToAnswers(call.Reply.Answers ?? [], send, server, targets.ResponseType, wait));
            }
            else if (call.Reply.Outcome.Code is OutcomeCodes.Closed or OutcomeCodes.Unreachable)
            {
                Log.Unreachable(logTo.Logger, name, send.Handler, call.Reply.Outcome.Message ?? call.Reply.Outcome.Code);
                targets.Settle(slot, DeliveryStatus.Unreachable);
            }
            else
            {
                // What a local request-all throws (a bad payload, an invalid scope) fails this gateway's slot.
                targets.Fault(slot, RequestAllStatus.Failed, ReplyOutcomes.ToException(call.Reply.Outcome, send.Project, send.Handler, name, wait));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller cancelled: the call has already answered it.
        }
        catch (Exception exception)
        {
            // An answer that cannot be decoded (a value the response type cannot hold) fails the slot, not the caller.
            targets.Fault(slot, RequestAllStatus.Failed, exception);
        }
    }
}

/// <summary>A request-all's answers as they cross the network: project, handler and filters are the request-all's own.</summary>
internal static class WireAnswers
{
    public static IReadOnlyList<WireAnswer> From(IReadOnlyList<RequestAllAnswer> answers, string project, string messageHandler)
    {
        var wire = new WireAnswer[answers.Count];
        for (var i = 0; i < wire.Length; i++)
        {
            var answer = answers[i];
            var target = answer.Target;
            var result = new WireResult(target.Type, target.SessionId, target.ClientAddress, target.ClientHostName, target.ServerName, target.Status);
            wire[i] = answer.Status == RequestAllStatus.Answered
                ? new WireAnswer(result, answer.Status, Value: Encode(answer.Response, project, messageHandler))
                : new WireAnswer(result, answer.Status, Error: answer.Exception is { } exception ? ReplyOutcomes.From(exception) : null);
        }

        return wire;
    }

    /// <summary>The answers of gateway <paramref name="server"/>, decoded to <paramref name="responseType"/>.</summary>
    /// <exception cref="PayloadConversionException">A value cannot be decoded to the response type.</exception>
    public static IReadOnlyList<RequestAllAnswer> ToAnswers(
        IReadOnlyList<WireAnswer> answers, in MessageSend send, string? server, Type responseType, TimeSpan wait)
    {
        var site = new ConversionSite(send.Project, send.Handler, responseType);
        var typed = new RequestAllAnswer[answers.Count];
        for (var i = 0; i < typed.Length; i++)
        {
            var answer = answers[i];
            var target = WireResults.ToResult(answer.Target, send, server);
            var value = WireValue.Decode(answer.Value, responseType, site);
            var exception = answer.Error is { } error
                ? ReplyOutcomes.ToException(error, send.Project, send.Handler, target.ServerName ?? server ?? "", wait)
                : null;
            typed[i] = new RequestAllAnswer(target, answer.Status, value, exception);
        }

        return typed;
    }

    /// <summary>A value as a <see cref="WireValue"/>'s UTF-8 JSON.</summary>
    public static byte[]? Encode(object? value, string project, string messageHandler) =>
        WireValue.EncodeUtf8(value, new ConversionSite(project, messageHandler, value?.GetType() ?? typeof(object)));
}
