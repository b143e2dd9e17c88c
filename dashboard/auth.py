"""Optional sign-in for the actions that change things: rule edits and replays.

With ``WIREWATCH_DASHBOARD_TOKEN`` set, those actions wait until the session has
typed the token (sidebar, compared in constant time); reading stays open. Without
it, they are open to anyone who can reach the dashboard, which is fine on loopback
and said loudly when the server is bound beyond it.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Mapping

import streamlit as st

from wirewatch.settings import ENV_DASHBOARD_TOKEN as ENV_TOKEN
from wirewatch.settings import Settings

SIGNED_IN_KEY = "auth.signed_in"
LOOPBACK_NAMES = {"localhost", "ip6-localhost"}


def token_from_env(env: Mapping[str, str] | None = None) -> str:
    """The configured token ("" for none), through :class:`Settings`."""
    return Settings.from_env(env).dashboard_token


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a bind address) only listens on this machine."""
    host = host.strip().strip("[]")
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name or "" (every interface): assume exposed


def exposure_warning(host: str, token: str) -> str:
    """The warning for a dashboard bound beyond loopback without a token ("" when fine)."""
    if token or is_loopback(host):
        return ""
    return (
        f"The dashboard listens on {host or 'every interface'} without {ENV_TOKEN}: anyone "
        "who can reach it can edit alert rules and start replays. Set the token, or bind "
        "to 127.0.0.1."
    )


def sidebar(token: str) -> None:
    """The sign-in box (only when a token is configured), or the exposure warning."""
    message = exposure_warning(str(st.get_option("server.address") or ""), token)
    if message:
        st.sidebar.error(message, icon=":material/lock_open:")
    if not token or st.session_state.get(SIGNED_IN_KEY):
        return
    typed = st.sidebar.text_input(
        "Token to edit rules and start replays", type="password", key="auth.token"
    )
    if typed and hmac.compare_digest(typed.encode(), token.encode()):
        st.session_state[SIGNED_IN_KEY] = True
        st.session_state.pop("auth.token", None)
        st.rerun()
    elif typed:
        st.sidebar.warning("Wrong token.")


def allowed() -> bool:
    """Whether this session may change things (no token configured, or signed in)."""
    return not token_from_env() or bool(st.session_state.get(SIGNED_IN_KEY))


def gate(action: str) -> bool:
    """``allowed()``, saying why not on the page."""
    if allowed():
        return True
    st.info(f"Sign in with the dashboard token (sidebar) to {action}.", icon=":material/lock:")
    return False
