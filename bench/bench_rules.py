"""Alert rules decoded and validated per second: what the rules feed and the store mirror pay.

Run: ``python bench/bench_rules.py [--rules N] [--rounds R]``. Builds ``N`` varied rule
records as JSON bytes (as on the ``alert-rules`` topic) and times
:func:`consumers.alerts.topic.decode` over them (JSON parse, msgspec conversion with its
type and range checks, the cross-field checks), best of ``R`` rounds; prints microseconds
per rule and rules per second.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consumers.alerts.rules import AGGREGATIONS, SEVERITIES, STREAM_METRICS  # noqa: E402
from consumers.alerts.topic import decode  # noqa: E402


def records(count: int) -> list[tuple[bytes, bytes]]:
    """``count`` valid stream rules as (key, JSON value) pairs, fields varied."""
    made = []
    for n in range(count):
        metric = STREAM_METRICS[n % 3]  # killed, wounded, death_toll: no subject needed
        rule = {"id": f"rule-{n}", "name": f"Rule {n}", "metric": metric, "threshold": 10 + n,
                "aggregation": AGGREGATIONS[n % 4], "window_seconds": 60 * (1 + n % 120),
                "for_seconds": n % 600, "recovery": 5, "severity": SEVERITIES[n % 3],
                "location": "Gaza" if n % 2 else None, "note": "bench",
                "silenced_until": "2026-03-01T12:00:00+00:00" if n % 5 == 0 else None}  # fmt: skip
        made.append((rule["id"].encode(), json.dumps(rule).encode()))  # type: ignore[union-attr]
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    data = records(args.rules)
    best = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        for key, value in data:
            decode(key, value)
        best = min(best, time.perf_counter() - start)
    print(f"{args.rules} rules: {best / args.rules * 1e6:.1f} us/rule, "
          f"{args.rules / best:,.0f} rules/s (best of {args.rounds})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
