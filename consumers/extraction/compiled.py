"""Whether the extraction engine runs compiled (mypyc; ``make compile``), and a guard against
a build that no longer matches its sources. This module and ``__init__`` stay Python."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
MANIFEST = "_compiled.json"  # what the build came from: {"sources": {file name: sha256}}
_PYTHON_ONLY = frozenset({"__init__.py", "compiled.py"})


class StaleBuildError(ImportError):
    """Compiled modules built from sources that have changed since."""


def sources() -> list[Path]:
    """The modules that are compiled: every one of the package but this one and ``__init__``."""
    return sorted(p for p in PACKAGE.glob("*.py") if p.name not in _PYTHON_ONLY)


def built_libraries() -> list[Path]:
    """The compiled extension modules present in the package."""
    return sorted([*PACKAGE.glob("*.so"), *PACKAGE.glob("*.pyd")])


def digests() -> dict[str, str]:
    """SHA-256 of each compiled module's source, by file name."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sources()}


def changed_sources() -> list[str]:
    """The sources that differ from those the present build came from (all when unrecorded)."""
    try:
        recorded = json.loads((PACKAGE / MANIFEST).read_text(encoding="utf-8"))["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        return [p.name for p in sources()]
    now = digests()
    return sorted(
        name for name in recorded.keys() | now.keys() if recorded.get(name) != now.get(name)
    )


def check() -> bool:
    """True when the engine runs compiled, False when it runs as Python; StaleBuildError when
    compiled modules are present but were built from other sources (an edit since, a checkout
    of another commit): they would shadow the sources, so the import stops and says why."""
    if not built_libraries():
        return False
    changed = changed_sources()
    if changed:
        shown = ", ".join(changed[:5]) + (" ..." if len(changed) > 5 else "")
        msg = (
            f"consumers/extraction was compiled from other sources ({shown} changed since): "
            "run `make compile` to rebuild it, or `make uncompile` to run the Python sources"
        )
        raise StaleBuildError(msg)
    return True
