"""What the extractor reports of negotiations, in the shape tests compare."""

from __future__ import annotations

from consumers.extraction import extract


def modalities(text: str, title: str = "") -> dict[str, str]:
    """Each negotiation event found in ``text`` (under ``title``) and its modality."""
    return {n.event: n.modality for n in extract(text, title=title).negotiations}
