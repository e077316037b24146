using System.Runtime.CompilerServices;
using Switchboard.Benchmarks.Support;

[assembly: Switchboard.MessagingProject("Bench")]

namespace Switchboard.Benchmarks.Contenders;

/// <summary>A message for Switchboard's handlers; <see cref="Done"/> is set when the caller waits for the handler.</summary>
/// <param name="Done">Signalled by the handler, or <see langword="null"/> when nobody waits.</param>
public sealed record Ping(HandledSignal? Done);

/// <summary>A request for Switchboard's <c>add</c> handler.</summary>
/// <param name="A">The first term.</param>
/// <param name="B">The second term.</param>
public sealed record Add(int A, int B);

/// <summary>A message that crosses the gateway network as JSON.</summary>
/// <param name="Sequence">Any number.</param>
public sealed record RemotePing(int Sequence);

/// <summary>Occupies a shared-pool worker until <see cref="Release"/> is set, so that sends measured meanwhile only queue.</summary>
/// <param name="Entered">Signalled when the worker has taken the message.</param>
/// <param name="Release">Set to let the worker go.</param>
public sealed record Hold(HandledSignal Entered, ManualResetEventSlim Release);

/// <summary>The handlers Switchboard delivers to; the source generator emits <c>BenchMessages</c> from them.</summary>
public static class SwitchboardHandlers
{
    /// <summary>The gateway handler of the dispatch suite.</summary>
    [MessageHandler("ping")]
    [MethodImpl(MethodImplOptions.NoInlining)] // The direct-call baseline makes a real call, as every contender does.
    public static void OnPing(Ping message)
    {
        Work.Handle();
        message.Done?.Signal();
    }

    /// <summary>Signalled by <see cref="OnRemotePing"/>: a payload from another node cannot carry the caller's signal.</summary>
    public static HandledSignal RemoteDone { get; } = new();

    /// <summary>The receiving gateway's handler of the network suite.</summary>
    [MessageHandler("remotePing")]
    public static void OnRemotePing(RemotePing message)
    {
        Work.Handle();
        RemoteDone.Signal();
    }

    /// <summary>Keeps one shared-pool worker busy until released.</summary>
#pragma warning disable SWB0030 // Hold carries live synchronisation objects in process: it is never converted to or from JSON.
    [MessageHandler("hold")]
    public static void OnHold(Hold hold)
#pragma warning restore SWB0030
    {
        hold.Entered.Signal();
        hold.Release.Wait();
    }

    /// <summary>The session handler of the fan-out suite.</summary>
    [MessageHandler("notify", Scope.Session)]
    [MethodImpl(MethodImplOptions.NoInlining)] // The direct-call baseline makes a real call, as every contender does.
    public static void OnNotify(Ping message)
    {
        Work.Handle();
        message.Done?.Signal();
    }

    /// <summary>The session handler of the request-all suite: the fan-out handler's work, and a value to answer with.</summary>
    [MessageHandler("load", Scope.Session)]
    [MethodImpl(MethodImplOptions.NoInlining)] // As the broadcast's handler, so that only the answering differs.
    public static int OnLoad(Ping message)
    {
        Work.Handle();
        return 1;
    }

    /// <summary>The dispatch suite's handler again, run on the sender's thread (<see cref="HandlerThreading.Inline"/>).</summary>
    [MessageHandler("pingInline", Threading = HandlerThreading.Inline)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void OnPingInline(Ping message) => OnPing(message);

    /// <summary>The round-trip suite's handler again, run on the asking thread (<see cref="HandlerThreading.Inline"/>).</summary>
    [MessageHandler("addInline", Threading = HandlerThreading.Inline)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int OnAddInline(Add request) => OnAdd(request);

    /// <summary>The gateway request handler of the round-trip suite.</summary>
    [MessageHandler("add")]
    [MethodImpl(MethodImplOptions.NoInlining)] // The direct-call baseline makes a real call, as every contender does.
    public static int OnAdd(Add request)
    {
        Work.Handle();
        return request.A + request.B;
    }
}
