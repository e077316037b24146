"""Summarises scripts/profile-request-loop.sh's samples: where an awaited request's CPU goes, on every thread.

Arguments: the output of `perf script -F comm,pid,tid,ip,sym,dso` on a `perf record -g` of `request-loop`, the
sampling frequency, the loop's seconds and its median nanoseconds per request (to turn shares into CPU per request). The
request hops between two threads (the caller's continuation runs where the answer was published), so the whole
process is summarised: each step's share counts every sample with that step on its stack (inclusive), and the
functions' shares count the samples that landed in them (exclusive).
"""
import collections
import sys

from perf_samples import chained_samples, short

# The steps of one request, as frames on the stack; a sample counts for each step it is under.
STEPS = [
    ("the caller: the typed stub to the queued request (MessageRouter.StartRequest)", "MessageRouter::StartRequest"),
    ("  of it, finding, checking and queuing it (QueueLocalRequest)", "MessageRouter::QueueLocalRequest"),
    ("the handler's run on the drainer (HandlerRunner)", "HandlerRunner+<RunAsync>"),
    ("publishing the answer to the caller's task (RequestCompletion.SetResult)", "RequestCompletion`1[System.Int32]::SetResult"),
    ("the precise clock (clock_gettime)", "clock_gettime"),
    ("the coarse clock (Environment.TickCount64)", "GetLowResolutionTimestamp"),
    ("converting a timeout to a deadline (DeadlineScheduler.DeadlineAfter)", "DeadlineScheduler`1[System.__Canon]::DeadlineAfter"),
]

path, frequency, seconds, per_request = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
samples = [sample for sample in chained_samples(path) if sample.comm != "perf"]
total = len(samples)

# CPU nanoseconds per request that `count` samples stand for: (count / frequency) s over seconds / per_request requests.
def cpu_ns(count):
    return count / frequency * per_request / seconds

print(f"\n{total} samples of the process, {cpu_ns(total):,.0f} ns of CPU per request (both cores, spinning included); by step of the request (inclusive):")
for name, frame in STEPS:
    count = sum(1 for sample in samples if any(frame in symbol for symbol in sample.frames))
    print(f"{100 * count / total:5.1f} %  {cpu_ns(count):6.0f} ns  {name}")

print("\nBy function (exclusive):")
leaves = collections.Counter(short(sample.frames[0]) if sample.frames else "?" for sample in samples)
for name, count in leaves.most_common(15):
    print(f"{100 * count / total:5.1f} %  {cpu_ns(count):6.0f} ns  {name}")
