"""The dashboard's variables come through ``Settings`` like every other."""

from __future__ import annotations

import pytest

from dashboard.auth import token_from_env
from wirewatch.settings import ENV_DOCS, Settings


def test_refresh_interval_and_token_from_the_environment() -> None:
    env = {"WIREWATCH_REFRESH_SECONDS": "2.5", "WIREWATCH_DASHBOARD_TOKEN": " tok \n"}
    settings = Settings.from_env(env)
    assert (settings.refresh_seconds, settings.dashboard_token) == (2.5, "tok")
    assert "tok" not in repr(settings)
    assert token_from_env(env) == "tok"


def test_defaults_when_unset() -> None:
    settings = Settings.from_env({})
    assert (settings.refresh_seconds, settings.dashboard_token) == (5.0, "")
    assert {"WIREWATCH_REFRESH_SECONDS", "WIREWATCH_DASHBOARD_TOKEN"} <= set(ENV_DOCS)


@pytest.mark.parametrize("raw", ["soon", "0", "-1", "nan", "inf"])
def test_a_bad_refresh_interval_is_a_clear_error(raw: str) -> None:
    with pytest.raises(ValueError, match="WIREWATCH_REFRESH_SECONDS must be a"):
        Settings.from_env({"WIREWATCH_REFRESH_SECONDS": raw})
