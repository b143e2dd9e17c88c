"""Alerts: rules with their state, the editor with its backtest, and the history."""

from __future__ import annotations

from dashboard import alerts_page, data, views

ctx = views.context()
store, error = data.guarded("store", data.get_store, ctx.url)
views.store_banner(ctx.url, error)
if store is not None:
    alerts_page.render(store, ctx.settings, ctx.refresh)
