"""Summarises scripts/profile-send-alone.sh's samples: the sending thread by function, then MessageRouter.SendAsync by instruction.

Arguments: the output of `perf script -F tid,ip,sym`, the run's stdout (with the JIT's listing of SendAsync), and the
perf maps the run wrote (/tmp/perf-PID.map). A sample is charged to the instruction before the one it landed on:
sampling skids past an instruction that stalls, such as a lock-prefixed one.
"""
import bisect
import collections
import re
import sys

from perf_samples import flat_samples, short

samples_path, run_path, *map_paths = sys.argv[1:]
rows = flat_samples(samples_path)
SEND = "MessageRouter::SendAsync"

# The sending thread: the one with the most samples in SendAsync.
in_send = collections.Counter(row[0] for row in rows if len(row) > 2 and SEND in row[2])
sender = in_send.most_common(1)[0][0]
mine = [row for row in rows if row[0] == sender]


print(f"\nThe sending thread ({len(mine)} samples), by function:")
by_function = collections.Counter(short(row[2]) if len(row) > 2 else "?" for row in mine)
for name, count in by_function.most_common(15):
    print(f"{100 * count / len(mine):5.1f} %  {name}")

# Where SendAsync's optimized code lies, from the perf maps.
ranges = []
for path in map_paths:
    for line in open(path):
        parts = line.split(None, 2)
        if len(parts) == 3 and SEND in parts[2] and "[OptimizedTier1]" in parts[2]:
            ranges.append((int(parts[0], 16), int(parts[1], 16)))
ips = [int(row[1], 16) for row in mine]
start, size = max(ranges, key=lambda r: sum(1 for ip in ips if r[0] <= ip < r[0] + r[1]))

# SendAsync's Tier1 listing, instruction by instruction, with offsets from the code bytes.
listing = [part for part in open(run_path).read().split("; Assembly listing for method") if "(Tier1)" in part.split("\n")[0]][-1]
instructions, offset, blocks = [], None, []
for line in listing.split("\n"):
    block = re.match(r"G_M\d+_IG\d+:\s+;; offset=0x([0-9A-F]+)", line)
    if block:
        offset = int(block.group(1), 16)
        blocks.append(offset)
        continue
    code = re.match(r"\s+([0-9A-F]+)\s{2,}(\S.*)", line)
    if code and offset is not None:
        instructions.append((offset, code.group(2).strip()))
        offset += len(code.group(1)) // 2
offsets = [o for o, _ in instructions]
prolog_end = blocks[1]  # the first block is the prolog

charged = collections.Counter()
for ip in ips:
    if start <= ip < start + size:
        index = bisect.bisect_right(offsets, ip - start) - 1
        charged[max(index - 1, 0)] += 1
total = sum(charged.values())


def kind(index):
    text = instructions[index][1]
    before = instructions[index - 1][1] if index > 0 else ""
    if text.startswith("lock") or before == "lock":
        return "interlocked operations (lock-prefixed)"
    if instructions[index][0] < prolog_end:
        return "prolog: zeroing the frame"
    if "vmovdq" in text:
        return "struct copies (vector moves)"
    return "everything else"


print(f"\nInside SendAsync ({total} samples, {100 * total / len(mine):.1f} % of the thread), by kind of instruction:")
kinds = collections.Counter()
for index, count in charged.items():
    kinds[kind(index)] += count
for name, count in kinds.most_common():
    print(f"{100 * count / total:5.1f} %  {name}")
print("\nThe instructions charged most:")
for index, count in charged.most_common(8):
    text = instructions[index][1]
    if text == "lock" and index + 1 < len(instructions):
        text = "lock " + instructions[index + 1][1]
    print(f"{100 * count / total:5.1f} %  +{instructions[index][0]:#06x}  {text[:80]}")
