"""A conflict's context for business words: a deal, talks or a proposal need it.

The sentences are the project's own; each pins one tier (armed words, trade or company
words, statecraft) or the text beside a sentence (headline and summary).
"""

from __future__ import annotations

import pytest

from consumers.extraction import extract
from consumers.extraction.negotiation_context import in_conflict


def test_a_business_word_needs_a_conflict_in_its_sentence() -> None:
    text = "the two brothers sealed a deal on the disputed border."
    start = text.index("sealed")
    assert in_conflict(text, 0, len(text), start, text.index(" on "))
    plain = "the two brothers sealed a deal on the old warehouse."
    assert not in_conflict(plain, 0, len(plain), start, plain.index(" on "))


def test_a_listed_state_is_a_conflict_context_and_a_trade_word_is_not() -> None:
    state = "ethiopia and eritrea sealed a deal on monday."
    assert in_conflict(state, 0, len(state), 0, 5)
    short = "egypt and qatar sealed a deal on monday."
    assert in_conflict(short, 0, len(short), 0, 5)
    trade = "ethiopia and eritrea sealed a trade deal on monday."
    assert not in_conflict(trade, 0, len(trade), 0, 5)
    # a truce of a price war is the companies' own, not a conflict's
    truce = "the companies sealed a truce in their price war."
    assert not in_conflict(truce, 0, len(truce), truce.index("sealed"), truce.index(" in "))
    armed = "the militia and the government agreed to hire a mining company."
    assert in_conflict(armed, 0, len(armed), armed.index("agreed"), armed.index(" to "))


def test_a_region_at_war_is_a_conflict_context() -> None:
    region = "a deal was reached on pullbacks in the west bank."
    assert in_conflict(region, 0, len(region), 0, 25)
    plain = "a deal was reached on pullbacks in the east wing."
    assert not in_conflict(plain, 0, len(plain), 0, 25)


