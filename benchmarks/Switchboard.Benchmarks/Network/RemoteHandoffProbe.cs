using System.Diagnostics;
using Switchboard.Benchmarks.Contenders;

namespace Switchboard.Benchmarks.Network;

/// <summary>
/// Counts what the network rows of suite 4 cost the thread pool and the CPU, which a loaded machine moves far less than
/// it moves times: thread-pool work items and process CPU time per message, for batches of 1,000 pipelined remote sends
/// timed until the receiving gateway has handled them all (both gateways in this process, as in 4a and 4d). Run as
/// <c>Switchboard.Benchmarks remote-handoff-probe [batches]</c>.
/// </summary>
public static class RemoteHandoffProbe
{
    private const int Batch = 1_000;

    /// <summary>Runs each row <paramref name="batches"/> times, after a warm-up, and prints one line per row.</summary>
    public static async Task RunAsync(int batches)
    {
        await using var pair = await RedisPair.StartAsync();
        var ping = new RemotePing(1);
        var dictionaryPing = new Dictionary<string, object?> { ["sequence"] = 1 };
        var pending = new Task[Batch];

        async Task Pipelined(Gateway sender)
        {
            for (var i = 0; i < Batch; i++)
            {
                pending[i] = sender.SendRemotePingAsync(ping, remoteServers: pair.ToReceiver).AsTask();
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
        }

        Task SendMessageLoop()
        {
            for (var i = 0; i < Batch; i++)
            {
                pair.Sender.SendMessage("Bench", "remotePing", dictionaryPing, remoteServers: pair.ToReceiver);
            }

            return Task.CompletedTask;
        }

        for (var round = 0; round < 2; round++)
        {
            var count = round == 0 ? Math.Max(3, batches / 2) : batches;
            await Row("typed stub, pipelined, confirmed", count, () => Pipelined(pair.Sender)).ConfigureAwait(false);
            await Row("typed stub, pipelined, unconfirmed", count, () => Pipelined(pair.UnconfirmedSender)).ConfigureAwait(false);
            await Row("typed stub, pipelined, signed", count, () => Pipelined(pair.SignedSender)).ConfigureAwait(false);
            await Row("SendMessage loop", count, SendMessageLoop).ConfigureAwait(false);
        }
    }

    private static async Task Row(string name, int batches, Func<Task> send)
    {
        var process = Process.GetCurrentProcess();
        var items = ThreadPool.CompletedWorkItemCount;
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var batch = 0; batch < batches; batch++)
        {
            SwitchboardHandlers.RemoteDone.Arm(Batch);
            await send().ConfigureAwait(false);
            await SwitchboardHandlers.RemoteDone.WaitAsync().ConfigureAwait(false);
        }

        clock.Stop();
        process.Refresh();
        var messages = (double)batches * Batch;
        Console.WriteLine(FormattableString.Invariant(
            $"{name,-36} {(ThreadPool.CompletedWorkItemCount - items) / messages,6:F2} thread-pool work items, {(process.TotalProcessorTime - cpu).TotalNanoseconds / messages,8:F0} ns CPU, {clock.Elapsed.TotalNanoseconds / messages,8:F0} ns wall per message"));
    }
}
