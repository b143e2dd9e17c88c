"""A throwaway PostgreSQL server for the store tests, from the machine's own binaries.

``WIREWATCH_TEST_POSTGRES_URL`` names an existing server instead. PostgreSQL refuses to
run as root, so as root the cluster belongs to the ``postgres`` system user.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wirewatch.host import free_port

ENV_URL = "WIREWATCH_TEST_POSTGRES_URL"


def find_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, newest version first."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True)
    return candidates[0].parent if candidates else None


def _as_owner(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    runuser = shutil.which("runuser") or "runuser"
    return [runuser, "-u", "postgres", "--", *argv]


class Server:
    """A PostgreSQL cluster in a fresh folder that a test may stop and start again."""

    def __init__(self) -> None:
        bindir = find_bin()
        if bindir is None:
            msg = "no PostgreSQL binaries (apt-get install postgresql)"
            raise FileNotFoundError(msg)
        self.root = Path(tempfile.mkdtemp(prefix="wirewatch-pg-"))
        data, sockets = self.root / "data", self.root / "run"
        sockets.mkdir()
        if os.geteuid() == 0:
            for folder in (self.root, sockets):
                shutil.chown(folder, "postgres", "postgres")
        self.port = free_port()
        subprocess.run(  # noqa: S603
            _as_owner([str(bindir / "initdb"), "-D", str(data), "-U", "wirewatch",
                       "--auth=trust", "-E", "UTF8", "--no-sync"]),
            check=True, capture_output=True,
        )  # fmt: skip
        options = f"-p {self.port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._ctl = [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(self.root / "pg.log"),
                     "-o", options]  # fmt: skip
        self.url = f"postgresql://wirewatch@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        """Start the server and wait until it listens."""
        subprocess.run(_as_owner([*self._ctl, "-w", "start"]), check=True, capture_output=True)  # noqa: S603
        _wait(self.port)

    def stop(self) -> None:
        """Stop the server (fast shutdown: open connections are cut)."""
        stop = _as_owner([*self._ctl, "-m", "fast", "stop"])
        subprocess.run(stop, check=False, capture_output=True)  # noqa: S603


@contextmanager
def running_server() -> Iterator[Server]:
    """A started :class:`Server`; stopped and removed afterwards."""
    server = Server()
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


@contextmanager
def temporary_server() -> Iterator[str]:
    """Start a PostgreSQL cluster in a fresh folder; yield its URL; stop and remove it."""
    with running_server() as server:
        yield server.url


def _wait(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    msg = f"PostgreSQL did not listen on port {port}"
    raise TimeoutError(msg)
