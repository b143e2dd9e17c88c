"""This machine's processes and ports: liveness checks and free loopback ports."""

from __future__ import annotations

import os
import random
import socket
from pathlib import Path


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (a zombie, exited but unreaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc here: the signal check is all there is
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


# listening ports are drawn below Linux's default ephemeral range (32768-60999), where the
# kernel never puts the local end of an outgoing connection: a port picked there cannot be
# taken by a client socket between the pick and the bind
_LISTEN_PORTS = range(20000, 32768)


def _bindable(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(tries: int = 100) -> int:
    """A loopback port no socket holds right now, below the ephemeral range where it can."""
    for _ in range(tries):
        port = random.choice(_LISTEN_PORTS)  # noqa: S311  # a port, not a secret
        if _bindable(port):
            return port
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_port_pair(tries: int = 50) -> int:
    """A free loopback port whose successor is free too (a broker and its controller)."""
    for _ in range(tries):
        port = free_port()
        if _bindable(port + 1):
            return port
    msg = "no free pair of loopback ports"
    raise RuntimeError(msg)
