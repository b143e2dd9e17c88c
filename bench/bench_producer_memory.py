"""Memory of the streaming stdin/files reader on a huge line: bounded by the input cap.

Run: ``python bench/bench_producer_memory.py [--mb 300]``. Streams one line of ``--mb``
megabytes followed by a valid article through :func:`producers.stdin.read_jsonl` (into
a memory sink, no broker) and prints the peak resident memory, next to the peak for a
one-line input in a fresh process. Before the streaming reader, such a line was read
whole (about twice its size in memory) and its dead letter was too big to send.
"""

from __future__ import annotations

import argparse
import io
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from producers.stdin import read_jsonl  # noqa: E402
from producers.testing import MemorySink  # noqa: E402

AFTER = b'{"title": "after", "body": "The line after the huge one."}\n'


class HugeLine(io.RawIOBase):
    """``size`` bytes of 'x', a newline, then one valid article: generated, never held."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.tail = b"\n" + AFTER

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if self.left > 0:
            n = min(len(buffer), self.left)
            buffer[:n] = b"x" * n
            self.left -= n
            return n
        n = min(len(buffer), len(self.tail))
        buffer[:n], self.tail = self.tail[:n], self.tail[n:]
        return n


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=300, help="size of the huge line in MB")
    parser.add_argument("--baseline", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sink = MemorySink()
    if args.baseline:
        read_jsonl(io.BytesIO(AFTER), sink)
        print(f"{peak_mib():.0f}")
        return
    start = time.monotonic()
    read_jsonl(io.BufferedReader(HugeLine(args.mb * 1_000_000)), sink)
    took = time.monotonic() - start
    baseline = subprocess.run([sys.executable, __file__, "--baseline"], capture_output=True,  # noqa: S603
                              text=True, check=True).stdout.strip()  # fmt: skip
    [letter] = sink.rejections
    print(f"a {args.mb} MB line: peak RSS {peak_mib():.0f} MiB (one-line input: {baseline} MiB), "
          f"{took:.1f} s; dead letter {len(letter.raw)} bytes; articles after it: "
          f"{len(sink.events)}")  # fmt: skip
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
