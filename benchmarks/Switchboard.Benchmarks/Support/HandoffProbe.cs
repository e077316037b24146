using System.Diagnostics;
using Switchboard.Benchmarks.Contenders;

namespace Switchboard.Benchmarks.Support;

/// <summary>
/// Counts what a handoff costs the thread pool, which a loaded machine moves far less than it moves times: thread-pool
/// work items started per message (drainers woken, continuations queued) for the rows of suites 1 and 2.
/// Run as <c>Switchboard.Benchmarks handoff-probe [messages]</c>.
/// </summary>
public static class HandoffProbe
{
    /// <summary>Runs each row <paramref name="messages"/> times, after a warm-up, and prints one line per row.</summary>
    public static async Task RunAsync(int messages)
    {
        await using var gateway = new Gateway("probe");
        gateway.AddProject(BenchMessages.Registry);
        var ping = new Ping(Done: null);
        var done = new HandledSignal();
        var signalled = new Ping(done);
        var add = new Add(2, 3);
        for (var round = 0; round < 2; round++)
        {
            var print = round == 1;
            await Row("select and queue, idle pool", messages, print, () =>
            {
                var expected = Work.Handled + messages;
                for (var i = 0; i < messages; i++)
                {
                    _ = gateway.SendPingAsync(ping).Result;
                }

                Work.WaitUntilHandled(expected);
                return Task.CompletedTask;
            });
            await Row("until the handler has run (blocking caller)", messages, print, () =>
            {
                for (var i = 0; i < messages; i++)
                {
                    done.Arm();
                    _ = gateway.SendPingAsync(signalled).Result;
                    done.WaitAsync().AsTask().GetAwaiter().GetResult();
                }

                return Task.CompletedTask;
            });
            await Row("request, awaited in a row", messages, print, async () =>
            {
                for (var i = 0; i < messages; i++)
                {
                    _ = await gateway.RequestAddAsync(add).ConfigureAwait(false);
                }
            });
        }
    }

    private static async Task Row(string name, int messages, bool print, Func<Task> body)
    {
        var items = ThreadPool.CompletedWorkItemCount;
        var clock = Stopwatch.StartNew();
        await Task.Run(body).ConfigureAwait(false);
        clock.Stop();
        items = ThreadPool.CompletedWorkItemCount - items;
        if (print)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"{name,-45} {(double)items / messages,6:F2} thread-pool work items per message, {clock.Elapsed.TotalNanoseconds / messages,9:F0} ns per message, {ThreadPool.ThreadCount} pool threads"));
        }
    }
}
