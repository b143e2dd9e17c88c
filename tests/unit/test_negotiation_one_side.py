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
