"""Replays: the runs, replay controls, and a replay compared with the live run."""

from __future__ import annotations

from dashboard import data, replay_page, views

ctx = views.context()
store, error = data.guarded("store", data.get_store, ctx.url)
views.store_banner(ctx.url, error)
if store is not None:
    replay_page.render(store, ctx.settings)
