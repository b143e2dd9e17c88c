"""``wirewatch up`` supervises: a service killed with kill -9 is restarted and catches up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.faults.support import (
    assert_exact,
    backlog,
    count,
    send_articles,
    service_env,
    wait_until,
)
from wirewatch.host import free_port, pid_alive
from wirewatch.kafka import wait_for_broker
from wirewatch.settings import Settings
from wirewatch.supervisor import STATUS_FILE, read_status

pytestmark = pytest.mark.faults


def extractor_row(settings: Settings) -> dict[str, Any] | None:
    status = read_status(settings.data_dir / STATUS_FILE)
    rows = [r for r in (status or {}).get("services", []) if r["service"] == "extractor-0"]
    return rows[0] if rows else None


def test_up_restarts_a_killed_extractor_and_nothing_waits_forever(
    kafka_settings: Settings, producer_factory: Any
) -> None:
    env = service_env(kafka_settings, WIREWATCH_DASHBOARD_PORT=str(free_port()))
    log = kafka_settings.data_dir / "up.log"
    with log.open("wb") as out:
        up = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "wirewatch.cli", "up", "--no-demo"], env=env, stdout=out,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        row = wait_until(lambda: extractor_row(kafka_settings), 120, "the status file")
        first = backlog(50)
        send_articles(producer_factory(), kafka_settings, first)
        wait_until(lambda: count(kafka_settings) >= len(first), 120, "the first articles")
        os.kill(row["pid"], signal.SIGKILL)
        restarted = wait_until(
            lambda: (r := extractor_row(kafka_settings)) and r["restarts"] == 1
            and r["state"] == "running" and r,
            120, "the restart",
        )  # fmt: skip
        assert restarted["last_exit"] == -signal.SIGKILL
        assert restarted["pid"] != row["pid"] and pid_alive(restarted["pid"])
        second = backlog(200, start=len(first))
        send_articles(producer_factory(), kafka_settings, second)
        everything = first + second
        wait_until(lambda: count(kafka_settings) >= len(everything), 120, "the new articles")
    finally:
        os.killpg(up.pid, signal.SIGINT)  # Ctrl-C
        code = up.wait(180)
    output = Path(log).read_text(errors="replace")
    assert code == 0, output
    assert "extractor-0 exited with status -9; restart 1 in 1 s" in output
    assert_exact(kafka_settings, everything)
    wait_for_broker(kafka_settings.bootstrap_servers, 10)  # a broker it did not start runs on
