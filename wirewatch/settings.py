"""Runtime settings: one frozen ``Settings`` built once from the environment.

Every variable has the ``WIREWATCH_`` prefix except the standard
``KAFKA_BOOTSTRAP_SERVERS``. Nothing here reads the environment at import time.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

ENV_BOOTSTRAP = "KAFKA_BOOTSTRAP_SERVERS"
ENV_DATA_DIR = "WIREWATCH_DATA_DIR"
ENV_CACHE_DIR = "WIREWATCH_CACHE_DIR"
ENV_STORE_URL = "WIREWATCH_STORE_URL"
ENV_TOPIC_PREFIX = "WIREWATCH_TOPIC_PREFIX"
ENV_PARTITIONS = "WIREWATCH_PARTITIONS"
ENV_RETENTION_HOURS = "WIREWATCH_RETENTION_HOURS"
ENV_GROUP_ID = "WIREWATCH_GROUP_ID"
ENV_BROKER_PORT = "WIREWATCH_BROKER_PORT"
ENV_MAX_ARTICLE_BYTES = "WIREWATCH_MAX_ARTICLE_BYTES"
ENV_DASHBOARD_PORT = "WIREWATCH_DASHBOARD_PORT"
ENV_MAX_INPUT_BYTES = "WIREWATCH_MAX_INPUT_BYTES"
ENV_DELIVERY_TIMEOUT = "WIREWATCH_DELIVERY_TIMEOUT"
ENV_HTTP_TOKEN = "WIREWATCH_HTTP_TOKEN"  # noqa: S105  # the variable's name, not a secret
ENV_SESSION_TIMEOUT_MS = "WIREWATCH_SESSION_TIMEOUT_MS"
ENV_REFRESH_SECONDS = "WIREWATCH_REFRESH_SECONDS"
ENV_DASHBOARD_TOKEN = "WIREWATCH_DASHBOARD_TOKEN"  # noqa: S105  # a name, not a secret
ENV_WEBHOOK_ALLOW = "WIREWATCH_WEBHOOK_ALLOW"

DEFAULT_BROKER_PORT = 9092
DEFAULT_PARTITIONS = 3
DEFAULT_RETENTION_HOURS = 24 * 7
DEFAULT_MAX_ARTICLE_BYTES = 512 * 1024
DEFAULT_DASHBOARD_PORT = 8501
DEFAULT_MAX_INPUT_BYTES = 8 * 1024 * 1024
DEFAULT_DELIVERY_TIMEOUT = 30
DEFAULT_SESSION_TIMEOUT_MS = 6000
DEFAULT_REFRESH_SECONDS = 5.0
DEFAULT_WEBHOOK_ALLOW = ("127.0.0.1", "localhost")

#: Documentation of every variable, rendered by ``wirewatch config`` and the README.
ENV_DOCS: dict[str, str] = {
    ENV_BOOTSTRAP: "Kafka bootstrap servers; unset means the local broker on 127.0.0.1",
    ENV_DATA_DIR: "where the local broker, the SQLite store and run state live (./.wirewatch)",
    ENV_CACHE_DIR: "where the broker's jars are cached (~/.cache/wirewatch)",
    ENV_STORE_URL: "metrics store: sqlite:///path.db or postgresql://... (SQLite in the data dir)",
    ENV_TOPIC_PREFIX: "prefix for every topic name, for sharing one cluster ('')",
    ENV_PARTITIONS: f"partitions per topic when wirewatch creates it ({DEFAULT_PARTITIONS})",
    ENV_RETENTION_HOURS: "retention of the article and metric topics in hours "
    f"({DEFAULT_RETENTION_HOURS})",
    ENV_GROUP_ID: "consumer group of the extractor (wirewatch-extractor)",
    ENV_BROKER_PORT: f"port of the local broker ({DEFAULT_BROKER_PORT}; controller is port+1)",
    ENV_MAX_ARTICLE_BYTES: f"largest article body accepted, in bytes ({DEFAULT_MAX_ARTICLE_BYTES})",
    ENV_DASHBOARD_PORT: f"port of the Streamlit dashboard ({DEFAULT_DASHBOARD_PORT})",
    ENV_MAX_INPUT_BYTES: "largest input line, text file or .json file a producer reads, "
    f"in bytes ({DEFAULT_MAX_INPUT_BYTES}); larger ones are dead-lettered as an excerpt",
    ENV_DELIVERY_TIMEOUT: "seconds a producer waits for the broker to acknowledge a record "
    f"before counting it as failed ({DEFAULT_DELIVERY_TIMEOUT})",
    ENV_HTTP_TOKEN: "bearer token the HTTP producer requires on POST (unset: none)",
    ENV_SESSION_TIMEOUT_MS: "consumer-group session timeout: a dead member's partitions "
    f"move after it ({DEFAULT_SESSION_TIMEOUT_MS}; the broker's minimum is 6000)",
    ENV_REFRESH_SECONDS: "default live-refresh interval of the dashboard, in seconds (5)",
    ENV_DASHBOARD_TOKEN: "token the dashboard asks before rule edits and replays (unset: none)",
    ENV_WEBHOOK_ALLOW: "host, host:port or host:* entries alert webhooks may post "
    "to, comma-separated; a bare host means ports 80 and 443 (127.0.0.1,localhost)",
}


@dataclass(frozen=True)
class Topics:
    """Names of the topics wirewatch reads and writes."""

    articles: str = "articles"
    metrics: str = "metrics"
    dead_letters: str = "articles.dlq"
    alerts: str = "alerts"
    alert_rules: str = "alert-rules"
    incidents: str = "incidents"

    @classmethod
    def with_prefix(cls, prefix: str) -> Topics:
        """Return the default names, each behind ``prefix``."""
        base = cls()
        return cls(**{name: prefix + value for name, value in vars(base).items()})

    def all(self) -> tuple[str, ...]:
        """Every topic name."""
        return tuple(vars(self).values())


@dataclass(frozen=True)
class Settings:
    """Settings shared by every wirewatch service."""

    bootstrap_servers: str = f"127.0.0.1:{DEFAULT_BROKER_PORT}"
    external_broker: bool = False
    data_dir: Path = Path(".wirewatch")
    cache_dir: Path = Path.home() / ".cache" / "wirewatch"
    store_url: str = ""
    topics: Topics = field(default_factory=Topics)
    partitions: int = DEFAULT_PARTITIONS
    retention_hours: int = DEFAULT_RETENTION_HOURS
    group_id: str = "wirewatch-extractor"
    broker_port: int = DEFAULT_BROKER_PORT
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    dashboard_port: int = DEFAULT_DASHBOARD_PORT
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    delivery_timeout: int = DEFAULT_DELIVERY_TIMEOUT
    http_token: str = field(default="", repr=False)
    session_timeout_ms: int = DEFAULT_SESSION_TIMEOUT_MS
    refresh_seconds: float = DEFAULT_REFRESH_SECONDS
    dashboard_token: str = field(default="", repr=False)
    webhook_allow: tuple[str, ...] = DEFAULT_WEBHOOK_ALLOW

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from ``env`` (default: ``os.environ``)."""
        env = os.environ if env is None else env
        port = _int(env, ENV_BROKER_PORT, DEFAULT_BROKER_PORT)
        bootstrap = env.get(ENV_BOOTSTRAP, "").strip()
        data_dir = Path(env.get(ENV_DATA_DIR, ".wirewatch")).expanduser()
        cache = env.get(ENV_CACHE_DIR) or str(Path.home() / ".cache" / "wirewatch")
        return cls(
            bootstrap_servers=bootstrap or f"127.0.0.1:{port}",
            external_broker=bool(bootstrap),
            data_dir=data_dir,
            cache_dir=Path(cache).expanduser(),
            store_url=env.get(ENV_STORE_URL) or f"sqlite:///{data_dir / 'metrics.db'}",
            topics=Topics.with_prefix(env.get(ENV_TOPIC_PREFIX, "")),
            partitions=_int(env, ENV_PARTITIONS, DEFAULT_PARTITIONS),
            retention_hours=_int(env, ENV_RETENTION_HOURS, DEFAULT_RETENTION_HOURS),
            group_id=env.get(ENV_GROUP_ID) or "wirewatch-extractor",
            broker_port=port,
            max_article_bytes=_int(env, ENV_MAX_ARTICLE_BYTES, DEFAULT_MAX_ARTICLE_BYTES),
            dashboard_port=_int(env, ENV_DASHBOARD_PORT, DEFAULT_DASHBOARD_PORT),
            max_input_bytes=_int(env, ENV_MAX_INPUT_BYTES, DEFAULT_MAX_INPUT_BYTES),
            delivery_timeout=_int(env, ENV_DELIVERY_TIMEOUT, DEFAULT_DELIVERY_TIMEOUT),
            http_token=env.get(ENV_HTTP_TOKEN, "").strip(),
            session_timeout_ms=_int(env, ENV_SESSION_TIMEOUT_MS, DEFAULT_SESSION_TIMEOUT_MS),
            refresh_seconds=_seconds(env, ENV_REFRESH_SECONDS, DEFAULT_REFRESH_SECONDS),
            dashboard_token=env.get(ENV_DASHBOARD_TOKEN, "").strip(),
            webhook_allow=_entries(env.get(ENV_WEBHOOK_ALLOW, "")) or DEFAULT_WEBHOOK_ALLOW,
        )


