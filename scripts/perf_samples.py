"""What the profile scripts share: reading `perf script` output and shortening .NET symbols from the runtime's perf maps.

scripts/profile-send-alone.py reads flat samples (`perf script -F tid,ip,sym`); scripts/profile-remote-loop.py reads
samples with call chains (`perf script -F pid,tid,comm,ip,sym` on a `perf record -g`).
"""
import re


def short(symbol):
    """A perf-map symbol without its signature, modifiers and assembly names: `Namespace.Type::Method`."""
    symbol = re.sub(r"\(.*", "", symbol)
    symbol = re.sub(r"instance |valuetype |class |\[[^\]]*\] ", "", symbol)
    return symbol.strip()[:100]


def flat_samples(path):
    """`perf script -F tid,ip,sym` lines as [tid, ip, sym] (sym missing when perf found none)."""
    return [line.split(None, 2) for line in open(path) if line.strip()]


class Sample:
    """One sample with its call chain: process, thread, thread name, and the frames' symbols, leaf first."""

    __slots__ = ("pid", "tid", "comm", "frames", "dsos")

    def __init__(self, pid, tid, comm, frames, dsos):
        self.pid, self.tid, self.comm, self.frames, self.dsos = pid, tid, comm, frames, dsos


_HEADER = re.compile(r"^(?P<comm>.*?)\s+(?P<pid>\d+)/(?P<tid>\d+)\s*$")
_FRAME = re.compile(r"^\s+[0-9a-f]+\s+(?P<sym>.*?)(?:\s+\((?P<dso>[^)]*)\))?$")


def chained_samples(path):
    """Samples from `perf script -F comm,pid,tid,ip,sym,dso` on a recording with call chains (-g).

    A frame perf has no symbol for is named after its file, `[libcoreclr.so]`.
    """
    sample = None
    with open(path, errors="replace") as lines:
        for line in lines:
            if not line.strip():
                if sample is not None:
                    yield sample
                sample = None
                continue
            if sample is None:
                header = _HEADER.match(line.rstrip("\n"))
                if header:
                    sample = Sample(int(header["pid"]), int(header["tid"]), header["comm"].strip(), [], [])
                continue
            frame = _FRAME.match(line.rstrip("\n"))
            if frame:
                symbol, dso = frame["sym"], (frame["dso"] or "?").rsplit("/", 1)[-1]
                if symbol == "[unknown]":
                    symbol = f"[{dso}]"
                sample.frames.append(re.sub(r"\+0x[0-9a-f]+$", "", symbol))
                sample.dsos.append(dso)
    if sample is not None:
        yield sample
