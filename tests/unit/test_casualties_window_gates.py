"""The words that let the historical and update rules search a window are found in one pass."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from consumers.extraction import (
    casualties,
    casualty_modality,
    joins,
    numbers,
    people,
    scopes,
    ties,
)
from consumers.extraction.matching import contains_any, word_search

_PARTS = ["last", "lasted", "ago", "agony", "anniversary", "commemorated", "protest", "rally",
          "rallied", "condemned", "against", "demanded", "remembered", "after", "afte", "wake",
          "recent", "riots", "blocked", "torched", "sit-in", "sit in", "killed", "two", "men",
          "caf\u00e9", "\u2019s", "in", "2019", "the", "", " "]  # fmt: skip


@given(st.lists(st.sampled_from(_PARTS), max_size=10), st.sampled_from([" ", "", "-", ", "]))
@example(["agony"], " ")
@example(["caf\u00e9", "after"], " ")
def test_historical_keys_find_what_a_search_for_each_word_finds(parts: list[str], gap: str) -> None:
    window = gap.join(parts)
    want = contains_any(window, casualty_modality.HISTORICAL_GATE, 0, len(window))
    assert bool(casualty_modality._HISTORICAL_KEYS.find(window)) is want


_GROUP_PARTS = [*_PARTS, "police", "policeman", "soldiers", "aid workers", "women", "later",
                "now", "know", "rose", "prose", "killed", "two", "men", "were", "a", "2 ",
                "12"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_GROUP_PARTS), max_size=12),
    st.sampled_from([" ", "", "-", ", "]),
    st.integers(0, 60),
    st.integers(0, 60),
)
@example(["two", "soldiers", "were", "killed"], " ", 0, 0)
@example(["police", "killed", "two", "men", "later"], " ", 3, 0)
def test_a_group_bit_of_the_sentence_pass_is_set_where_a_window_inside_holds_its_words(
    parts: list[str], gap: str, start: int, cut: int
) -> None:
    # a sentence whose one pass sets no bit of a group holds none of its words in any window:
    # the window's own automaton would find nothing there (update, historical, people words)
    sentence = gap.join(parts)
    told = casualties._told(casualties._SENTENCE_KEYS.find(sentence))
    lo, hi = min(start, len(sentence)), max(min(start, len(sentence)), len(sentence) - cut)
    window = sentence[lo:hi]
    if not told & casualties._UPDATED:
        assert not casualties._UPDATE_KEYS.find(window)
    if not told & casualties._RECALLED:
        assert not casualty_modality._HISTORICAL_KEYS.find(window)
    if lo + 1 <= hi:  # a phrase and the character before it (``who_in``)
        who = people.who_in(sentence, lo + 1, hi)
        assert casualties._who(sentence, 0, len(sentence), lo + 1, hi, told) == who
        assert told & casualties._NAMED or who is None


@pytest.mark.parametrize(
    "sentence",
    [
        "two soldiers were killed in an ambush on monday",
        "residents protested against the killing of two farmers",
        "the toll later rose to 12 after two more police officers died",
        "a man was shot dead and later two women were killed",
    ],
)
def test_the_group_bits_leave_the_mentions_as_they_were(sentence: str) -> None:
    # the same mentions whether the sentence's pass told its word groups or told every bit
    found = casualties.find_mentions(sentence, 0, len(sentence))
    common = casualties._SENTENCE_KEYS.find(sentence)
    words = casualties.gate_words(sentence)
    clauses = scopes.Clauses(sentence, 0, len(sentence), words)  # every bit told
    told = scopes.Clauses(sentence, 0, len(sentence), words, casualties._told(common))
    for m in found:
        tie = (m.kind, m.trigger, m.scope == "cumulative", m.subset)
        assert casualties._mention(
            sentence, "", 0, len(sentence), m.number, tie, clauses, None
        ) == (casualties._mention(sentence, "", 0, len(sentence), m.number, tie, told, None))


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("residents protested against the killing of two farmers", "historical"),
        ("two soldiers were killed in a blast that lasted minutes", None),
        ("last year two soldiers were killed in an ambush", "historical"),
        ("in 2019 two soldiers were killed in an ambush", "historical"),
        ("two soldiers were killed in an ambush on monday", None),
        ("the 30 people killed on monday were buried", None),
    ],
)
def test_historical_modality_of_the_first_figure(sentence: str, modality: str | None) -> None:
    found = casualties.find_mentions(sentence, 0, len(sentence))
    assert found and found[0].modality == modality


_UPDATE_PARTS = ["later", "lateral", "rose", "prose", "risen", "climbed", "increased", "jumped",
                 "updated", "revised", "now", "know", "latest", "final", "finalists",
                 "subsequently", "killed", "12", "caf\u00e9", "", " "]  # fmt: skip


@given(st.lists(st.sampled_from(_UPDATE_PARTS), max_size=10), st.sampled_from([" ", "", ", "]))
@example(["know"], " ")
def test_update_keys_find_what_a_search_for_each_word_finds(parts: list[str], gap: str) -> None:
    window = gap.join(parts)
    want = contains_any(window, casualties._UPDATE_WORDS, 0, len(window))
    assert bool(casualties._UPDATE_KEYS.find(window)) is want


@pytest.mark.parametrize(
    ("sentence", "update"),
    [
        ("two more people later died in hospital", True),
        ("police now say 12 people were killed", True),
        ("twelve people were subsequently killed", True),
        ("the finalists said 12 people were killed", False),
        ("two people were killed in the blast", False),
    ],
)
def test_update_words_mark_the_figure(sentence: str, update: bool) -> None:
    found = casualties.find_mentions(sentence, 0, len(sentence))
    assert found and found[0].update is update


# words and gaps for the literal checks tried before a regex: each check must only ever skip
# a regex that could not match (any white space, not one space, may join the words)
_CHECK_PARTS = ["more", "others", "other", "further", "additional", "another", "a", "an",
                "second", "third", "not", "none", "of", "nobody", "never", "no", "nearly",
                "if", "even", "could", "would", "threatened", "vowed", "in", "case", "planned",
                "to", "after", "before", "until", "the", "first", "latter", "last", "goats",
                "cattle", "head", "five", "killed", "people", "later", "5", "20", ",", "-",
                "\u2013", "and", "caf\u00e9"]  # fmt: skip
_CHECK_GAPS = [" ", "  ", "\n", "\t", "\u00a0", ""]
_TEXTS = st.lists(st.sampled_from(_CHECK_PARTS), min_size=1, max_size=8).flatmap(
    lambda parts: st.lists(st.sampled_from(_CHECK_GAPS), min_size=len(parts) + 1,
                           max_size=len(parts) + 1).map(
        lambda gaps: gaps[0] + "".join(p + g for p, g in zip(parts, gaps[1:], strict=True))
    )
)  # fmt: skip


@given(_TEXTS, st.integers(0, 60))
@example(" more people", 0)
@example("  more", 0)
@example("\nothers", 0)
def test_more_after_a_figure_is_checked_as_the_regex_reads_it(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    want = casualties._ADDED_AFTER.match(text, pos, len(text)) is not None
    assert casualties._added_after(text, pos, len(text)) is want


@given(_TEXTS, st.integers(0, 60))
@example("killed a  second ", 17)
@example("another\n", 8)
def test_another_before_a_figure_is_checked_as_the_regex_reads_it(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    starts = text.startswith(("another", "the other ", "a second ", "a third ", "a further "), pos)
    want = starts or casualties._ADDED_BEFORE.search(text, max(0, pos - 16), pos) is not None
    assert casualties._added_before(text, 0, pos) is want


@given(_TEXTS)
@example("none\u00a0of them 5")
@example("even if 5")
def test_negations_and_threats_are_checked_as_the_regexes_read_them(text: str) -> None:
    pos = len(text)
    start = max(0, pos - 24)
    negation = word_search(casualty_modality._NEGATION, text, start, pos) is not None
    if not negation:
        assert not casualty_modality.negated(text, 0, pos)
    threat = word_search(casualty_modality._HYPOTHETICAL, text, max(0, pos - 40), pos)
    if threat is None:
        assert not casualty_modality._hypothetical(text, 0, max(0, pos - 40), pos)


@given(_TEXTS)
@example("five  goats")
@example("five\nhead of cattle")
def test_animals_after_a_figure_are_checked_as_the_regex_reads_them(text: str) -> None:
    want = ties._ANIMAL_NEAR.match(text, 0, min(len(text), 32)) is not None and (
        ties._ANIMALS.match(text, 0, min(len(text), 40)) is not None
    )
    assert ties.counts_animals(text, 0, len(text)) is want


def _range_end_by_regex(
    text: str, match: re.Match[str], value: int, between: bool
) -> tuple[int, int] | None:
    """:func:`numbers._range_end` as it reads without its literal check first."""
    tail = numbers._RANGE_TAIL.match(text, match.end(), len(text))
    if tail is None or tail.group().lstrip()[:1] == "a" and not between:
        return None
    if numbers._label_before(text, match.start("core")):
        return None
    upper = numbers._core_value(tail)
    return (upper[0], tail.end()) if upper is not None and upper[0] > value else None


@given(_TEXTS, st.booleans())
@example("5 -  20", False)
@example("5\u2013\n20", False)
@example("5 and\t20", True)
def test_ranges_are_checked_as_the_regex_reads_them(text: str, between: bool) -> None:
    for match in re.finditer(rf"(?P<core>{numbers._CORE})(?![\w%])", text):
        want = _range_end_by_regex(text, match, 1, between)
        got = numbers._range_end(text, match.start("core"), match.end(), 1, between, len(text))
        assert got == want


# the phrase end as two branches, the first a mark, the second white space before a joining
# word: the regex with one leading class must find the same end
_PHRASE_END_BY_BRANCHES = re.compile(r"[,;.:()]|\s(?:including|and|but|in|on|at)\s")
_PHRASE_PARTS = ["including", "includes", "and", "andes", "but", "in", "inner", "on", "at",
                 "atoll", "two", "men", "killed", ",", ";", ".", ":", "(", ")", "5"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_PHRASE_PARTS), min_size=1, max_size=8),
    st.sampled_from([" ", "  ", "\n", "\u00a0", ""]),
)
@example(["men", "including", "two"], " ")
@example(["men", ",", "and", "two"], "")
@example(["men", "and", "two"], "\u00a0")
def test_phrase_end_is_found_where_the_two_branches_find_it(parts: list[str], gap: str) -> None:
    text = " " + gap.join(parts) + " "
    want = _PHRASE_END_BY_BRANCHES.search(text, 0, min(len(text), 40))
    limit = min(len(text), 40)
    assert casualties._phrase_end(text, 0, len(text)) == (want.start() if want else limit)


@pytest.mark.parametrize(
    ("phrase", "end"),
    [
        ("five men including two boys", len("five men")),
        ("five men, two boys", len("five men")),
        ("five men inside the house", 40),  # "inside" is no joining word
        ("five men in the house", len("five men")),
    ],
)
def test_phrase_end_stops_at_a_mark_or_a_joining_word(phrase: str, end: int) -> None:
    text = phrase + " " * 40
    assert casualties._phrase_end(text, 0, len(text)) == end


# clause breaks and the cue words of each scope: a cue looked for in its clause alone must be
# found as the search on to the sentence's end finds it
_SCOPE_PARTS = ["death", "toll", "so", "far", "since", "the", "war", "in", "total", "a", "of",
                "all", "strike", "on", "monday", "between", "1", "and", "7", "may", "bringing",
                "while", "meanwhile", "said", "police", ",", ";", "killed", "12", "past",
                "hours"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_SCOPE_PARTS), min_size=1, max_size=12),
    st.sampled_from([" ", "  ", "\n"]),
)
@example(["12", "killed", ",", "bringing", "the", "toll", "to", "30"], " ")
@example(["12", "killed", "while", "so", "far"], "  ")
@example(["12", "killed", "in", "the", "past", "while", "hours"], " ")
def test_a_clause_cue_is_found_in_the_clause_alone(parts: list[str], gap: str) -> None:
    low = gap.join(parts)
    clauses = scopes.Clauses(low, 0, len(low), {"toll", "since", "total", "far", "between"})
    patterns = {"cumulative": scopes._CUMULATIVE, "incident": scopes._INCIDENT,
                "total": scopes._TOTAL, "span": scopes._SPAN, "period": scopes._PERIOD}  # fmt: skip
    for pos in range(len(low)):
        clause = clauses.clause(pos)
        for name, pattern in patterns.items():
            found = word_search(pattern, low, clause[0], len(low))
            want = found is not None and found.start() < clause[1]
            crosses = pattern is scopes._PERIOD
            assert clauses._has(name, pattern, clause, crosses) is want, (name, clause)


_HISTORICAL_BY_REGEX = re.compile(r"\W" + casualty_modality._HISTORICAL_WORDS)
_HISTORICAL_PARTS = ["last", "year", "years", "ago", "a", "an", "and", "the", "three", "thee",
                     "days", "day", "after", "killing", "in", "into", "2019", "memory",
                     "protested", "against", "staged", "rally", "rallies", "to", "condemn",
                     "torched", "families", "of", "paid", "respects", "revenge", "for",
                     "riots", "following", "said", "demanded", "justice", "claimed", "she",
                     "vigil", "killed", "men", "caf\u00e9", ".", ",", "'s"]  # fmt: skip


@given(st.lists(st.sampled_from(_HISTORICAL_PARTS), max_size=12),
       st.sampled_from([" ", "  ", "\n", "\u00a0", ", "]), st.integers(0, 8))  # fmt: skip
@example(["a", "day", "after", "the", "killing"], "\n", 0)
@example(["torched", "homes", "after", "killing"], " ", 0)
@example(["held", "a", "rally"], "\u00a0", 1)
def test_historical_look_ahead_finds_what_the_branches_find(
    parts: list[str], gap: str, start: int
) -> None:
    window = gap + gap.join(parts)
    start = min(start, len(window))
    want = _HISTORICAL_BY_REGEX.search(window, start) is not None
    assert (casualty_modality._HISTORICAL_AT_WORD.search(window, start) is not None) is want


_BEFORE_BY_REGEX = re.compile(rf"\W(?:{ties._BEFORE.pattern})")
_BEFORE_PARTS = ["killed", "skilled", "killing", "of", "shooting", "shoot", "dead", "shot", "and",
                 "gunned", "down", "guns", "deaths", "death", "the", "bodies", "died", "along",
                 "with", "rounded", "up", "arrest", "detention", "took", "lives", "claimed",
                 "burnt", "alive", "his", "at", "least", "a", "further", "family", "seized",
                 "maimed", "hurt", "two", "caf\u00e9", ","]  # fmt: skip


@given(st.lists(st.sampled_from(_BEFORE_PARTS), max_size=10),
       st.sampled_from([" ", "  ", "\n", "\u00a0", ", "]), st.integers(0, 6))  # fmt: skip
@example(["shooting", "dead"], " ", 0)
@example(["rounded", "up"], "\n", 0)
@example(["killed", "and", "burnt"], " ", 0)
def test_verb_before_look_ahead_matches_as_the_branches_match(
    parts: list[str], gap: str, start: int
) -> None:
    text = gap + gap.join(parts) + " "
    start = min(start, len(text))
    want = _BEFORE_BY_REGEX.search(text, start)
    got = ties._BEFORE_AFTER_MARK.search(text, start)
    assert (got is None) is (want is None)
    if got is not None and want is not None:
        assert (got.span(), got.groupdict()) == (want.span(), want.groupdict())


_SCOPE_PARTS = ["in", "into", "the", "past", "last", "24", "hours", "over", "overall", "a",
                "year", "death", "toll", "since", "start", "so", "far", "to", "date", "in all",
                "during", "war", "each", "every", "per", "daily", "overnight", "count", "two",
                "days", "week", "yesterday", "altogether", "throughout", "killed", "caf\u00e9",
                "", ","]  # fmt: skip


@given(st.lists(st.sampled_from(_SCOPE_PARTS), max_size=10),
       st.sampled_from([" ", "  ", "\n", "\u00a0", ", "]), st.integers(0, 6))  # fmt: skip
@example(["a", "year"], "\n", 0)
@example(["in", "the", "past", "24", "hours"], " ", 0)
@example(["since", "yesterday"], "\u00a0", 0)
def test_scope_look_aheads_match_as_the_branches_match(
    parts: list[str], gap: str, start: int
) -> None:
    text = gap + gap.join(parts) + " "
    start = min(start, len(text))
    for plain, marked in ((scopes._PERIOD, scopes._PERIOD_AT_WORD),
                          (scopes._CUMULATIVE, scopes._CUMULATIVE_AT_WORD)):  # fmt: skip
        want = re.compile(rf"\W(?:{plain.pattern})").search(text, start)
        got = marked.search(text, start)
        assert (None if got is None else got.span()) == (None if want is None else want.span())


_JOINED_PARTS = ["a", "an", "teacher", "army", "officer", "killed", ",", "and", "as", "well",
                 "along", "with", "his", "her", "their", "hand", "wither", "sand", "5"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_JOINED_PARTS), max_size=10),
    st.sampled_from([" ", "  ", "\n", "\t", "\u00a0"]),
    st.sampled_from(["", " ", "\n", " \n", "x"]),
)
@example(["a", "teacher", "and"], " ", " ")
@example(["an", "officer", "along", "with", "his"], " ", "\n")
@example(["a", "teacher", "and"], " ", "")
def test_one_and_before_gate_skips_only_texts_the_regex_cannot_match(
    parts: list[str], gap: str, tail: str
) -> None:
    head = gap.join(parts) + tail
    if not joins._may_end_joined(head):
        assert joins._ONE_AND_BEFORE.search(head + "5", 0, len(head)) is None


@pytest.mark.parametrize(
    ("head", "joined"),
    [("a teacher and ", True), ("an officer as well as ", True), ("a guard and his ", True),
     ("a teacher and", False), ("the gunmen killed ", False), ("a guard on the road ", False)],
)  # fmt: skip
def test_one_and_before_gate_reads_the_last_word(head: str, joined: bool) -> None:
    assert joins._may_end_joined(head) is joined


_SUBSET_PARTS = ["among", "them", "whom", "of", "the", "dead", "were", "including", "includings",
                 "killed", "deadly", "5", ",", "would", "could", "might", "may", "will", "to",
                 "nearly", "almost", "threatened", "vowed", "willow"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_SUBSET_PARTS), max_size=6),
    st.sampled_from([" ", "  ", "\n", "\t", "\u00a0"]),
    st.sampled_from(["", " ", "\n", " \n", "  "]),
)
@example(["among", "them"], " ", " ")
@example(["including"], " ", "\n")
@example(["threatened", "to"], " ", " ")
@example(["would"], " ", "\n")
def test_subset_and_modal_gates_skip_only_texts_their_regexes_cannot_match(
    parts: list[str], gap: str, tail: str
) -> None:
    head = "x " + gap.join(parts) + tail
    if not ties._may_end(head, ties._SUBSET_WORDS):
        assert ties._SUBSET.search(head + "5", 0, len(head)) is None
    if not ties._may_end(head, ties._MODAL_WORDS):
        assert ties._MODAL.search(head + "kill", 0, len(head)) is None


@pytest.mark.parametrize(
    ("head", "subset"),
    [("killed 4, including ", True), ("among the dead were ", True), ("of them ", True),
     ("killed 4, including", False), ("killing ", False), ("a deadly ", False)],
)  # fmt: skip
def test_subset_gate_reads_the_last_word(head: str, subset: bool) -> None:
    assert ties._may_end(head, ties._SUBSET_WORDS) is subset


_ANIMAL_PARTS = ["five", "camels", "cam", "cattle", "cows", "moscow", "oxen", "ox", "box",
                 "goats", "million", "bullets", "headed", "birds", "calf", "buffalo", "donkey",
                 "were", "killed", "a", "was", "shot", "men", "caf\u00e9", "", " "]  # fmt: skip


@given(st.lists(st.sampled_from(_ANIMAL_PARTS), max_size=8), st.sampled_from([" ", "", "-"]))
@example(["five", "camels", "were", "killed"], " ")
@example(["a", "donkey", "was", "killed"], " ")
@example(["moscow"], " ")
def test_animal_gate_words_hold_every_stem_the_animal_gates_look_for(
    parts: list[str], gap: str
) -> None:
    part = gap.join(parts)
    named = contains_any(part, ties._NEAR_ANIMALS, 0, len(part)) or contains_any(
        part, ties._ANIMAL_STEMS, 0, len(part)
    )
    words = casualties.gate_words(part)
    assert (not words.isdisjoint(ties.ANIMAL_WORDS)) is named
    assert ties.ANIMAL_WORDS <= casualties.GATE_WORDS


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        ("raiders stole five camels and killed two herders", [2]),
        ("five goats were killed in the shelling", []),
        ("a donkey was killed and two farmers were wounded", [2]),
        ("five men from moscow were killed in the shelling", [5]),
        ("one man and 40 cows were killed in the raid", [1]),
    ],
)
def test_animal_gates_drop_animals_and_keep_people(sentence: str, people: list[int]) -> None:
    found = casualties.find_mentions(sentence, 0, len(sentence))
    assert [m.number.value for m in found] == people
    words = casualties.gate_words(sentence)
    gated = casualties.find_mentions(sentence, 0, len(sentence), words=words)
    assert [m.number.value for m in gated] == people


def test_the_rare_gate_holds_every_gate_a_sentence_is_checked_against() -> None:
    gates = (casualties._REVISION_GATE, casualties._ONLY_GATE, casualties._ALTERNATIVE_GATE,
             casualties._CODING_GATE, casualties.burnings.GATE_WORDS, ties.ANIMAL_WORDS,
             frozenset(casualties.shares.SEVERAL))  # fmt: skip
    for gate in gates:
        assert gate <= casualties._RARE_GATE
    assert casualties._RARE_GATE <= casualties.GATE_WORDS


@pytest.mark.parametrize(
    ("sentence", "mentions"),
    [
        # no rare gate word: the kinds found decide the last rules
        ("two guards were wounded by the bomb and later died.", [("killed", 2, True)]),
        ("four people were killed, and six were wounded.",
         [("killed", 4, False), ("wounded", 6, False)]),
        ("rebels kidnapped three traders and later killed two of them.",
         [("hostage", 3, False), ("killed", 2, False)]),
        # a rare gate word ("rose"): the revision rule is still tried
        ("the death toll rose to 12 after two more bodies were found.",
         [("killed", 12, False), ("killed", 2, True)]),
        ("the gunman was the only casualty.", []),
    ],
)  # fmt: skip
def test_sentences_with_and_without_rare_gate_words_keep_their_mentions(
    sentence: str, mentions: list[tuple[str, int, bool]]
) -> None:
    for words in (None, casualties.gate_words(sentence)):
        found = casualties.find_mentions(sentence, 0, len(sentence), words=words)
        assert [(m.kind, m.number.value, m.added) for m in found] == mentions


_FAR_PARTS = ["12", "three", "residents", "of", "the", "town", "were", "are", "have", "been",
              "killed", "shot", "dead", "died", "and", "later", "succumbed", "who", "working",
              "tied", "up", "before", "being", "executed", "taken", "away", "kidnapped", "by",
              "gunmen", "bodies", "found", ",", "skilled", "undead", "in", "custody"]  # fmt: skip


@given(st.lists(st.sampled_from(_FAR_PARTS), min_size=1, max_size=12))
@example(["three", "residents", "of", "the", "town", "were", "killed"])
@example(["12", "men", "who", "were", "working", "there", "died"])
@example(["three", "skilled", "workers", "were", "undead"])
def test_a_far_verb_is_found_only_where_a_trigger_stem_follows_the_figure(parts: list[str]) -> None:
    text = "x " + " ".join(parts)
    stems = casualties.trigger_starts(text, 0, len(text))
    for num in numbers.find_numbers(text, 0, len(text)):
        later = [n for n in numbers.find_numbers(text, 0, len(text)) if n.start > num.start]
        if not any(start > num.end for start in stems):
            assert casualties.far_verb(text, num, len(text), later) is None


def test_a_figure_with_no_trigger_after_it_is_not_read_for_a_far_verb(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []

    def far_verb(*args: object) -> None:
        calls.append(1)

    monkeypatch.setattr(casualties, "far_verb", far_verb)
    sentence = "gunmen killed a driver near 12 shops on the main road."
    casualties.find_mentions(sentence, 0, len(sentence))
    assert calls == []
    sentence = "12 residents of the old quarter near the river were killed."
    assert [m.number.value for m in casualties.find_mentions(sentence, 0, len(sentence))] == [12]


def test_the_dated_gate_holds_the_earlier_event_and_day_before_stems() -> None:
    gates = casualty_modality._EARLIER_SET | casualty_modality._DAY_BEFORE_SET
    assert casualty_modality._GATE_SET == gates
    assert gates <= casualties.GATE_WORDS


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("the raid came two days after gunmen killed 10 soldiers.", "historical"),
        ("a guard was killed in the area the previous day.", "historical"),
        ("gunmen killed 10 soldiers after the raid.", None),
        ("ten soldiers were killed in the raid.", None),
    ],
)
def test_an_earlier_event_or_day_is_read_only_with_its_gate_words(
    sentence: str, modality: str | None
) -> None:
    for words in (None, casualties.gate_words(sentence)):
        found = casualties.find_mentions(sentence, 0, len(sentence), words=words)
        assert [m.modality for m in found] == [modality]


def test_the_total_gate_word_is_one_of_the_cumulative_gate_words() -> None:
    assert scopes._TOTAL_WORD in scopes.CUMULATIVE_GATE
    assert scopes._TOTAL.search("killed in total") is not None
    assert scopes._TOTAL.search("killed in all") is None


@pytest.mark.parametrize(
    ("sentence", "scope", "total"),
    [
        ("a total of 14 soldiers were killed in the raids.", "cumulative", True),
        ("in total, 14 soldiers were killed.", "cumulative", True),
        # a cumulative gate word ("war" in "warplanes") but no sum: one raid's dead
        ("warplanes killed 14 soldiers in the raid.", "incident", False),
        ("fighters killed 14 soldiers in the raid.", "incident", False),
    ],
)
def test_a_sum_is_read_only_where_its_gate_word_is(sentence: str, scope: str, total: bool) -> None:
    for words in (None, casualties.gate_words(sentence)):
        found = casualties.find_mentions(sentence, 0, len(sentence), words=words)
        assert [(m.scope, m.total) for m in found] == [(scope, total)]


_BREAK_PARTS = [",", ";", " ", "  ", "\n", "\u00a0", "bringing", "while", "meanwhile", "whereas",
                "and", "the", "and the", "with", "said", "says", "officials", "police", "adding",
                "awhile", "sand", "x", "2"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_BREAK_PARTS), max_size=14),
    st.sampled_from(["", " ", ", "]),
    st.integers(0, 6),
    st.integers(0, 6),
)
@example([",", "the", "police", "chief", "said"], " ", 0, 0)
@example(["x", "  ", "while", ";", "while"], "", 0, 0)
@example([",", "officials", "while", "said"], " ", 0, 0)
@example(["x", " ", "and the"], "", 2, 0)
def test_clause_breaks_start_where_the_break_pattern_finds_them(
    parts: list[str], gap: str, cut_lo: int, cut_hi: int
) -> None:
    text = gap.join(parts)
    lo, hi = min(cut_lo, len(text)), max(min(cut_lo, len(text)), len(text) - cut_hi)
    want = [m.start() for m in scopes._CLAUSE_BREAK.finditer(text, lo, hi)]
    assert scopes.clause_breaks(text, lo, hi) == want


def test_a_break_after_a_run_of_white_space_starts_at_its_first_space() -> None:
    assert scopes.clause_breaks("two died  \n while one fled", 0, 27) == [8]
    assert scopes.clause_breaks("two died; meanwhile, police said", 0, 32) == [8, 9, 19]
    assert scopes.clause_breaks("two died awhile ago", 0, 19) == []
