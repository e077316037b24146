using CommunityToolkit.Mvvm.Messaging;
using CommunityToolkit.Mvvm.Messaging.Messages;
using Switchboard.Benchmarks.Support;

namespace Switchboard.Benchmarks.Contenders;

/// <summary>CommunityToolkit.Mvvm's message.</summary>
/// <param name="Done">Signalled by the recipient, or <see langword="null"/>.</param>
public sealed record MessengerPing(HandledSignal? Done);

/// <summary>CommunityToolkit.Mvvm's request message: one is needed per request, since it carries the reply.</summary>
public sealed class MessengerAdd(int a, int b) : RequestMessage<int>
{
    /// <summary>The first term.</summary>
    public int A { get; } = a;

    /// <summary>The second term.</summary>
    public int B { get; } = b;
}

/// <summary>The recipient registered with a <see cref="StrongReferenceMessenger"/>: the same work as Switchboard's.</summary>
public sealed class MessengerRecipient : IRecipient<MessengerPing>, IRecipient<MessengerAdd>
{
    /// <summary>Registers a recipient for both messages on <paramref name="messenger"/>.</summary>
    public static MessengerRecipient RegisterOn(IMessenger messenger)
    {
        var recipient = new MessengerRecipient();
        messenger.RegisterAll(recipient);
        return recipient;
    }

    /// <inheritdoc />
    public void Receive(MessengerPing message)
    {
        Work.Handle();
        message.Done?.Signal();
    }

    /// <inheritdoc />
    public void Receive(MessengerAdd message)
    {
        Work.Handle();
        message.Reply(message.A + message.B);
    }
}
