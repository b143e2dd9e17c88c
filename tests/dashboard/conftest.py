"""Fixtures for the dashboard: a temporary store named by the environment, fresh caches."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.dashboard.sample import fill
from wirewatch.settings import ENV_BOOTSTRAP, ENV_STORE_URL
from wirewatch.store import open_store

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
UNREACHABLE_BROKER = "127.0.0.1:9"  # discard port: nothing listens, connect fails at once


@pytest.fixture
def store_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An empty store for the app under test, and no broker; caches cleared around it."""
    url = f"sqlite:///{tmp_path / 'dash.db'}"
    monkeypatch.setenv(ENV_STORE_URL, url)
    monkeypatch.setenv(ENV_BOOTSTRAP, UNREACHABLE_BROKER)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield url
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def filled(store_url: str) -> datetime:
    """The sample scenario written around now; returns its base time."""
    base = datetime.now(UTC)
    store = open_store(store_url)
    fill(store, base)
    store.close()
    return base


@pytest.fixture
def app() -> Callable[..., AppTest]:
    """Run the app, optionally on another page (``sections/articles.py``)."""

    def run(page: str | None = None) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=30).run()
        if page:
            at.switch_page(page).run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return run
