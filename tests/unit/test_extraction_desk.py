"""Figures a desk can trust: headlines, period totals, subsets, toll place, revised figures,
modality and implausible numbers."""

from __future__ import annotations

import json

from consumers.extract_cli import extract_line
from consumers.extraction import extract


def test_a_figure_only_in_the_title_counts_with_title_evidence() -> None:
    title = "Drone strike kills six at checkpoint"
    result = extract("Officials gave no further details.", title=title)
    assert result.summary.killed == 6
    (casualty,) = result.casualties
    ev = casualty.evidence
    assert ev.part == "title"
    assert title[ev.start : ev.end] == ev.sentence
    assert "six" in title[ev.match_start : ev.match_end]


def test_a_title_figure_the_body_restates_is_counted_once() -> None:
    body = "A drone strike killed six people at a checkpoint near the town on Monday."
    result = extract(body, title="Drone strike kills six at checkpoint")
    assert result.summary.killed == 6
    assert [c.evidence.part for c in result.casualties] == [None]
    assert result.casualties[0].evidence.start == 0


def test_body_evidence_is_unchanged_by_a_title_and_has_no_part_key() -> None:
    body = "Intro line. Three people were killed in the blast."
    plain, titled = extract(body), extract(body, title="Blast in market")
    assert plain.casualties[0].evidence == titled.casualties[0].evidence
    record, ok = extract_line(json.dumps({"id": "a", "text": body}), 1)
    assert ok
    assert "part" not in record["casualties"][0]["evidence"]
    assert set(record["summary"]) == {"killed", "wounded", "death_toll", "negotiation"}


def test_period_totals_are_their_own_scope() -> None:
    text = (
        "A strike on a house in Rafah killed five people. "
        "188 bodies were brought to hospitals over the previous day, the ministry said."
    )
    result = extract(text)
    scopes = {c.count: c.scope for c in result.casualties}
    assert scopes == {5: "incident", 188: "period"}
    assert result.summary.killed == 5
    assert result.summary.death_toll is None
    assert result.summary.period_killed == 188


def test_in_the_past_24_hours_is_a_period_total() -> None:
    result = extract("In the past 24 hours, 42 people were killed across the territory.")
    assert [c.scope for c in result.casualties] == ["period"]
    assert result.summary.killed == 0
    assert result.summary.period_killed == 42


def test_a_subset_points_at_its_figure() -> None:
    result = extract("The strike killed 31 people, including three children.")
    main, part = result.casualties
    assert (main.count, main.part_of) == (31, None)
    assert (part.count, part.part_of, part.who) == (3, 0, "children")
    assert result.summary.killed == 31


def test_a_toll_without_a_place_takes_the_articles_place() -> None:
    text = (
        "Israeli strikes hit Gaza overnight. Residents of Gaza fled south. "
        "The death toll has risen to 19,000, the Health Ministry said."
    )
    (toll,) = [c for c in extract(text).casualties if c.scope == "cumulative"]
    assert toll.where == "Gaza"
    assert toll.authority == "Health Ministry"


def test_a_toll_takes_the_authority_of_the_sentence_before() -> None:
    text = "The Health Ministry gave new figures on Sunday. The toll rose to 240."
    (toll,) = extract(text).casualties
    assert (toll.scope, toll.authority) == ("cumulative", "Health Ministry")


def test_an_article_about_two_places_lends_none() -> None:
    text = "Strikes hit Gaza. Shells fell in southern Lebanon. The death toll has risen to 300."
    (toll,) = [c for c in extract(text).casualties if c.scope == "cumulative"]
    assert toll.where is None


def test_a_revised_figure_replaces_the_first() -> None:
    text = (
        "Officials initially said three people were killed in the attack. "
        "Later, officials said seven people had been killed."
    )
    assert extract(text).summary.killed == 7
    text = "Three people were killed in the attack. Seven were later confirmed dead."
    assert extract(text).summary.killed == 7


def test_two_incidents_still_add_up() -> None:
    text = "A strike in Khan Younis killed four people. Another strike in Rafah killed three."
    assert extract(text).summary.killed == 7


def test_hypothetical_and_rhetorical_deaths_are_not_new_deaths() -> None:
    text = 'He said: "We will go on even if thousands were killed."'
    result = extract(text)
    assert [c.modality for c in result.casualties] == ["hypothetical"]
    assert result.summary.killed == 0


def test_historical_deaths_are_not_new_deaths() -> None:
    text = "Residents staged a protest against the killing of two journalists in Karachi."
    result = extract(text)
    assert [c.modality for c in result.casualties] == ["historical"]
    assert result.summary.killed == 0
    text = "The riot in 2012 left at least 27 inmates dead."
    assert extract(text).summary.killed == 0


def test_a_reported_death_has_no_modality() -> None:
    result = extract("On 12 May 2021, gunmen killed five villagers in the town.")
    assert [(c.count, c.modality) for c in result.casualties] == [(5, None)]
    assert result.summary.killed == 5


def test_huge_numbers_are_not_people_and_never_raise() -> None:
    for figure in ("9223372036854775808", "9" * 400, "200,000,000", "1.5 billion"):
        result = extract(f"{figure} people were killed.")
        assert result.summary.killed == 0, figure
        assert all(c.count <= 10**8 for c in result.casualties)


def test_unlisted_words_between_figure_and_trigger() -> None:
    assert extract("At least 15 TTP/LI militants were killed in Tirah.").summary.killed == 15
    text = "Two members of the outlawed Purba Banglar Communist Party were killed."
    assert extract(text).summary.killed == 2
    assert extract("A local BNP leader was killed as police fired.").summary.killed == 1
    assert extract("The Army gunned down two militants in Moreh.").summary.killed == 2
    assert extract("A Jubo League activist was hacked to death on Sunday.").summary.killed == 1


def test_joined_figures_share_their_trigger() -> None:
    text = "7 militants and 3 security forces were killed while 2 soldiers were injured."
    summary = extract(text).summary
    assert (summary.killed, summary.wounded) == (10, 2)
    assert extract("Militants killed four farmers and 3 soldiers.").summary.killed == 7
    text = "Two security forces personnel were killed along with 15 militants."
    assert extract(text).summary.killed == 17
    summary = extract("3 were wounded and 5 killed.").summary
    assert (summary.killed, summary.wounded) == (5, 3)


def test_times_and_father_of_are_not_counts() -> None:
    text = "He was shot four times and pronounced dead. A father of two was killed nearby."
    assert extract(text).summary.killed == 1


def test_named_victims_and_fatal_shootings_count_one() -> None:
    assert extract("Victor Ancira was shot and killed by officers.").summary.killed == 1
    assert extract("Mazid Uddin (45), a local activist, was killed.").summary.killed == 1
    assert extract("An 18-year-old man was fatally shot on Friday.").summary.killed == 1
    assert extract("The Army was attacked on Friday.").casualties == ()


def test_a_toll_and_a_daily_figure_in_one_sentence_keep_their_own_scopes() -> None:
    text = ("The ministry said the death toll had risen to 20,423, with 134 people killed "
            "in the past 24 hours.")  # fmt: skip
    result = extract(text)
    assert [(c.count, c.scope) for c in result.casualties] == [(20423, "cumulative"),
                                                                (134, "period")]  # fmt: skip
    assert result.summary.death_toll == 20423 and result.summary.period_killed == 134
    assert result.summary.killed == 0


def test_figures_of_one_sentence_share_its_evidence_and_its_place() -> None:
    body = "Talks stalled. Two soldiers were killed and five civilians were wounded in Gaza."
    killed, wounded = extract(body).casualties
    for casualty in (killed, wounded):
        ev = casualty.evidence
        assert (ev.sentence, ev.start, ev.end) == (body[15:], 15, len(body))
        assert casualty.where == "Gaza"
    phrases = [body[c.evidence.match_start : c.evidence.match_end] for c in (killed, wounded)]
    assert phrases == ["Two soldiers were killed", "five civilians were wounded"]


def test_a_figure_in_a_sentence_without_a_place_takes_none_of_another_sentence() -> None:
    body = "Shelling hit Rafah overnight. Two soldiers were killed near the border."
    (casualty,) = extract(body).casualties
    assert casualty.where is None
    assert casualty.evidence.start == body.index("Two")
