"""Summarises scripts/profile-remote-loop.sh's samples: where the CPU of one remote SendMessage goes.

Arguments: the output of `perf script -F comm,pid,tid,ip,sym,dso` on a `perf record -a -g`, the loop's output, the
benchmark's process id, redis-server's process id and the seconds recorded.

Each sample of the benchmark process is charged to the piece of work it was done for: first its context, the
innermost frame of its call chain (from the leaf towards the root) that names one (the sending loop, the receiving
node's inbound worker, the shared pool, StackExchange.Redis's reader or writer, ...), then, inside that context, the
first step of its list that a frame below it names (encoding, the envelope reader, payload conversion, ...). Innermost, because
the loop nests: in the benchmark the sending loop resumes inside the handler that completes a batch, on a
shared-pool thread, and StackExchange.Redis runs inside the sender's PUBLISH. Time in the kernel, the allocator or the
garbage collector counts for whoever called it. redis-server's samples are its own. At 4 kHz a sample stands for
250 us of one CPU, so a row's samples times 250 us over the messages handled while perf recorded is its CPU per
message.
"""
import collections
import re
import sys

from perf_samples import chained_samples, short

samples_path, run_path, loop_pid, redis_pid, seconds = sys.argv[1:]
loop_pid, redis_pid, seconds = int(loop_pid), int(redis_pid or 0), float(seconds)
SAMPLE_NS = 250_000.0

# Contexts: (name, pattern on a frame, steps inside it as (name, pattern)). The innermost frame that matches a
# context's pattern decides the context; then the first step of its list that a frame below it matches.
CONTEXTS = [
    ("StackExchange.Redis, writing (PUBLISH on the sender's thread, flushes)",
     r"StackExchange\.Redis\.(PhysicalBridge|RedisBase|RedisSubscriber|ConnectionMultiplexer)::|PhysicalConnection::(Write|Flush)",
     []),
    ("StackExchange.Redis, reading (parsing replies, queuing pub/sub messages)",
     r"PhysicalConnection\+<ReadAllAsync>|PhysicalConnection::(ReadFromPipe|CommitAndParseFrames|OnOutOfBand)",
     [("  completing PUBLISH replies (the sender's tasks)", r"ResultBox|TaskResultBox|TrySetResult|ResultProcessor"),
      ("  queuing the message (ChannelMessageQueue)", r"ChannelMessageQueue|Subscription::|OnMessage")]),
    ("sender: the SendMessage loop",
     r"RemoteLoop\+|RemoteHandoffProbe|RemoteSendThroughputBenchmarks",
     [("  payload encode (WireValue.EncodeUtf8)", r"WireValue::(EncodeUtf8|Write)"),
      ("  envelope write (EnvelopeWriter, trace stamp, id)", r"EnvelopeWriter|NetworkTracing|GatewayNetwork::Encode|MessageIds"),
      ("  presence checks", r"PresenceView|Presence"),
      ("  the result strings (DeliveryReport.ToStrings)", r"DeliveryReport::ToStrings|DeliveryResult::ToString|DeliveryResult::Format"),
      ("  publish call (RedisNetworkTransport, task)", r"RedisNetworkTransport|ObservePostAsync|RemoteServers::Post"),
      ("  routing and checks (SendMessage, router)", r"SendMessage|MessageRouter|SendFilters|MessageNames|MessageSend")]),
    ("receiver: the inbound worker",
     r"InboundQueue::",
     [("  payload: dictionary to the handler's record (PayloadConverter)", r"PayloadConverter|JsonPayloadWriter|PayloadAdapter|PayloadJson"),
      ("  payload: tagged JSON to a dictionary (WireValue.Decode)", r"WireValue::|WirePayload::"),
      ("  envelope read (EnvelopeReader)", r"EnvelopeReader"),
      ("  hand-off to the shared pool (WorkQueue, PendingWork)", r"Switchboard\.WorkQueue|PendingWork|ThreadPool::UnsafeQueue|ThreadPoolWorkQueue::Enqueue"),
      ("  confirmation and results (ReplyBatcher, WireResults)", r"ReplyBatcher|WireResults|Confirmations"),
      ("  routing (GatewayInbox, router, report)", r"GatewayInbox|MessageRouter|MessageSend|DeliveryReport|DeliveryResults|PayloadPreparation"),
      ("  reading the subscription (RedisSubscription, ChannelMessageQueue)", r"RedisSubscription|ChannelMessageQueue|InboundQueue::TryRead"),
      ("  statistics, drops, tracing", r"NetworkStatistics|NetworkTracing|Activity")]),
    ("shared pool: the handler's work item",
     r"Switchboard\.WorkQueue::|HandlerRunner|SharedPool",
     [("  idle drainers yielding between items (SpinWait)", r"sched_yield|Thread::Yield|Thread::Sleep|SpinWait"),
      ("  the handler (benchmark's OnRemotePing and its signal)", r"OnRemotePing|HandledSignal|SwitchboardHandlers"),
      ("  running the work item (HandlerRunner, telemetry)", r"HandlerRunner|Telemetry|WorkItem")]),
    ("sockets (SocketAsyncEngine, pipelines)", r"SocketAsyncEngine|System\.Net\.Sockets|System\.IO\.Pipelines", []),
    ("thread pool: dispatching, idle, spinning, waking", r"PortableThreadPool|ThreadPoolWorkQueue|LowLevelLifoSemaphore|WorkerThread|ThreadPool", []),
]
COMPILED = [(name, re.compile(pattern), [(step, re.compile(p)) for step, p in steps]) for name, pattern, steps in CONTEXTS]


