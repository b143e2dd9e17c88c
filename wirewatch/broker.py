"""A real single-node Apache Kafka broker (KRaft) provisioned without Docker.

The broker's jars are resolved from Maven Central with Maven and cached; storage
is formatted once; the broker runs under ``java`` with its data kept on disk
between restarts, listening on loopback only.
"""

from __future__ import annotations

import base64
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from wirewatch.errors import BrokerError, ProvisionError
from wirewatch.host import pid_alive
from wirewatch.kafka import port_open, wait_for_broker

log = logging.getLogger(__name__)

KAFKA_VERSION = "4.4.0"  # also the image tag in docker/docker-compose.yml and the tests
SCALA_VERSION = "2.13"
LOG4J_VERSION = "2.24.3"
_DOWNLOADED = re.compile(r"Downloaded from \S+: \S+/([^/\s]+\.(?:jar|pom))")

_POM = f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>wirewatch.local</groupId>
  <artifactId>kafka-broker</artifactId>
  <version>{KAFKA_VERSION}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_{SCALA_VERSION}</artifactId>
      <version>{KAFKA_VERSION}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId>
      <version>{LOG4J_VERSION}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-core</artifactId>
      <version>{LOG4J_VERSION}</version>
    </dependency>
  </dependencies>
</project>
"""

_LOG4J = """Configuration:
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: WARN
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: kafka.server.KafkaRaftServer
        level: INFO
