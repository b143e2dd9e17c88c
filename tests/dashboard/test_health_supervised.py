"""The Pipeline health page shows what ``wirewatch up`` supervises (its status file)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from wirewatch.supervisor import STATUS_FILE

ROW = {"service": "extractor-0", "pid": 4242, "state": "running", "restarts": 2,
       "last_exit": -9, "last_exit_at": "2026-12-02T17:00:00+00:00"}  # fmt: skip


def write_status(folder: Path, pid: int) -> None:
    body = {"pid": pid, "updated": "2026-12-02T17:00:05+00:00", "services": [ROW]}
    (folder / STATUS_FILE).write_text(json.dumps(body))


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize("alive", [True, False])
def test_restarts_and_last_exit_are_shown(
    app: Callable[..., AppTest], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alive: bool
) -> None:
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path))
    write_status(tmp_path, os.getpid() if alive else 2**22 + 7)
    at = app("sections/health.py")
    assert any(h.value == "Supervised services" for h in at.subheader)
    tables = [str(frame.value.to_dict()) for frame in at.dataframe]
    assert any("extractor-0" in t and "-9" in t for t in tables), tables
    stale = [c.value for c in at.caption if "is not running" in c.value]
    assert bool(stale) is not alive


@pytest.mark.usefixtures("filled")
def test_no_status_file_no_section(
    app: Callable[..., AppTest], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path))
    at = app("sections/health.py")
    assert not any(h.value == "Supervised services" for h in at.subheader)
