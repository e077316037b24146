using Mediator;
using Switchboard.Benchmarks.Support;

namespace Switchboard.Benchmarks.Contenders;

/// <summary>Mediator's notification (for <c>Publish</c>).</summary>
/// <param name="Done">Signalled by the handler, or <see langword="null"/>.</param>
public sealed record MediatorPing(HandledSignal? Done) : INotification;

/// <summary>Mediator's request without a response (for <c>Send</c>).</summary>
/// <param name="Done">Signalled by the handler, or <see langword="null"/>.</param>
public sealed record MediatorPingCommand(HandledSignal? Done) : IRequest;

/// <summary>Mediator's request with a response.</summary>
/// <param name="A">The first term.</param>
/// <param name="B">The second term.</param>
public sealed record MediatorAdd(int A, int B) : IRequest<int>;

/// <summary>Mediator's handlers: the same work as Switchboard's.</summary>
public sealed class MediatorReceiver :
    INotificationHandler<MediatorPing>,
    IRequestHandler<MediatorPingCommand>,
    IRequestHandler<MediatorAdd, int>
{
    /// <inheritdoc />
    public ValueTask Handle(MediatorPing notification, CancellationToken cancellationToken)
    {
        Work.Handle();
        notification.Done?.Signal();
        return default;
    }

    /// <inheritdoc />
    public ValueTask<Unit> Handle(MediatorPingCommand request, CancellationToken cancellationToken)
    {
        Work.Handle();
        request.Done?.Signal();
        return Unit.ValueTask;
    }

    /// <inheritdoc />
    public ValueTask<int> Handle(MediatorAdd request, CancellationToken cancellationToken)
    {
        Work.Handle();
        return new(request.A + request.B);
    }
}
