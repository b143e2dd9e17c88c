"""The supervisor's restart policy, with fake children and a fake clock."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wirewatch.supervisor import MAX_DELAY, STABLE_AFTER, Supervisor, read_status


@dataclass
class FakeChild:
    name: str
    starts: int = 0
    code: int | None = None
    pid: int | None = None

    def start(self) -> None:
        self.starts += 1
        self.code = None
        self.pid = 1000 + self.starts

    def exit_code(self) -> int | None:
        return self.code


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def supervised(tmp_path: Path) -> tuple[Supervisor, FakeChild, Clock, list[str]]:
    child, clock, said = FakeChild("extractor-0"), Clock(), []
    sup = Supervisor([child, FakeChild("alerts")], tmp_path / "services.json", clock, said.append)
    sup.start()
    return sup, child, clock, said


def test_a_killed_child_is_restarted_after_its_back_off_and_logged(tmp_path: Path) -> None:
    sup, child, clock, said = supervised(tmp_path)
    child.code = -9
    sup.check()
    assert said == ["extractor-0 exited with status -9; restart 1 in 1 s"]
    assert child.starts == 1
    clock.now = 0.5
    sup.check()
    assert child.starts == 1
    clock.now = 1.0
    sup.check()
    assert child.starts == 2
    row = read_status(tmp_path / "services.json")["services"][0]  # type: ignore[index]
    assert row == {"service": "extractor-0", "pid": 1002, "state": "running", "restarts": 1,
                   "last_exit": -9, "last_exit_at": row["last_exit_at"]}  # fmt: skip


def test_back_off_doubles_is_capped_and_resets_after_a_stable_run(tmp_path: Path) -> None:
    sup, child, clock, said = supervised(tmp_path)
    delays = []
    for _ in range(8):
        child.code = 1
        sup.check()
        delays.append(float(said[-1].rsplit(" in ", 1)[1].removesuffix(" s")))
        clock.now += MAX_DELAY
        sup.check()
    assert delays[:3] == [1.0, 2.0, 4.0]
    assert delays[-1] == MAX_DELAY
    clock.now += STABLE_AFTER
    child.code = 1
    sup.check()
    assert said[-1].endswith("restart 9 in 1 s")


def test_a_running_child_is_left_alone(tmp_path: Path) -> None:
    sup, child, clock, said = supervised(tmp_path)
    clock.now = 100
    sup.check()
    assert (child.starts, said) == (1, [])
    assert [r["state"] for r in sup.status()] == ["running", "running"]


def test_a_missing_or_broken_status_file_reads_as_none(tmp_path: Path) -> None:
    assert read_status(tmp_path / "none.json") is None
    (tmp_path / "bad.json").write_text("{half")
    assert read_status(tmp_path / "bad.json") is None