"""


def _properties(data: Path, port: int) -> str:
    controller = port + 1
    lines = {
        "process.roles": "broker,controller",
        "node.id": "1",
        "controller.quorum.voters": f"1@127.0.0.1:{controller}",
        "listeners": f"PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller}",
        "advertised.listeners": f"PLAINTEXT://127.0.0.1:{port}",
        "controller.listener.names": "CONTROLLER",
        "inter.broker.listener.name": "PLAINTEXT",
        "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs": str(data),
        "num.partitions": "3",
        "offsets.topic.replication.factor": "1",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        "share.coordinator.state.topic.replication.factor": "1",
        "share.coordinator.state.topic.min.isr": "1",
        "group.initial.rebalance.delay.ms": "0",
        "auto.create.topics.enable": "false",
        "message.max.bytes": "2097152",
    }
    return "".join(f"{key}={value}\n" for key, value in lines.items())


@dataclass(frozen=True)
class BrokerStatus:
    """What ``wirewatch broker status`` reports."""

    running: bool
    pid: int | None
    answering: bool
    bootstrap: str
    jars_cached: bool
    formatted: bool
    home: Path

    def describe(self) -> str:
        state = f"running (pid {self.pid})" if self.running else "stopped"
        return "\n".join(
            [
                f"broker:    {state}, {'answering' if self.answering else 'not answering'}"
                f" at {self.bootstrap}",
                f"jars:      {'cached' if self.jars_cached else 'not downloaded yet'}",
                f"storage:   {'formatted' if self.formatted else 'not formatted'} in {self.home}",
            ]
        )


class LocalBroker:
    """A broker whose files live under ``home`` and whose jars are cached under ``cache``."""

    def __init__(self, home: Path, cache: Path, port: int = 9092) -> None:
        self.home = home.resolve()
        self.libs = (cache / f"kafka-{KAFKA_VERSION}").resolve()
        self.port = port
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def data(self) -> Path:
        return self.home / "data"

    @property
    def pid_file(self) -> Path:
        return self.home / "broker.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "broker.log"

    def status(self) -> BrokerStatus:
        pid = self._pid()
        return BrokerStatus(
            running=pid is not None,
            pid=pid,
            answering=port_open("127.0.0.1", self.port),
            bootstrap=self.bootstrap,
            jars_cached=self._jars_ready(),
            formatted=(self.data / "meta.properties").exists(),
            home=self.home,
        )

    def start(self, timeout: float = 120.0) -> int:
        """Provision if needed, start, and wait until the broker answers; return its pid."""
        pid = self._pid()
        if pid is not None:
            wait_for_broker(self.bootstrap, timeout)
            return pid
        if port_open("127.0.0.1", self.port) or port_open("127.0.0.1", self.port + 1):
            msg = (
                f"port {self.port} or {self.port + 1} is already taken by another process: "
                "set WIREWATCH_BROKER_PORT, or KAFKA_BOOTSTRAP_SERVERS to use that broker"
            )
            raise BrokerError(msg)
        java = _require("java", "Java 17 or newer (apt-get install openjdk-17-jre-headless)")
        self.ensure_jars()
        self.format_storage()
        with self.log_file.open("ab") as out:
            proc = subprocess.Popen(  # noqa: S603  # fixed argv, no shell
                [
                    java, "-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                    f"-Dlog4j2.configurationFile={self.home / 'log4j2.yaml'}",
                    "-cp", self._classpath(), "kafka.Kafka", str(self.home / "server.properties"),
                ],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )  # fmt: skip
        self._proc = proc
        self.pid_file.write_text(str(proc.pid))
        try:
            self._await(proc, timeout)
        except BaseException:  # not ready in time, or interrupted: leave no broker behind
            self.stop()
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            self._proc = None
            self.pid_file.unlink(missing_ok=True)
            raise
        return proc.pid

    def _await(self, proc: subprocess.Popen[bytes], timeout: float) -> None:
        """Wait until the started broker answers; raise :class:`BrokerError` if it exits or
        does not answer within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                msg = f"the broker exited with status {proc.returncode}:\n{self.log_tail()}"
                raise BrokerError(msg)
            if port_open("127.0.0.1", self.port):
                try:
                    wait_for_broker(self.bootstrap, max(5.0, deadline - time.monotonic()))
                except BrokerError as exc:
                    msg = f"{exc}:\n{self.log_tail()}"
                    raise BrokerError(msg) from None
                return
            time.sleep(0.25)
        msg = f"the broker did not answer within {timeout:.0f}s:\n{self.log_tail()}"
        raise BrokerError(msg)

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the broker gracefully (SIGTERM, then SIGKILL); False if it was not running."""
        pid = self._pid()
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and pid_alive(pid):
            time.sleep(0.2)
        if pid_alive(pid):
            os.kill(pid, signal.SIGKILL)
        if self._proc is not None:
            self._proc.wait()
            self._proc = None
        self.pid_file.unlink(missing_ok=True)
        return True

    def ensure_jars(self) -> Path:
        """Resolve the broker's jars with Maven once; return the folder that holds them."""
        if self._jars_ready():
            return self.libs
        mvn = _require("mvn", "Apache Maven (apt-get install maven)")
        self.libs.mkdir(parents=True, exist_ok=True)
        (self.libs / "pom.xml").write_text(_POM)
        print(f"Resolving Apache Kafka {KAFKA_VERSION} from Maven Central (first run only)...")
        argv = [
            mvn, "-B", "-f", str(self.libs / "pom.xml"), "dependency:copy-dependencies",
            f"-DoutputDirectory={self.libs / 'libs'}", "-DincludeScope=runtime",
        ]  # fmt: skip
        output: list[str] = []
        with (
            subprocess.Popen(  # noqa: S603  # fixed argv, no shell
                argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            ) as proc,
            tqdm(desc="kafka jars", unit=" files", file=sys.stderr) as bar,
        ):
            assert proc.stdout is not None  # noqa: S101  # set by stdout=PIPE
            for line in proc.stdout:
                output.append(line)
                if found := _DOWNLOADED.search(line):
                    bar.set_postfix_str(found.group(1)[-40:], refresh=False)
                    bar.update()
        if proc.returncode != 0:
            tail = "".join(output[-25:])
            msg = f"Maven could not resolve the Kafka broker (exit {proc.returncode}):\n{tail}"
            raise ProvisionError(msg)
        (self.libs / "libs" / ".complete").write_text(KAFKA_VERSION)
        return self.libs

    def format_storage(self) -> None:
        """Write the configuration and format the KRaft storage unless already formatted."""
        self.home.mkdir(parents=True, exist_ok=True)
        (self.home / "server.properties").write_text(_properties(self.data, self.port))
        (self.home / "log4j2.yaml").write_text(_LOG4J)
        if (self.data / "meta.properties").exists():
            return
        cluster = cluster_id()
        java = _require("java", "Java 17 or newer")
        result = subprocess.run(  # noqa: S603  # fixed argv, no shell
            [
                java, "-cp", self._classpath(), "kafka.tools.StorageTool", "format",
                "-t", cluster, "-c", str(self.home / "server.properties"),
            ],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            msg = f"formatting broker storage failed:\n{result.stdout}{result.stderr}"
            raise BrokerError(msg)

    def _classpath(self) -> str:
        return str(self.libs / "libs" / "*")

    def _jars_ready(self) -> bool:
        return (self.libs / "libs" / ".complete").exists()

    def _pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if pid_alive(pid) and _is_broker(pid) else None

    def log_tail(self, lines: int = 30) -> str:
        """The last lines of the broker log."""
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no broker log)"


def cluster_id() -> str:
    """A random KRaft cluster id: 16 bytes in URL-safe base64, never starting with "-"
    (the storage tool would read such an id as an option and fail: 1 start in 64)."""
    while True:
        cluster = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster.startswith("-"):
            return cluster


def _is_broker(pid: int) -> bool:
    """Whether ``pid`` still runs a Kafka broker (not a process that reused the pid)."""
    try:
        return b"kafka.Kafka" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc here: trust the pid file


def _require(tool: str, what: str) -> str:
    path = shutil.which(tool)
    if path is None:
        msg = f"`{tool}` is not on PATH: the local Kafka broker needs {what}"
        raise ProvisionError(msg)
    return path
