"""Settings come from the environment, once, with clear errors."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from wirewatch.settings import Settings, Topics, child_environment, isolated


def test_defaults_point_at_the_local_broker() -> None:
    settings = Settings.from_env({})
    assert settings.bootstrap_servers == "127.0.0.1:9092"
    assert not settings.external_broker
    assert settings.store_url == f"sqlite:///{Path('.wirewatch') / 'metrics.db'}"
    assert settings.topics == Topics()
    assert settings.partitions > 1


def test_bootstrap_servers_mark_an_external_broker() -> None:
    settings = Settings.from_env({"KAFKA_BOOTSTRAP_SERVERS": "kafka:29092"})
    assert settings.bootstrap_servers == "kafka:29092"
    assert settings.external_broker


def test_prefix_and_numbers() -> None:
    env = {
        "WIREWATCH_TOPIC_PREFIX": "team.",
        "WIREWATCH_PARTITIONS": "6",
        "WIREWATCH_BROKER_PORT": "19092",
        "WIREWATCH_DATA_DIR": "/srv/ww",
    }
    settings = Settings.from_env(env)
    assert settings.topics.articles == "team.articles"
    assert settings.topics.dead_letters == "team.articles.dlq"
    assert set(settings.topics.all()) == {f"team.{name}" for name in Topics().all()}
    assert settings.partitions == 6
    assert settings.bootstrap_servers == "127.0.0.1:19092"
    assert settings.store_url == "sqlite:////srv/ww/metrics.db"


@pytest.mark.parametrize("raw", ["three", "0", "-2"])
def test_bad_numbers_are_named(raw: str) -> None:
    with pytest.raises(ValueError, match="WIREWATCH_PARTITIONS"):
        Settings.from_env({"WIREWATCH_PARTITIONS": raw})


def test_a_child_environment_gives_the_child_the_same_settings(tmp_path: Path) -> None:
    parent = replace(isolated("127.0.0.1:19092", tmp_path, "t1"), partitions=5,
                     session_timeout_ms=7000)  # fmt: skip
    env = child_environment(parent, {"PATH": "/bin", "WIREWATCH_GROUP_ID": "stale"})
    child = Settings.from_env(env)
    assert env["PATH"] == "/bin"
    for name in ("bootstrap_servers", "data_dir", "store_url", "topics", "group_id",
                 "partitions", "session_timeout_ms"):  # fmt: skip
        assert getattr(child, name) == getattr(parent, name), name