def isolated(bootstrap: str, folder: Path, tag: str) -> Settings:
    """Settings on the broker at ``bootstrap`` whose topics, group and SQLite store are
    their own (named by ``tag``, the store in ``folder``): for tests and benchmarks."""
    return replace(
        Settings.from_env({}),
        bootstrap_servers=bootstrap,
        external_broker=True,
        data_dir=folder,
        store_url=f"sqlite:///{folder / f'{tag}.db'}",
        topics=Topics.with_prefix(f"{tag}."),
        group_id=f"{tag}.extractor",
    )


def child_environment(settings: Settings, base: Mapping[str, str]) -> dict[str, str]:
    """``base`` (an environment) with every ``WIREWATCH_`` variable replaced by those that
    make a ``wirewatch`` subprocess use ``settings``' broker, store, topics and group."""
    env = {k: v for k, v in base.items() if not k.startswith("WIREWATCH_")}
    env.update({
        ENV_BOOTSTRAP: settings.bootstrap_servers,
        ENV_DATA_DIR: str(settings.data_dir),
        ENV_STORE_URL: settings.store_url,
        ENV_TOPIC_PREFIX: settings.topics.articles.removesuffix(Topics().articles),
        ENV_GROUP_ID: settings.group_id,
        ENV_PARTITIONS: str(settings.partitions),
        ENV_SESSION_TIMEOUT_MS: str(settings.session_timeout_ms),
    })  # fmt: skip
    return env


def _entries(raw: str) -> tuple[str, ...]:
    """Comma-separated entries, trimmed and lower-cased; empty ones dropped."""
    return tuple(e.strip().lower() for e in raw.split(",") if e.strip())


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        msg = f"{name} must be a whole number, got {raw!r}"
        raise ValueError(msg) from None
    if value <= 0:
        msg = f"{name} must be positive, got {value}"
        raise ValueError(msg)
    return value


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        msg = f"{name} must be a number of seconds, got {raw!r}"
        raise ValueError(msg) from None
    if not value > 0 or value == float("inf"):
        msg = f"{name} must be a positive number of seconds, got {raw!r}"
        raise ValueError(msg)
    return value
