"""Talks named by a dispute ("nuclear talks") or between two states at odds, with no verb."""

from __future__ import annotations

import pytest

from consumers.extraction import extract


def _events(text: str) -> dict[str, str]:
    return {n.event: n.modality for n in extract(text).negotiations}


@pytest.mark.parametrize(
    "text",
    [
        "Iran has nuclear talks in Europe with officials of three states.",
        "Problems remain at nuclear talks, an envoy of Iran said on Saturday.",
        "Japan-North Korea talks on their dispute over abducted citizens make no progress.",
        "Talks between Japan and North Korea on the dispute over abducted citizens end without "
        "progress.",
    ],
)
def test_talks_in_a_dispute_between_states_are_held(text: str) -> None:
    assert extract(text).summary.negotiation
    assert "talks_held" in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        # no dispute between the two states
        "Problems remain at talks between France and Germany on farm subsidies.",
        # talks stalled, wanted back, or seen as pointless
        "China is worried over stalled nuclear talks with North Korea.",
        "Pyongyang sent a message about resuming stalled six-way talks with the United States.",
        "North Korea sees no point in continuing six-party talks with Japan over the dispute.",
        "Envoys pressed for a resumption of nuclear talks with Iran.",
        "North Korea looks to delay nuclear talks with Japan and the United States.",
        # a nuclear deal is no talks: it needs the verbs of its class
        "The Iran nuclear deal was discussed by analysts in Vienna.",
    ],
)
def test_talks_not_held_or_in_no_dispute_raise_no_flag(text: str) -> None:
    assert not extract(text).summary.negotiation


def test_talks_in_a_dispute_to_come_are_planned() -> None:
    text = "Japan and North Korea will hold talks next week over the dispute on abducted citizens."
    assert "talks_planned" in _events(text)
