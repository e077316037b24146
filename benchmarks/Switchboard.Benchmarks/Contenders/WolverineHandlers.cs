using Switchboard.Benchmarks.Support;

namespace Switchboard.Benchmarks.Contenders;

/// <summary>Wolverine's message.</summary>
/// <param name="Done">Signalled by the handler, or <see langword="null"/>.</param>
public sealed record WolverinePing(HandledSignal? Done);

/// <summary>Wolverine's request.</summary>
/// <param name="A">The first term.</param>
/// <param name="B">The second term.</param>
public sealed record WolverineAdd(int A, int B);

/// <summary>Wolverine's response: a handler's return value is a message to Wolverine, so it must be a reference type.</summary>
/// <param name="Value">The sum.</param>
public sealed record WolverineSum(int Value);

/// <summary>Wolverine's message handler (found by its name's convention): the same work as Switchboard's.</summary>
public static class WolverinePingHandler
{
    /// <summary>Handles a ping.</summary>
    public static void Handle(WolverinePing message)
    {
        Work.Handle();
        message.Done?.Signal();
    }
}

/// <summary>Wolverine's request handler, in a class of its own: Wolverine takes one <c>Handle</c> method per class.</summary>
public static class WolverineAddHandler
{
    /// <summary>Answers a request.</summary>
    public static WolverineSum Handle(WolverineAdd request)
    {
        Work.Handle();
        return new(request.A + request.B);
    }
}
