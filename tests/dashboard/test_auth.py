"""Optional sign-in: rule edits and replays wait for the token; exposure is said."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import auth

Run = Callable[..., AppTest]
TOKEN = "s3cret-token"  # noqa: S105  # a test value


@pytest.mark.parametrize(
    ("host", "token", "warned"),
    [("127.0.0.1", "", False), ("::1", "", False), ("localhost", "", False),
     ("0.0.0.0", "", True), ("192.168.1.5", "", True), ("0.0.0.0", TOKEN, False)],  # noqa: S104
)  # fmt: skip
def test_exposure_warning(host: str, token: str, warned: bool) -> None:
    assert bool(auth.exposure_warning(host, token)) is warned


@pytest.mark.usefixtures("filled")
def test_rule_edits_wait_for_the_token(app: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(auth.ENV_TOKEN, TOKEN)
    at = app("sections/alerts.py")
    at.text_input(key="alerts.(new rule).name").input("Deaths").run()
    assert not [b for b in at.button if b.key == "alerts.save"]
    assert any("Sign in with the dashboard token" in i.value for i in at.info)
    at.text_input(key="auth.token").input("wrong").run()
    assert any("Wrong token" in w.value for w in at.sidebar.warning)
    at.text_input(key="auth.token").input(TOKEN).run()
    assert [b for b in at.button if b.key == "alerts.save"]


@pytest.mark.usefixtures("filled")
def test_without_a_token_edits_are_open_on_loopback(app: Run) -> None:
    at = app("sections/alerts.py")
    at.text_input(key="alerts.(new rule).name").input("Deaths").run()
    assert [b for b in at.button if b.key == "alerts.save"]
    assert not [t for t in at.text_input if t.key == "auth.token"]


def test_the_cli_warns_when_exposed_without_a_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dashboard import dashboard_cli
    from tests.dashboard.test_cli import parse

    monkeypatch.delenv(auth.ENV_TOKEN, raising=False)
    monkeypatch.setattr(dashboard_cli.os, "execv", lambda *_: None)
    args = parse("--host", "0.0.0.0")  # noqa: S104
    args.handler(args)
    assert f"without {auth.ENV_TOKEN}" in capsys.readouterr().err
