"""Export what is in view: CSV (spreadsheet-safe) and JSON downloads of rows.

Article text is untrusted: a CSV cell that a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@`` first) gets a leading apostrophe. Nested values (an
article's metrics) travel as JSON inside their CSV cell.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """One CSV cell: nested values as JSON, formula-like text defused."""
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def to_csv(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """``rows`` as CSV with a header of every column seen, in first-seen order."""
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
    return out.getvalue().encode()


def to_json(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """``rows`` as a JSON array."""
    return json.dumps(list(rows), ensure_ascii=False, indent=1, default=str).encode()


def buttons(rows: Sequence[Mapping[str, Any]], name: str, key: str) -> None:
    """CSV and JSON download buttons for ``rows`` (nothing when there are none)."""
    if not rows:
        return
    row = st.container(horizontal=True)  # buttons as wide as their labels, never cut
    row.download_button(
        f"CSV ({len(rows):,} rows)", to_csv(rows), f"{name}.csv", "text/csv",
        key=f"{key}.csv", icon=":material/download:", on_click="ignore",
    )  # fmt: skip
    row.download_button(
        "JSON", to_json(rows), f"{name}.json", "application/json",
        key=f"{key}.json", icon=":material/data_object:", on_click="ignore",
    )  # fmt: skip
