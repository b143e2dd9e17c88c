"""``wirewatch up``: the whole stack from one command, stopped cleanly by Ctrl-C (SIGINT)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from wirewatch.host import free_port_pair
from wirewatch.store import open_store


def wait_for(check: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.5)
    return False


def dashboard_answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
            return bool(r.status == 200)
    except OSError:
        return False


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    store = open_store(f"sqlite:///{db}")
    try:
        return store.count("articles")
    finally:
        store.close()


def test_up_runs_everything_and_ctrl_c_loses_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "KAFKA_BOOTSTRAP_SERVERS"}
    dash = free_port_pair()
    env.update(WIREWATCH_DATA_DIR=str(tmp_path), WIREWATCH_BROKER_PORT=str(free_port_pair()),
               WIREWATCH_DASHBOARD_PORT=str(dash))  # fmt: skip
    command = [sys.executable, "-m", "wirewatch.cli", "up", "--rate", "20"]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)  # fmt: skip
    try:
        answered = wait_for(lambda: dashboard_answers(dash), 120)
        filled = answered and wait_for(lambda: stored(tmp_path / "metrics.db") >= 20, 120)
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in the terminal does
        output, _ = proc.communicate(timeout=120)
    assert answered, f"dashboard never answered; the stack printed:\n{output}"
    assert filled, f"nothing stored; the stack printed:\n{output}"
    assert proc.returncode == 0, output
    sent = int(re.search(r"produce synthetic: sent (\d+)", output).group(1))  # type: ignore[union-attr]
    processed = re.search(r"extractor stopped: processed=(\d+)", output)
    assert processed is not None, output
    assert stored(tmp_path / "metrics.db") == sent == int(processed.group(1))
    evaluated = re.search(r"evaluator stopped: (\d+) metric event", output)
    assert evaluated is not None, output
    assert int(evaluated.group(1)) == sent
    linked = re.search(r"incidenter stopped: linked=(\d+)", output)
    assert linked is not None and int(linked.group(1)) == sent, output
    assert "stopped" in output.splitlines()[-1]
    assert not (tmp_path / "broker" / "broker.pid").exists()
