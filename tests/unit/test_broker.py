"""Provisioning the local broker: configuration and clear errors, without starting Java."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from wirewatch.broker import KAFKA_VERSION, LocalBroker, _properties, cluster_id
from wirewatch.errors import BrokerError, ProvisionError
from wirewatch.host import free_port

REPO = Path(__file__).resolve().parents[2]


def props(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines())


def test_kraft_single_node_on_loopback() -> None:
    conf = props(_properties(Path("/srv/data"), 19092))
    assert conf["process.roles"] == "broker,controller"
    assert conf["controller.quorum.voters"] == "1@127.0.0.1:19093"
    assert conf["listeners"] == "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093"
    assert conf["advertised.listeners"] == "PLAINTEXT://127.0.0.1:19092"
    assert conf["log.dirs"] == "/srv/data"
    assert conf["auto.create.topics.enable"] == "false"
    assert conf["offsets.topic.replication.factor"] == "1"


def test_missing_maven_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    broker = LocalBroker(tmp_path / "home", tmp_path / "cache", 19092)
    with pytest.raises(ProvisionError, match=r"`mvn` is not on PATH.*Maven"):
        broker.ensure_jars()


def test_missing_java_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    broker = LocalBroker(tmp_path / "home", tmp_path / "cache", free_port())
    with pytest.raises(ProvisionError, match=r"`java` is not on PATH.*Java 17"):
        broker.start()


def test_a_taken_port_is_reported(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        broker = LocalBroker(tmp_path / "home", tmp_path / "cache", port)
        with pytest.raises(BrokerError, match=f"port {port}.*already taken"):
            broker.start()


def test_status_of_a_fresh_folder(tmp_path: Path) -> None:
    status = LocalBroker(tmp_path / "home", tmp_path / "cache", free_port()).status()
    assert (status.running, status.answering, status.jars_cached, status.formatted) == (
        False, False, False, False,
    )  # fmt: skip
    text = status.describe()
    assert "stopped" in text
    assert "not downloaded yet" in text
    assert str(tmp_path / "cache" / f"kafka-{KAFKA_VERSION}") not in text


def test_a_stale_pid_file_means_stopped(tmp_path: Path) -> None:
    broker = LocalBroker(tmp_path / "home", tmp_path / "cache", free_port())
    broker.home.mkdir(parents=True)
    broker.pid_file.write_text("999999999")
    assert not broker.status().running
    assert broker.stop() is False


def test_a_pid_reused_by_another_process_is_not_the_broker(tmp_path: Path) -> None:
    import os

    broker = LocalBroker(tmp_path / "home", tmp_path / "cache", free_port())
    broker.home.mkdir(parents=True)
    broker.pid_file.write_text(str(os.getpid()))  # alive, but this is pytest
    assert not broker.status().running
    assert broker.stop() is False


def test_compose_runs_the_same_kafka_version() -> None:
    compose = (REPO / "docker" / "docker-compose.yml").read_text()
    images = {line.split("image:", 1)[1].strip() for line in compose.splitlines()
              if line.strip().startswith("image: apache/kafka")}  # fmt: skip
    assert images == {f"apache/kafka:{KAFKA_VERSION}"}


def test_a_cluster_id_never_reads_as_an_option() -> None:
    ids = [cluster_id() for _ in range(2000)]  # about 31 would start with "-" unguarded
    assert not any(i.startswith("-") for i in ids)
    assert all(len(i) == 22 for i in ids)
    assert len(set(ids)) == len(ids)
