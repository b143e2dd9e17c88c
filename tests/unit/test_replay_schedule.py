"""The replay scheduler, the replayer on a fake clock, control files, recordings."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from producers.recording import Recorded, read_records, write_records
from producers.replay import (
    Control,
    Replayer,
    check_run_id,
    control_path,
    read_control,
    replay_run_id,
    schedule,
    write_command,
)
from producers.replay_cli import speed
from wirewatch.errors import ConfigError
from wirewatch.events import ArticleEvent

STAMPS = [1_000, 4_000, 4_000, 64_000, 63_000]  # ms; the last one runs backwards


@pytest.mark.parametrize(
    ("factor", "expected"),
    [
        (1, [0.0, 3.0, 0.0, 60.0, 0.0]),
        (10, [0.0, 0.3, 0.0, 6.0, 0.0]),
        (60, [0.0, 0.05, 0.0, 1.0, 0.0]),
        (None, [0.0] * 5),
    ],
)
def test_schedule_divides_original_gaps_by_speed(
    factor: float | None, expected: list[float]
) -> None:
    assert schedule(STAMPS, factor) == pytest.approx(expected)


def test_schedule_rejects_a_non_positive_speed() -> None:
    with pytest.raises(ValueError, match="positive"):
        schedule(STAMPS, 0)


def test_speed_flag() -> None:
    assert speed("max") is None and speed("60") == 60.0


class FakeClock:
    """Time that moves only when someone sleeps; hooks run at given times."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept = 0.0
        self.hooks: list[tuple[float, object]] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds
        for at, hook in list(self.hooks):
            if self.now >= at:
                self.hooks.remove((at, hook))
                hook()  # type: ignore[operator]


def recorded(n: int, ms: int) -> Recorded:
    event = ArticleEvent.create(source="wire", body=f"article {n}")
    return Recorded(ms, 0, n, event.article_id, event.to_dict())


RECORDS = [recorded(i, ms) for i, ms in enumerate(STAMPS)]


def sends(clock: FakeClock, sent: list[tuple[float, str]]) -> object:
    return lambda event: sent.append((clock.now, event.run_id))


def test_replayer_keeps_original_spacing_at_1x_without_sleeping_for_real() -> None:
    clock, sent = FakeClock(), []
    stats = Replayer(sends(clock, sent), "replay-t", clock=clock).run(RECORDS, 1)
    assert stats.sent == 5
    assert [round(at - 100, 6) for at, _ in sent] == [0, 3, 3, 63, 63]
    assert {run for _, run in sent} == {"replay-t"}


def test_max_speed_never_waits() -> None:
    clock, sent = FakeClock(), []
    Replayer(sends(clock, sent), "r", clock=clock).run(RECORDS, None)
    assert clock.slept == 0 and len(sent) == 5


def test_pause_resume_and_stop_through_the_control_file(tmp_path: Path) -> None:
    path = control_path(tmp_path, "r")
    write_command(path, "resume", pid=os.getpid())  # what the replay does at start
    clock, sent = FakeClock(), []
    clock.hooks = [(101.0, lambda: write_command(path, "pause")),
                   (131.0, lambda: write_command(path, "resume")),
                   (170.0, lambda: write_command(path, "stop"))]  # fmt: skip
    stats = Replayer(sends(clock, sent), "r", Control(path), clock=clock).run(RECORDS, 1)
    # paused from 101 to 131: the second article (due at 103) goes out 30 s late
    assert [round(at - 100, 1) for at, _ in sent] == [0, 33.0, 33.0]
    assert stats.stopped and stats.sent == 3


def test_sigusr1_handler_toggles_pause() -> None:
    control = Control()
    control.toggle(signal.SIGUSR1, None)
    assert control.paused
    control.toggle(signal.SIGUSR1, None)
    assert not control.paused


def test_control_file_rejects_unknown_commands(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="pause"):
        write_command(tmp_path / "c.control", "faster")


def test_recording_round_trip_sorts_by_time(tmp_path: Path) -> None:
    path = tmp_path / "rec.jsonl.gz"
    assert write_records(path, reversed(RECORDS)) == 5
    loaded = read_records(path)
    assert [r.timestamp_ms for r in loaded] == sorted(STAMPS)
    assert {json.dumps(r.event, sort_keys=True) for r in loaded} == {
        json.dumps(r.event, sort_keys=True) for r in RECORDS
    }


def test_default_run_id_is_a_utc_stamp() -> None:
    assert replay_run_id(datetime(2026, 3, 1, 12, 30, tzinfo=UTC)) == "replay-20260301T123000Z"


@pytest.mark.parametrize("run_id", ["..", "../etc/x", "a/b", "a..b", ".hidden", "", "x" * 65,
                                    "a b", "live\n"])  # fmt: skip
def test_unsafe_run_ids_are_refused(run_id: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="run id"):
        check_run_id(run_id)
    with pytest.raises(ConfigError, match="run id"):
        control_path(tmp_path, run_id)


def test_safe_run_ids_pass() -> None:
    for run_id in ("replay-20260301T123000Z", "briefing", "a.b_c-1", "x" * 64):
        assert check_run_id(run_id) == run_id


def test_a_command_to_a_finished_replay_leaves_no_file(tmp_path: Path) -> None:
    path = control_path(tmp_path, "done")
    assert write_command(path, "pause") is False
    assert not path.exists()
    write_command(path, "resume", pid=os.getpid())
    assert write_command(path, "pause") is True
    assert read_control(path) == ("pause", os.getpid())


def test_a_control_file_of_a_dead_replay_is_stale(tmp_path: Path) -> None:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    path = control_path(tmp_path, "killed")
    write_command(path, "resume", pid=int(child.stdout))
    assert read_control(path) is None
    assert read_control(tmp_path / "missing.control") is None
