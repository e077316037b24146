using Switchboard.Benchmarks.Contenders;

namespace Switchboard.Benchmarks.Support;

/// <summary>
/// Keeps every worker of a gateway's shared pool busy with a <see cref="Hold"/> message, so that sends made meanwhile
/// only select and queue: no worker is woken, nothing runs. <see cref="Release"/> lets them go.
/// </summary>
public sealed class BusyPool
{
    private readonly HandledSignal entered = new();

    // A new event for every occupation: resetting a shared one could catch a worker that has not yet woken from the
    // previous release, and leave it holding forever.
    private ManualResetEventSlim release = new(initialState: true);

    /// <summary>Occupies all <paramref name="workers"/> of <paramref name="gateway"/>'s shared pool and waits until they are.</summary>
    public void Occupy(Gateway gateway, int workers)
    {
        release = new ManualResetEventSlim(initialState: false);
        entered.Arm(workers);
        var hold = new Hold(entered, release);
        for (var i = 0; i < workers; i++)
        {
            _ = gateway.SendHoldAsync(hold).Result;
        }

        entered.WaitAsync().AsTask().Wait();
    }

    /// <summary>Lets the workers go.</summary>
    public void Release() => release.Set();
}
