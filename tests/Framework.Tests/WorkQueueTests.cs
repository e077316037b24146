using System.Collections.Concurrent;
using Switchboard.Tests.Support;

namespace Switchboard.Tests;

/// <summary>
/// The queue behind the shared pool and the dedicated queues: order, the concurrency bound, capacity, completion, and
/// that no accepted item is ever stranded while drainers start and stop.
/// </summary>
public sealed class WorkQueueTests
{
    private const int Items = 20_000;

    [Fact]
    public async Task A_queue_of_one_runs_items_strictly_in_order_even_when_handlers_do_not_complete_synchronously()
    {
        var seen = new ConcurrentQueue<int>();
        var running = 0;
        var maxRunning = 0;
        await using var gateway = new Gateway("g");
        var handler = Handlers.Async("X", "h", Scope.Gateway, async (payload, _, _) =>
        {
            Max(ref maxRunning, Interlocked.Increment(ref running));
            var n = (int)payload!;
            if (n % 3 == 0)
            {
                await Task.Yield();
            }

            seen.Enqueue(n);
            Interlocked.Decrement(ref running);
            return null;
        }, payloadType: typeof(object));
        var queue = new WorkQueue(concurrency: 1, capacity: 1000);

        for (var i = 0; i < 300; i++)
        {
            Assert.True(Enqueue(queue, gateway, handler, i));
        }

        await queue.CompleteAsync().WaitAsync(Wait.Bound);

        Assert.Equal(Enumerable.Range(0, 300), seen);
        Assert.Equal(1, maxRunning);
    }