def test_a_sentence_with_no_context_is_judged_by_the_text_beside_it() -> None:
    text = "talks resumed on monday."
    assert not in_conflict(text, 0, len(text), 0, 12)
    assert in_conflict(text, 0, len(text), 0, 12, wider="rebels and army meet in the capital")
    assert not in_conflict(text, 0, len(text), 0, 12, wider="chip maker in merger talks")


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        ("Rebels and army meet in the capital", "Talks resumed on Monday.", True),
        # a trade word in the summary outweighs the states named in the headline
        ("Two neighbours sign three accords", "They agreed to expand trade and tourism.", False),
        ("Champion signs deal", "The driver will race for the team next season.", False),
        ("Carriers reach agreement", "Customers of both can roam at home prices.", False),
        # ... but not an armed conflict's words
        ("Army and rebels sign deal", "The accord lets the company reopen the mine.", True),
        ("Chip makers weigh a tie-up", "Talks resumed on Monday.", False),
        ("Talks resume", "The rebels and the army met in the capital on Monday.", True),
        ("Deal reached", "The two firms will merge next year.", False),
        (
            "Club and pitcher agree to new deal",
            "The club said the contract runs two years.",
            False,
        ),
    ],
)
def test_a_headline_and_its_summary_lend_each_other_context(
    title: str, text: str, flag: bool
) -> None:
    assert extract(text, title=title).summary.negotiation is flag


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # a legislature's or a court's deal, talks or vote is no move between the sides
        ("Senate leaders reach deal", "The bipartisan package funds roads and bridges.", False),
        ("Lawmakers in talks to save a budget", "Both parties want a vote next week.", False),
        ("Mayor agrees to settle lawsuit", "Prosecutors said the deal ends the case.", False),
        ("House votes for resolution", "The measure condemns hate speech.", False),
        ("City council passes resolution", "The text asks the police to wear cameras.", False),
        ("Dockers return to work", "The unionized crews agreed to the new rota.", False),
        ("Battery giants reach deal", "Both plants will stay open.", False),
        # near misses: a foreign conflict's deal, or a UN body's vote, still count
        ("Rebels and army reach deal", "The accord ends two years of fighting.", True),
        ("Assembly votes for resolution", "The United Nations text asks for a truce.", True),
        ("Vote put off", "Council members delayed the vote on the draft again.", True),
    ],
)
def test_a_legislature_or_a_court_is_no_conflict_context(title: str, text: str, flag: bool) -> None:
    assert extract(text, title=title).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Sudan and South Sudan signed a deal mediated by the African Union.", True),
        ("The African Union hosted talks between Ethiopia and Eritrea.", True),
        # a trade union is a labour word, whoever it deals with; the European Union's deals
        # are mostly of migration, trade or accession
        ("Ministers of the European Union sealed a migration deal with Libya.", False),
        ("The workers union reached a deal with the government.", False),
        ("The union and the company reached a deal.", False),
    ],
)
def test_the_african_union_is_no_trade_union(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("The senators reached a truce on the budget bill.", False),
        ("The league and the players' union agreed a truce over pay.", False),
        ("The league and the union declared a truce.", False),
        ("The two clubs agreed a truce before the derby match.", False),
        # the truce of an armed conflict still counts, with or without more words about it
        ("The army and the rebels agreed a truce on Sunday.", True),
        ("A truce was agreed on Sunday.", True),
        ("The rebels declared a truce.", True),
        ("Lawmakers welcomed the truce that the army and the militia declared.", True),
        ("The truce in Darfur was extended by a week.", True),
        # peace names a conflict by itself, even beside a budget word
        ("The envoy unveiled the economic part of the peace plan with a budget of $50bn.", True),
    ],
)
def test_a_truce_is_no_context_of_its_own(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # peace after a legal battle or a price war is a settlement of business
        ("Rival juice makers make peace", "The two ended their legal battle and agreed to merge.",
         False),
        ("Carriers call a truce", "The two airlines ended their fare war on Friday.", False),
        ("Chains agree to end price war", "The grocers signed a peace deal on Monday.", False),
        # ... but the peace of a war between armed sides still counts
        ("Rebels and army end war", "The two sides agreed a truce on Sunday.", True),
        ("Sides sign peace deal", "The militias signed a peace deal on Monday.", True),
    ],
)  # fmt: skip
def test_another_domains_war_is_no_conflict(title: str, text: str, flag: bool) -> None:
    assert extract(text, title=title).summary.negotiation is flag


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # a plan, an offer or a deal of home affairs: a local council, an inquiry, schools,
        # housing, health, welfare, a trade's workers
        ("council rejects housing plan over noise fears", "", False),
        ("Shire councillors reject the new road plan", "", False),
        ("inquiry rejects plan to move the depot", "", False),
        ("Dock contractors reject the latest offer", "", False),
        ("states reject health fund deal", "", False),
        ("Minister proposes a new welfare card plan", "", False),
        ("Teachers reject the latest schools offer", "", False),
        # near misses: a conflict's or a dispute's proposal still counts, also beside a UN
        # council, a military or a transitional council, or aid workers held by captors
        ("rebels reject government peace plan", "", True),
        ("The envoy's offer was rejected by the group's political bureau.", "", True),
        ("Security council members reject draft truce plan", "", True),
        ("The military council signed a deal with the protest leaders", "", True),
        ("Captors of the aid workers reject the government's offer", "", True),
    ],
)  # fmt: skip
def test_a_home_affair_is_no_conflict_context(title: str, text: str, flag: bool) -> None:
    assert extract(text, title=title).summary.negotiation is flag


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # allies' pacts: against terrorism, of security or defence, of an economy's trade
        ("Two neighbours sign counter-terrorism agreement", "", False),
        ("", "Chile and Peru signed an agreement to fight terrorism on Monday.", False),
        ("Gulf leaders approve anti-terror pact", "", False),
        ("Japan and India to sign security agreement", "", False),
        ("Island state announces economic agreement with Japan", "", False),
        ("Norway and Chile sign air services agreement", "", False),
        # near misses: armed sides' security arrangements and a dispute's agreement count
        ("", "The rebels and the government signed a security agreement in Abuja.", True),
        ("", "The warring parties signed a pact on security in Darfur.", True),
        ("", "Ethiopia and Eritrea signed an agreement on their disputed border.", True),
    ],
)  # fmt: skip
def test_an_allies_pact_is_no_conflict_context(title: str, text: str, flag: bool) -> None:
    assert extract(text, title=title).summary.negotiation is flag


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # a vote of an electorate, or one on a bill, a law, a reform or a rule
        ("", "Villagers vote in local elections with new groups set to challenge the old "
         "parties.", False),
        ("Vote count in disputed Afghan poll delayed", "Officials delayed counting ballots.",
         False),
        ("Regulator votes to scrap old rule", "The board voted 3-2 to eliminate a 40-year-old "
         "rule.", False),
        ("", "The president dealt a blow to the government on Thursday by vetoing one of its "
         "reforms.", False),
        ("Assembly set to vote on gun measure next week", "", False),
        # near miss: a UN body's vote still counts
        ("", "The Security Council voted on Friday to adopt the truce resolution.", True),
    ],
)  # fmt: skip
def test_an_electorates_vote_or_one_on_a_bill_is_no_un_vote(
    title: str, text: str, flag: bool
) -> None:
    assert extract(text, title=title).summary.negotiation is flag


def test_herders_and_farmers_have_a_conflict_of_their_own() -> None:
    assert extract("Elders brokered a truce between the herders and farmers.").summary.negotiation


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a coalition that fights is a side of the war, not a word of politics at home
        ("A truce between Houthi forces and coalition-backed forces was declared on Monday.", True),
        ("The government and the coalition forces observed a truce in the port.", True),
        # near misses: a coalition that governs makes its own deals
        ("The two parties sealed a coalition deal on Monday.", False),
        ("Coalition talks between the two parties resumed on Monday.", False),
    ],
)
def test_a_coalition_at_war_is_a_side_and_a_governing_one_is_not(text: str, flag: bool) -> None:
    assert bool(extract(text).negotiations) is flag