# The runtime's spin-wait (the pause loop behind Thread.SpinWait) leaves its caller's frame before it spins, so a
# sample in it is unwound to the thread pool's dispatch loop as if that had called it: in this loop it is the shared
# pool's idle drainers spinning for the next item (checked once by address, see docs/benchmarks.md).
SPIN = "shared pool: idle drainers spinning (the runtime's pause loop, caller frame lost)"


def charge(frames):
    if len(frames) > 1 and frames[0] == "[libcoreclr.so]" and "ThreadPoolWorkQueue::Dispatch" in frames[1]:
        return SPIN, None
    for depth, frame in enumerate(frames):
        for name, pattern, steps in COMPILED:
            if pattern.search(frame):
                for step, step_pattern in steps:
                    if any(step_pattern.search(inner) for inner in frames[:depth + 1]):
                        return name, step
                return name, "  the rest" if steps else None
    return None, None


run = open(run_path).read()
rate = re.search(r"([0-9.]+) messages/s", run)
messages = float(rate.group(1)) * seconds if rate else None
print(next((line for line in run.splitlines() if line.startswith("remote SendMessage loop")), "(the loop printed no result)"))

contexts, steps, threads, leaves, inclusive, elsewhere = (collections.Counter() for _ in range(6))
unplaced_by_thread = collections.Counter()
ours = 0
for sample in chained_samples(samples_path):
    if sample.pid == redis_pid:
        contexts["redis-server (its own process)"] += 1
        ours += 1
        continue
    if sample.pid != loop_pid:
        elsewhere[sample.comm] += 1
        continue
    ours += 1
    context, step = charge(sample.frames)
    if context is None:
        thread = re.sub(r"\d+$", "", sample.comm).strip()
        context = "runtime threads, no managed caller (JIT, GC, timers, ...)"
        unplaced_by_thread[thread] += 1
    contexts[context] += 1
    if step:
        steps[(context, step)] += 1
    threads[re.sub(r"\d+$", "#", sample.comm)] += 1
    leaves[short(sample.frames[0]) if sample.frames else "?"] += 1
    for name in {short(frame) for frame in sample.frames}:
        inclusive[name] += 1


def per_message(count):
    return f"{count * SAMPLE_NS / messages:7.0f} ns" if messages else ""


print(f"\n{ours} samples in the benchmark and redis-server ({sum(elsewhere.values())} in other processes: "
      + ", ".join(f"{comm} {count}" for comm, count in elsewhere.most_common(4)) + ")")
if messages:
    print(f"{messages:.0f} messages while perf recorded; CPU per message {ours * SAMPLE_NS / messages:.0f} ns in all")
print("\nBy context, then step (share of the samples of both processes, CPU per message):")
for name, count in contexts.most_common():
    print(f"{100 * count / ours:5.1f} %  {per_message(count)}  {name}")
    for (context, step), step_count in steps.most_common():
        if context == name:
            print(f"{100 * step_count / ours:5.1f} %  {per_message(step_count)}  {step}")
    if name.startswith("runtime threads"):
        for thread, thread_count in unplaced_by_thread.most_common(4):
            print(f"{100 * thread_count / ours:5.1f} %  {per_message(thread_count)}    thread {thread}")
process = sum(threads.values())
print(f"\nThe benchmark process by thread name ({process} samples):")
for name, count in threads.most_common(8):
    print(f"{100 * count / process:5.1f} %  {name}")
print("\nThe benchmark process by function, where the sample fell (self):")
for name, count in leaves.most_common(30):
    print(f"{100 * count / process:5.1f} %  {name}")
print("\nThe benchmark process by function, with what it called (inclusive; managed frames only):")
for name, count in [(n, c) for n, c in inclusive.most_common(250) if "::" in n][:50]:
    print(f"{100 * count / process:5.1f} %  {name}")
