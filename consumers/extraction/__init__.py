"""Rule-based, offline extraction of casualties, negotiations and signals from news text."""

from consumers.extraction.pipeline import extract

__all__ = ["extract"]
