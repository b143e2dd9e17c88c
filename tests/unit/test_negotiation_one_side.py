"""What one side does alone is no development: a resignation agreed to, a rescue by the
security forces, a release by immigration officers, a state's clemency for convicts, a
licence surrendered, an old accord described.

The sentences are the project's own; each guard has a near miss that still counts.
"""

from __future__ import annotations

import pytest

from consumers.extraction import extract


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("The prime minister has agreed to resign on Friday.", False),
        ("The minister has agreed to testify before the inquiry.", False),
        ("The rebels and the army have agreed to a truce.", True),
        ("Government forces freed 30 hostages held in the forest camp.", False),
        ("Security forces free 12 captives in the north.", False),
        ("Rebel forces freed 20 soldiers captured in an ambush.", True),
        ("The kidnappers freed 20 soldiers on Sunday.", True),
        ("Immigration officers released two students held at the airport.", False),
        ("The state frees three women convicted of theft.", False),
        ("The pair were released from their custody on Monday.", False),
        ("The rebels freed three women abducted from a village.", True),
        ("The mayor was seen surrendering his driver's licence.", False),
        ("The commander was seen surrendering his weapons to the army.", True),
        ("The vote tested the accord that ended the civil war.", False),
        ("The peace accord that ends the civil war was signed.", True),
        ("A deal ending two years of war between the rebels and the army.", True),
    ],
)
def test_a_step_one_side_takes_alone_is_no_development(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # what captors release of their captives without freeing them
        ("The kidnappers on Friday released a video showing the two engineers.", False),
        ("The gunmen released new footage of the hostages on Sunday.", False),
        ("The militants released a video showing two hostages after talks in Doha.", False),
        # a state that frees its critics grants clemency
        ("The regime released three jailed dissidents on health grounds.", False),
        ("Two dissidents were among hundreds of prisoners freed by the junta.", False),
        # a release that follows a court's ruling is justice
        ("Forty detainees were released after the supreme court ruling.", False),
        # near misses: captors who free captives, or armed dissidents as captors
        ("The kidnappers on Friday released the two engineers.", True),
        ("The rebels released a hostage and two soldiers on Sunday.", True),
        ("Armed dissidents released the two soldiers they had seized.", True),
        ("The kidnappers released a video journalist they had seized.", True),
    ],
)
def test_a_release_of_media_by_the_courts_or_of_a_states_critics_is_none(
    text: str, flag: bool
) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a truce asked for, a release awaited or hoped for: nothing happened yet
        ("The villagers asked the bishop to help mediate a new truce.", False),
        ("The families await the release of the three hostages.", False),
        ("The army was hopeful on Sunday on the release of the aid workers held by the rebels.",
         False),
        # near misses: the truce was mediated, the release told as done
        ("The villagers asked the bishop to leave after he had mediated a new truce.", True),
        ("The families were told of the release of the three hostages by the rebels.", True),
    ],
)  # fmt: skip
def test_a_truce_asked_for_or_a_release_awaited_is_none(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag
