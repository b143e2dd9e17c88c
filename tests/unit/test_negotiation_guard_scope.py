"""The guards against false alarms reach only as far as their cause: a home affair's or an
allies' word beside a truce, an effort or a hope told beside a deal done, a suspension of
talks taken up again, peacekeepers serving on a mission, fighting beside talks between allies,
a demand between a verb and its truce.

The sentences are the project's own; each case says whether the flag is raised.
"""

from __future__ import annotations

import pytest

from consumers.extraction import extract
from tests.support.negotiations import modalities


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a truce is never a home affair or an allies' pact
        ("The army and the rebels agreed to a truce to let aid workers reach the hospitals.", True),
        ("The two sides agreed to a four-day truce, the health ministry said.", True),
        ("The rebels agreed to a ceasefire that lets students return to school.", True),
        ("Both armies agreed to a ceasefire on the border after economic losses mounted.", True),
        ("The Sovereign Council chief agreed to a ceasefire with the militia.", True),
        # near misses: a deal or talks of a home affair or between allies
        ("The city council and the teachers reached a deal on school funding.", False),
        ("Two neighbours signed a security pact to share border patrols.", False),
    ],
)
def test_a_truce_beside_home_or_allies_words_counts(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "event", "modality"),
    [
        ("In the latest effort to end the war, the two sides signed a truce on Monday.",
         "agreement_reached", "asserted"),
        ("In an effort to end the war, the two sides signed a truce on Monday.",
         "agreement_reached", "asserted"),
        ("In a bid to end the fighting, the army and the rebels agreed to a ceasefire.",
         "agreement_reached", "asserted"),
        ("The envoy's bid to mediate paid off as the rebels and the army agreed a truce.",
         "agreement_reached", "asserted"),
        ("Hostages expected to be freed on Friday under the truce deal.",
         "hostage_release", "planned"),
        ("Hopes rose on Monday as the rebels freed three hostages.", "hostage_release", "asserted"),
        ("Families awaited news as the militants freed two hostages on Monday.",
         "hostage_release", "asserted"),
        ("The long-awaited release of 13 hostages by the rebels took place on Friday.",
         "hostage_release", "asserted"),
        ("Dissident rebels freed three kidnapped soldiers on Sunday.", "hostage_release",
         "asserted"),
        ("The rebels, who had asked for talks, signed a ceasefire with the army on Monday.",
         "agreement_reached", "asserted"),
        # near misses: an attempt, a captive's own hope, a release awaited
        ("Police in bid to free hostages storm a school.", "hostage_release", "demanded"),
        ("In a bid to free the hostages, the envoy met the rebels.", "hostage_release",
         "demanded"),
        ("The hostage said she hoped to be released by her captors.", "hostage_release",
         "demanded"),
    ],
)  # fmt: skip
def test_an_effort_or_a_hope_beside_a_step_taken_leaves_it(
    text: str, event: str, modality: str
) -> None:
    assert modalities(text).get(event) == modality


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("The rebels and the army resumed talks suspended in June, officials said.", True),
        ("Talks between the two sides went on for a third day in the capital.", True),
        ("The 15-member council unanimously adopted a resolution extending the arms embargo "
         "and other measures against the junta.", True),
        # near misses: talks still suspended, a war that goes on, peacekeepers on a mission,
        # allies' talks beside fighting elsewhere
        ("Talks still suspended as fighting rages in the north.", False),
        ("The rebels reject truce talks as the war goes on.", False),
        ("Two soldiers serving on the regional peace mission were killed in an ambush.", False),
        ("Police officers deployed on a UN peace mission were wounded by a roadside bomb.", False),
        ("Britain-France talks on small boats after five migrants killed in the Channel.", False),
    ],
)  # fmt: skip
def test_talks_votes_and_missions_at_the_guards_edge(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    "text",
    [
        "The Security Council adopted a resolution demanding a ceasefire.",
        "The council adopted a resolution calling for an immediate truce.",
    ],
)
def test_a_resolution_demanding_a_truce_is_a_vote_not_a_deal(text: str) -> None:
    found = modalities(text)
    assert "vote_adopted" in found
    assert "agreement_reached" not in found
