namespace Switchboard.Network;

/// <summary>
/// Carries a remote operation's exception across the network and back: the receiver turns what it caught into a
/// <see cref="WireOutcome"/>, and the sender turns that into the exception a local call would have thrown.
/// </summary>
internal static class ReplyOutcomes
{
    public static readonly WireOutcome Ok = new(OutcomeCodes.Ok);

    public static WireOutcome From(Exception exception) => exception switch
    {
        MessageHandlerNotFoundException notFound => new(OutcomeCodes.NotFound, notFound.Message),
        MessageHandlerFailedException failed => Failed(failed.InnerException ?? failed),
        RequestTimeoutException timeout => new(OutcomeCodes.Timeout, timeout.Message),
        OperationCanceledException cancelled => new(OutcomeCodes.Cancelled, cancelled.Message),
        MessageDeniedException denied => new(OutcomeCodes.Denied, denied.Message, Detail: denied.RequiredRole),
        MessageQueueFullException full => new(OutcomeCodes.QueueFull, full.Message),
        PayloadConversionException payload => new(OutcomeCodes.BadPayload, payload.Message),
        GatewayUnreachableException unreachable => new(OutcomeCodes.Unreachable, unreachable.Message, Detail: unreachable.ServerName),
        ObjectDisposedException closed => new(OutcomeCodes.Closed, closed.Message),
        ArgumentException invalid => new(OutcomeCodes.Invalid, invalid.Message),
        _ => Failed(exception),
    };

    /// <summary>The outcome of one request-all target that did not answer.</summary>
    public static WireOutcome Of(in RequestAllAnswer answer) => answer.Exception is { } exception
        ? From(exception)
        : answer.Status switch
        {
            RequestAllStatus.NotFound => new(OutcomeCodes.NotFound, $"The message handler \"{answer.Target.MessageHandler}\" could not be found!"),
            RequestAllStatus.Denied => new(OutcomeCodes.Denied, "The sender lacks the handler's required role."),
            RequestAllStatus.QueueFull => new(OutcomeCodes.QueueFull, "The handler's queue is full."),
            RequestAllStatus.TimedOut => new(OutcomeCodes.Timeout, "The handler did not answer in time."),
            _ => new(OutcomeCodes.Unreachable, answer.Status.ToCode()),
        };

    /// <summary>The exception a local call would have thrown for a reply that is not <see cref="OutcomeCodes.Ok"/>.</summary>
    /// <param name="outcome">The reply's outcome.</param>
    /// <param name="project">The project the call was for.</param>
    /// <param name="messageHandler">The handler the call was for.</param>
    /// <param name="server">The gateway that answered.</param>
    /// <param name="timeout">The call's timeout, for <see cref="RequestTimeoutException"/>.</param>
    public static Exception ToException(WireOutcome outcome, string project, string messageHandler, string server, TimeSpan timeout) => outcome.Code switch
    {
        OutcomeCodes.NotFound => new MessageHandlerNotFoundException(project, messageHandler, server),
        OutcomeCodes.Failed => new MessageHandlerFailedException(
            project, messageHandler, new RemoteHandlerException(server, outcome.ErrorType ?? typeof(Exception).FullName!, outcome.Message ?? "", outcome.Detail)),
        OutcomeCodes.Timeout => new RequestTimeoutException(project, messageHandler, timeout),
        OutcomeCodes.Cancelled => new OperationCanceledException($"The request to message handler \"{messageHandler}\" was cancelled on gateway \"{server}\"."),
        OutcomeCodes.Denied => new MessageDeniedException(project, messageHandler, outcome.Detail ?? "(unknown)"),
        OutcomeCodes.QueueFull => new MessageQueueFullException(project, messageHandler),
        OutcomeCodes.BadPayload => new PayloadConversionException(
            project, messageHandler, typeof(object), key: null, $"gateway \"{server}\" refused it: {outcome.Message}"),
        OutcomeCodes.Unreachable => new GatewayUnreachableException(
            project, messageHandler, outcome.Detail ?? server, $"gateway \"{server}\" could not reach it ({outcome.Message})"),
        OutcomeCodes.Closed => new GatewayUnreachableException(project, messageHandler, server, "it is shutting down."),
        OutcomeCodes.Invalid => new ArgumentException($"Gateway \"{server}\" refused the call: {outcome.Message}"),
        _ => new InvalidOperationException($"Gateway \"{server}\" answered with the unknown outcome \"{outcome.Code}\": {outcome.Message}"),
    };

    private static WireOutcome Failed(Exception exception) => exception is RemoteHandlerException remote
        ? new(OutcomeCodes.Failed, remote.Message, remote.RemoteType, remote.RemoteStackTrace)
        : new(OutcomeCodes.Failed, exception.Message, exception.GetType().FullName, exception.StackTrace);
}
