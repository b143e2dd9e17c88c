"""The one dialect layer: store SQL is written once, with ``?`` placeholders.

SQLite takes that text as it is. psycopg (PostgreSQL) wants ``%s`` placeholders and
reads every ``%`` as the start of one, so :func:`translate` turns each ``?`` outside a
quoted literal into the backend's placeholder and doubles every ``%`` (a ``LIKE
'Report%'`` keeps its meaning). The store always passes a parameter tuple, even an
empty one, so psycopg always undoes the doubling. Migration DDL (:mod:`.schema`) holds
no placeholders and runs as written.
"""

from __future__ import annotations

from functools import lru_cache

QMARK = "?"
PYFORMAT = "%s"


@lru_cache(maxsize=1024)
def translate(sql: str, placeholder: str) -> str:
    """``sql`` written with ``?`` placeholders, for a backend that uses ``placeholder``."""
    if placeholder == QMARK:
        return sql
    out: list[str] = []
    quote = ""
    for char in sql:
        if char == "%":
            out.append("%%")
        elif quote:
            out.append(char)
            quote = "" if char == quote else quote
        elif char in "'\"":
            out.append(char)
            quote = char
        else:
            out.append(placeholder if char == QMARK else char)
    return "".join(out)
