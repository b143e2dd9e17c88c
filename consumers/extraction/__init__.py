"""Rule-based, offline extraction of casualties, negotiations and signals from news text."""

from consumers.extraction import compiled

COMPILED = compiled.check()  # before any compiled module is imported: never a stale build

from consumers.extraction.pipeline import extract  # noqa: E402

__all__ = ["COMPILED", "extract"]