    [Fact]
    public async Task A_pool_runs_up_to_its_concurrency_at_once_and_never_more()
    {
        var running = 0;
        var maxRunning = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allThreeRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var gateway = new Gateway("g");
        var handler = Handlers.Async("X", "h", Scope.Gateway, async (_, _, _) =>
        {
            var now = Interlocked.Increment(ref running);
            Max(ref maxRunning, now);
            if (now == 3)
            {
                allThreeRunning.TrySetResult();
            }

            await release.Task;
            Interlocked.Decrement(ref running);
            return null;
        });
        var queue = new WorkQueue(concurrency: 3, capacity: 100);

        for (var i = 0; i < 10; i++)
        {
            Assert.True(Enqueue(queue, gateway, handler, payload: null));
        }

        await allThreeRunning.Task.WaitAsync(Wait.Bound);
        Assert.Equal(7, queue.Count);
        release.SetResult();
        await queue.CompleteAsync().WaitAsync(Wait.Bound);

        Assert.Equal(3, maxRunning);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task The_thread_that_completes_an_asynchronous_handler_does_not_go_on_to_run_the_next_one()
    {
        // Continuations of this source run inline on the thread that completes it, as a user's often do. The second
        // handler waits for that thread to have returned from SetResult: it never sees that if it runs inside it.
        var release = new TaskCompletionSource();
        var firstWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var setResultReturned = new ManualResetEventSlim();
        var secondSawSetResultReturn = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var gateway = new Gateway("g");
        var handler = Handlers.Async("X", "h", Scope.Gateway, async (payload, _, _) =>
        {
            if ((int)payload! == 1)
            {
                firstWaiting.TrySetResult();
                await release.Task;
            }
            else
            {
                secondSawSetResultReturn.TrySetResult(setResultReturned.Wait(TimeSpan.FromSeconds(2)));
            }

            return null;
        }, payloadType: typeof(object));
        var queue = new WorkQueue(concurrency: 1, capacity: 10);
        Assert.True(Enqueue(queue, gateway, handler, 1));
        Assert.True(Enqueue(queue, gateway, handler, 2));
        await firstWaiting.Task.WaitAsync(Wait.Bound);

        await Task.Run(() =>
        {
            release.SetResult();
            setResultReturned.Set();
        });

        Assert.True(await secondSawSetResultReturn.Task.WaitAsync(Wait.Bound));
        await queue.CompleteAsync().WaitAsync(Wait.Bound);
    }

    [Fact]
    public async Task A_full_queue_refuses_at_its_capacity_and_accepts_again_once_an_item_is_taken()
    {
        var release = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        await using var gateway = new Gateway("g");
        var handler = Handlers.Of("X", "h", Scope.Gateway, (_, _) =>
        {
            entered.TrySetResult();
            release.Wait();
            Interlocked.Increment(ref runs);
        });
        var queue = new WorkQueue(concurrency: 1, capacity: 2);

        Assert.True(Enqueue(queue, gateway, handler, payload: null));
        await entered.Task.WaitAsync(Wait.Bound);
        Assert.True(Enqueue(queue, gateway, handler, payload: null));
        Assert.True(Enqueue(queue, gateway, handler, payload: null));
        Assert.False(Enqueue(queue, gateway, handler, payload: null));
        Assert.Equal(2, queue.Count);
        release.Set();
        await queue.CompleteAsync().WaitAsync(Wait.Bound);

        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task Completing_waits_for_the_running_item_and_then_refuses_new_ones()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        await using var gateway = new Gateway("g");
        var handler = Handlers.Async("X", "h", Scope.Gateway, async (_, _, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            Interlocked.Increment(ref runs);
            return null;
        });
        var queue = new WorkQueue(concurrency: 2, capacity: 10);
        Assert.True(Enqueue(queue, gateway, handler, payload: null));
        Assert.True(Enqueue(queue, gateway, handler, payload: null));
        await entered.Task.WaitAsync(Wait.Bound);

        var completing = queue.CompleteAsync();
        Assert.False(completing.IsCompleted);
        Assert.False(Enqueue(queue, gateway, handler, payload: null));
        release.SetResult();
        await completing.WaitAsync(Wait.Bound);

        Assert.Equal(2, runs);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 0)]
    [InlineData(2, 40)]
    [InlineData(4, 40)]
    public async Task No_item_is_stranded_while_senders_race_drainers_that_go_idle(int concurrency, int idleSpins)
    {
        // Senders pause now and then, and drainers stop as soon as they find the queue empty (no idle spin), so that
        // drainers keep stopping and restarting while items arrive: every accepted item must still run.
        var runs = 0;
        await using var gateway = new Gateway("g");
        var handler = Handlers.Of("X", "h", Scope.Gateway, (_, _) => Interlocked.Increment(ref runs));
        var queue = new WorkQueue(concurrency, capacity: 1 << 20, idleSpins);
        var accepted = 0;

        var senders = Enumerable.Range(0, 3).Select(seed => OnOwnThread(() =>
        {
            var random = new Random(seed);
            for (var i = 0; i < Items; i++)
            {
                if (Enqueue(queue, gateway, handler, payload: null))
                {
                    Interlocked.Increment(ref accepted);
                }

                Pause(random);
            }
        })).ToArray();
        await Task.WhenAll(senders).WaitAsync(Wait.Bound);

        // Not CompleteAsync: a stranded item would make it wait forever, so wait on the count with a bound instead.
        await Wait.UntilAsync(() => Volatile.Read(ref runs) == accepted, $"all {accepted} accepted items ran ({Volatile.Read(ref runs)} did)");
        await queue.CompleteAsync().WaitAsync(Wait.Bound);
        Assert.Equal(3 * Items, accepted);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 0)]
    [InlineData(2, 40)]
    [InlineData(4, 40)]
    public async Task No_item_is_stranded_when_the_last_send_races_a_drainer_that_stops(int concurrency, int idleSpins)
    {
        // Each round two threads send at once and then wait until both items have run, with nothing sent later that
        // could rescue an item left behind: the sends race the drainer that just found the queue empty and is stopping.
        const int Rounds = 3000;
        var runs = 0;
        var stranded = -1;
        await using var gateway = new Gateway("g");
        var handler = Handlers.Of("X", "h", Scope.Gateway, (_, _) => Interlocked.Increment(ref runs));
        var queue = new WorkQueue(concurrency, capacity: 16, idleSpins);
        using var together = new Barrier(2);

        var senders = Enumerable.Range(0, 2).Select(_ => OnOwnThread(() =>
        {
            for (var round = 0; round < Rounds && Volatile.Read(ref stranded) < 0; round++)
            {
                together.SignalAndWait(Wait.Bound);
                Assert.True(Enqueue(queue, gateway, handler, payload: null));
                var deadline = DateTime.UtcNow + Wait.Bound;
                var spinner = default(SpinWait);
                while (Volatile.Read(ref runs) < 2 * (round + 1))
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        Interlocked.CompareExchange(ref stranded, round, -1);
                        together.RemoveParticipant();
                        return;
                    }

                    spinner.SpinOnce();
                }
            }
        })).ToArray();
        // Each round has its own bound (a stranded item is reported by its round); the whole run only needs one
        // long enough for 3,000 rounds of thread hops on a loaded machine.
        await Task.WhenAll(senders).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(-1, stranded);
        Assert.Equal(2 * Rounds, runs);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    public async Task A_queue_of_one_runs_every_item_exactly_once_in_each_senders_order_while_its_drainer_runs_dry_and_wakes(int idleSpins)
    {
        // Three senders pause now and then, so that the one drainer keeps running dry and being woken (or found by a
        // send while it spins) between bursts in which it takes item after item without waking anyone.
        const int Senders = 3;
        var next = new int[Senders];
        var outOfOrder = 0;
        var runs = 0;
        await using var gateway = new Gateway("g");
        var handler = Handlers.Of("X", "h", Scope.Gateway, (payload, _) =>
        {
            var (sender, sequence) = ((int, int))payload!;
            if (next[sender] != sequence)
            {
                Interlocked.Increment(ref outOfOrder);
            }

            next[sender] = sequence + 1;
            Interlocked.Increment(ref runs);
        }, payloadType: typeof(object));
        var queue = new WorkQueue(concurrency: 1, capacity: 1 << 20, idleSpins);

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => OnOwnThread(() =>
        {
            var random = new Random(sender);
            for (var i = 0; i < Items; i++)
            {
                Assert.True(Enqueue(queue, gateway, handler, (sender, i)));
                Pause(random);
            }
        }))).WaitAsync(Wait.Bound);

        await Wait.UntilAsync(() => Volatile.Read(ref runs) == Senders * Items, $"all {Senders * Items} items ran ({Volatile.Read(ref runs)} did)");
        await queue.CompleteAsync().WaitAsync(Wait.Bound);
        Assert.Equal(0, outOfOrder);
        Assert.All(next, sequence => Assert.Equal(Items, sequence));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(4, 0)]
    [InlineData(2, 40)]
    [InlineData(4, 40)]
    public async Task A_pool_runs_every_item_exactly_once_within_its_bound_while_drainers_run_dry_block_and_wake_on_backlog(int concurrency, int idleSpins)
    {
        // Now and then a handler blocks (its drainer stays busy, so the backlog behind it must wake another) or
        // completes asynchronously (its drainer resumes from the thread pool), while senders pause and drainers stop.
        const int Total = 3 * Items;
        var runsOf = new int[Total];
        var runs = 0;
        var running = 0;
        var maxRunning = 0;
        await using var gateway = new Gateway("g");
        var handler = Handlers.Async("X", "h", Scope.Gateway, async (payload, _, _) =>
        {
            Max(ref maxRunning, Interlocked.Increment(ref running));
            var id = (int)payload!;
            switch (id % 997)
            {
                case 0:
                    Thread.Sleep(1);
                    break;
                case 1:
                    await Task.Yield();
                    break;
            }

            Interlocked.Increment(ref runsOf[id]);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref runs);
            return null;
        }, payloadType: typeof(object));
        var queue = new WorkQueue(concurrency, capacity: 1 << 20, idleSpins);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(sender => OnOwnThread(() =>
        {
            var random = new Random(sender);
            for (var i = 0; i < Items; i++)
            {
                Assert.True(Enqueue(queue, gateway, handler, (sender * Items) + i));
                Pause(random);
            }
        }))).WaitAsync(Wait.Bound);

        await Wait.UntilAsync(() => Volatile.Read(ref runs) == Total, $"all {Total} items ran ({Volatile.Read(ref runs)} did)");
        await queue.CompleteAsync().WaitAsync(Wait.Bound);
        Assert.All(runsOf, count => Assert.Equal(1, count));
        Assert.InRange(maxRunning, 1, concurrency);
    }

    [Fact]
    public async Task Items_behind_a_handler_that_blocks_run_on_another_drainer_while_the_pool_has_room()
    {
        // The drainer that takes the blocking item was busy with the quick ones before it: the items queued behind it
        // must still find a drainer, or they would wait for a handler that waits for them.
        using var release = new ManualResetEventSlim();
        var quickRuns = 0;
        await using var gateway = new Gateway("g");
        var handler = Handlers.Of("X", "h", Scope.Gateway, (payload, _) =>
        {
            if ((int)payload! < 0)
            {
                release.Wait(Wait.Bound);
            }
            else
            {
                Interlocked.Increment(ref quickRuns);
            }
        }, payloadType: typeof(object));
        var queue = new WorkQueue(concurrency: 2, capacity: 1024, idleSpins: 0);

        for (var i = 0; i < 50; i++)
        {
            Assert.True(Enqueue(queue, gateway, handler, i));
        }

        Assert.True(Enqueue(queue, gateway, handler, -1));
        for (var i = 50; i < 100; i++)
        {
            Assert.True(Enqueue(queue, gateway, handler, i));
        }

        await Wait.UntilAsync(() => Volatile.Read(ref quickRuns) == 100, "the items behind the blocked one ran meanwhile");
        release.Set();
        await queue.CompleteAsync().WaitAsync(Wait.Bound);
    }

    [Fact]
    public async Task Sends_racing_the_gateways_close_either_fail_or_run_before_the_close_completes()
    {
        var runs = 0;
        var ranAfterClose = 0;
        var closed = 0;
        var gateway = new Gateway("g", new GatewayOptions { SharedPoolSize = 2 });
        gateway.AddProject(Handlers.Registry("X", Handlers.Of("X", "h", Scope.Gateway, (_, _) =>
        {
            Interlocked.Increment(ref runs);
            if (Volatile.Read(ref closed) == 1)
            {
                Interlocked.Increment(ref ranAfterClose);
            }
        })));
        var designer = gateway.OpenDesigner();
        var sent = 0;
        var refused = 0;
        using var started = new CountdownEvent(4);

        var senders = Enumerable.Range(0, 4).Select(_ => OnOwnThread(() =>
        {
            started.Signal();
            while (true)
            {
                try
                {
                    // The designer stays open while the gateway closes, so the gateway's own refusal is what is tested.
                    Interlocked.Add(ref sent, designer.SendMessage("X", "h", scope: "G").Count(line => line.EndsWith("SENT", StringComparison.Ordinal)));
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref refused);
                    return;
                }
            }
        })).ToArray();
        started.Wait(Wait.Bound);

        // The close races senders that are sending: waited for, not a fixed 20 ms, which a loaded machine can spend
        // before any sender's first send returns, and then every send is refused and "sent > 0" fails.
        await Wait.UntilAsync(() => Volatile.Read(ref sent) > 0, "the senders are sending");

        await gateway.DisposeAsync();
        Volatile.Write(ref closed, 1);
        await Task.WhenAll(senders).WaitAsync(Wait.Bound);

        Assert.Equal(4, refused);
        Assert.True(sent > 0);
        Assert.Equal(sent, Volatile.Read(ref runs));
        Assert.Equal(0, Volatile.Read(ref ranAfterClose));
    }

    [Fact]
    public async Task Pending_work_refuses_once_closing_has_begun_and_completes_when_the_last_accepted_item_is_released()
    {
        var pending = new PendingWork();
        Assert.True(pending.TryAdd());

        var closing = pending.CloseAndWaitAsync();

        Assert.False(pending.TryAdd());
        Assert.Equal(1, pending.Count);
        Assert.False(closing.IsCompleted);
        pending.Release();
        await closing.WaitAsync(Wait.Bound);
    }

    // Mostly back to back, sometimes a short spin, rarely a sleep: drainers both flow and run dry.
    private static void Pause(Random random)
    {
        switch (random.Next(1000))
        {
            case 0:
                Thread.Sleep(1);
                break;
            case < 300:
                Thread.SpinWait(random.Next(1, 500));
                break;
        }
    }

    // Senders that spin or block get threads of their own: on the thread pool they could starve the drainers they wait for.
    private static Task OnOwnThread(Action body)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                body();
                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        })
        {
            IsBackground = true,
        };
        thread.Start();
        return done.Task;
    }

    // Counts the item as the gateway's pending work first, as Endpoint.TryDeliver does, so that HandlerRunner's release balances.
    private static bool Enqueue(WorkQueue queue, Gateway gateway, HandlerDescriptor handler, object? payload)
    {
        Assert.True(gateway.Pending.TryAdd());
        if (queue.TryEnqueue(new WorkItem(gateway, handler, Scope.Gateway, gateway.SenderInfo, payload, request: null)))
        {
            return true;
        }

        gateway.Pending.Release();
        return false;
    }

    private static void Max(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
