"""``wirewatch broker start|status|stop`` as a user runs it: real Java, data kept on disk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wirewatch.broker import LocalBroker
from wirewatch.errors import BrokerError
from wirewatch.host import free_port_pair
from wirewatch.kafka import make_admin, make_consumer
from wirewatch.settings import Settings


def wirewatch(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "wirewatch.cli", *argv]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def topics(env: dict[str, str]) -> set[str]:
    admin = make_admin(Settings.from_env(env))
    try:
        return set(admin.list_topics())
    finally:
        admin.close()


def test_start_status_stop_and_data_survives_a_restart(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "KAFKA_BOOTSTRAP_SERVERS"}
    env.update(WIREWATCH_DATA_DIR=str(tmp_path), WIREWATCH_BROKER_PORT=str(free_port_pair()),
               WIREWATCH_PARTITIONS="4")  # fmt: skip
    try:
        started = wirewatch(env, "broker", "start")
        assert started.returncode == 0, started.stderr
        assert "is up" in started.stdout
        assert "created topics: articles, metrics, articles.dlq" in started.stdout
        assert wirewatch(env, "broker", "status").returncode == 0
        assert {"articles", "metrics", "articles.dlq", "alerts", "alert-rules"} <= topics(env)
        probe = make_consumer(Settings.from_env(env), group_id=None)
        assert probe.partitions_for_topic("articles") == {0, 1, 2, 3}
        probe.close()

        again = wirewatch(env, "broker", "start")  # already running: no second broker
        assert again.returncode == 0
        assert "created topics" not in again.stdout

        assert "broker stopped" in wirewatch(env, "broker", "stop").stdout
        status = wirewatch(env, "broker", "status")
        assert status.returncode == 1
        assert "stopped" in status.stdout

        restarted = wirewatch(env, "broker", "start")
        assert restarted.returncode == 0, restarted.stderr
        assert "created topics" not in restarted.stdout  # the topics were kept on disk
        assert "articles" in topics(env)
        assert "all topics exist" in wirewatch(env, "topics").stdout
    finally:
        wirewatch(env, "broker", "stop")


def running_from(home: Path) -> list[int]:
    """Processes whose command line names ``home`` (a broker started there)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and str(home) in (entry / "cmdline").read_text():
                found.append(int(entry.name))
        except OSError:
            continue  # gone meanwhile, or not ours to read
    return found


# a "java" whose broker accepts connections but never answers Kafka's requests (the storage
# tool is the real one)
SILENT_JAVA = """#!/bin/sh
case "$*" in *StorageTool*) exec {java} "$@";; esac
exec {python} -c 'import socket, sys, time
s = socket.create_server(("127.0.0.1", {port}))
time.sleep(600)' "$@"
"""


def test_a_broker_that_never_answers_is_stopped_not_left_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port_pair()
    fake = tmp_path / "bin" / "java"
    fake.parent.mkdir()
    java = shutil.which("java")
    fake.write_text(SILENT_JAVA.format(java=java, python=sys.executable, port=port))
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    home = tmp_path / "broker"
    broker = LocalBroker(home, Settings.from_env({}).cache_dir, port)
    with pytest.raises(BrokerError, match="no Kafka broker answered"):
        broker.start(timeout=1)  # it listens, but answers nothing within 5 s
    assert running_from(home) == []  # no broker left behind
    assert not broker.pid_file.exists()
    assert not broker.status().running
