"""The gates of the one-victim rules skip only sentences their patterns cannot match."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Set

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from consumers.extraction import casualties, headline_grammar, pairs, victims
from consumers.extraction.triggers import Span, victim_span

# words of one-victim phrases and the gate words, joined at random into sentences
_PARTS = ["killed", "kills", "a", "an", "one", "another", "the", "his", "her", "man", "farmer",
          "police", "officer", "soldier", "and", "along with", "were", "was", "shot", "dead",
          "death", "to death", "of", "body", "found", "himself", "herself", "couple", "both",
          "plus", "bomber", "died", "later", "wounded", "arrested", "led to", "the killing of",
          "driver", "son", "lynches", "thief", "dies in", "gunned down", "leaving", ";", ":",
          "skilled", "Jonti Ali", "John", "in", "recovered", "caused", "a 30-year-old",
          "resulted in", "shooting", "discovered", "leading", "to", "nobody"]  # fmt: skip
_SEPARATORS = [" ", " ", " ", "  ", ", ", "\n"]


@st.composite
def _sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=18))
    gaps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(gap + word for gap, word in zip(gaps, words, strict=True)).lstrip(" ,")


class _InPart(Set[str]):
    """The words of ``part`` found by a plain search, as the rules read them before the
    scanner collected their gate words (it can be asked of any word, not listed)."""

    def __init__(self, part: str) -> None:
        self.part = part

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str) and item in self.part

    def __iter__(self) -> Iterator[str]:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def isdisjoint(self, other: Iterable[object]) -> bool:
        return not any(word in self for word in other)


def _spans(text: str, lo: int, words: Set[str] | None = None) -> list[Span]:
    low = text.lower()
    part = low[lo:]
    words = casualties.gate_words(part) if words is None else words
    return victims.find_spans(low, lo, len(low), text, part, words)


_EXAMPLES = [
    ("Gunmen killed the farmer in his field", ""),
    ("Mob lynches suspected thief; a couple were shot and killed", ""),
    ("A soldier and his driver were killed: his body was found", "Monday\n"),
    ("Militants killed Jonti Ali, leaving a guard dead plus the bomber", ""),
    ("It led to the killing of a man, and both were killed", "Police said. "),
    ("Woman killed in raid: the attack caused the death of a child", "Monday\n"),
    ("Gunmen opened fire on the guards, killing both.", ""),
    ("A lecturer along with her son were shot dead", ""),
]


@pytest.mark.parametrize(("sentence", "before"), _EXAMPLES)
def test_each_gated_rule_finds_its_example(sentence: str, before: str) -> None:
    text = before + sentence
    found = _spans(text, len(before))
    assert found
    assert found == _spans(text, len(before), _InPart(text.lower()[len(before) :]))


@given(_sentences(), st.sampled_from(["", "Police said. ", "Monday\n"]))
def test_find_spans_with_the_scanned_gate_words_finds_what_plain_search_finds(
    sentence: str, before: str
) -> None:
    text = before + sentence
    assert _spans(text, len(before)) == _spans(
        text, len(before), _InPart(text.lower()[len(before) :])
    )


@given(_sentences())
@example("his body was found after a raid caused the death  of a man")
@example("he killed himself")
@example("his bodyguard was killed and he killed himself")
@example("a bodyguard was killed")
@example("nobody was hurt and the death of a man was mourned")  # neither part searched
@example("the shooting death of a man and his body was found")  # both
@example("it led\nto the death of a man")
@example("police said the body of a man was discovered, he killed himself")
def test_one_death_pattern_finds_what_the_whole_pattern_finds(sentence: str) -> None:
    low = sentence.lower()
    pattern = victims._one_death_pattern(casualties.gate_words(low), low, 0, len(low))
    want = [m.span() for m in victims._ONE_DEATH.finditer(low)]
    if pattern is None:
        assert not want
        return
    assert [m.span() for m in pattern.finditer(low)] == want


_PAIR_WITHOUT_AHEAD = re.compile(pairs._PAIR.pattern.replace(pairs._PAIR_AHEAD, "", 1))


@given(_sentences())
def test_pair_look_ahead_changes_no_match(sentence: str) -> None:
    low = sentence.lower()
    assert pairs._PAIR_AHEAD in pairs._PAIR.pattern
    want = [(m.span(), m.groupdict()) for m in _PAIR_WITHOUT_AHEAD.finditer(low)]
    assert [(m.span(), m.groupdict()) for m in pairs._PAIR.finditer(low)] == want


_HEAD_SUBJECT_BACKTRACKING = re.compile(
    headline_grammar._HEAD_SUBJECT.pattern.replace("++", "+").replace("*+", "*")
)


@given(_sentences())
@example("Police officer shot dead by gunmen")
@example("A woman reportedly killed in her home")
def test_head_subject_without_backtracking_matches_as_before(sentence: str) -> None:
    low = sentence.lower()
    want = _HEAD_SUBJECT_BACKTRACKING.match(low)
    got = headline_grammar._HEAD_SUBJECT.match(low)
    assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


@given(st.text(alphabet="abdeghiklnorstuwy ", max_size=14))
def test_verb_ends_by_tail_answer_as_all_verb_ends(text: str) -> None:
    for pos in range(len(text) + 1):
        for lo in range(pos + 1):
            tail = victims._VERB_ENDS_BY_TAIL.get(text[pos - 2 : pos])
            got = tail is not None and text.endswith(tail, lo, pos)
            assert got == text.endswith(victims._VERB_ENDS, lo, pos)


def test_headline_gate_words_reach_the_scanner() -> None:
    assert headline_grammar.GATE_WORDS <= victims.GATE_WORDS <= casualties.GATE_WORDS


def _word_ends_of_every_target(
    low: str, lo: int, hi: int, targets: tuple[str, ...], at_space: bool
) -> list[int]:
    """``victims._word_ends`` with each target searched, whatever the sentence's words."""
    ends = []
    for word in targets:
        pos = low.find(word, lo, hi)
        while pos != -1:
            end = pos + len(word)
            if (end == len(low) or not low[end].isalnum()) and (
                not at_space or pos == 0 or low[pos - 1] == " "
            ):
                ends.append(end)
            pos = low.find(word, end, hi)
    return ends


@given(_sentences(), st.booleans())
@example("the driver later died of his wounds", True)
@example("a guard was left dead, beaten to death", False)
@example("the deadline passed", False)
def test_word_ends_gate_skips_only_sentences_without_a_target(
    sentence: str, at_space: bool
) -> None:
    low = sentence.lower()
    words = casualties.gate_words(low)
    for targets in (victims._DIED_WORDS, victims._DEAD_WORDS):
        want = _word_ends_of_every_target(low, 0, len(low), targets, at_space)
        assert victims._word_ends(low, 0, len(low), targets, words, at_space) == want


@given(_sentences())
@example("Militants killed Jonti Ali and shot dead John Doe")
@example("Gunmen shot dead John Doe")
@example("Police killed the suspect")
def test_named_objects_gate_skips_only_sentences_without_a_naming_verb(sentence: str) -> None:
    low = sentence.lower()
    every_word = casualties.GATE_WORDS  # each verb then searched, as with no gate
    assert victims._named_objects(low, 0, len(low), sentence, casualties.gate_words(low)) == (
        victims._named_objects(low, 0, len(low), sentence, every_word)
    )


@given(_sentences())
@example("the raid led to the killing of a member")
@example("gunmen killed and mutilated a guard and a driver")
@example("the killing of a man was condemned")
def test_marked_spans_find_what_each_mark_searched_alone_finds(sentence: str) -> None:
    low = sentence.lower()
    want = [s for mark in victims._KILLING_OF
            for s in victims._marked(low, 0, len(low), mark, victims._CAUSED_KILLING)]  # fmt: skip
    for mark in victims._KILLED_AND:
        found = victims._marked(low, 0, len(low), mark, victims._KILLED_AND_DONE)
        want += [pairs.and_one_more(low, len(low), s) for s in found]
    words = casualties.gate_words(low)
    got = (
        victims._marked_spans(low, 0, len(low), words)
        if not words.isdisjoint(victims._MARKS)
        else []
    )
    assert got == want


@given(_sentences(), st.sampled_from(["", "\t", "\u00a0", "  "]), st.integers(0, 6))
@example("Gunmen killed the guard", "", 0)
@example("Gunmen killed\u00a0him", "", 0)
@example("they were killing her", "", 0)
@example("the man was killed in the raid", "", 0)
@example("a skilled thief", "", 0)
def test_kill_gate_skips_only_sentences_the_object_regex_cannot_match(
    sentence: str, gap: str, cut: int
) -> None:
    low = sentence.lower().replace(" ", gap or " ", 1)
    hi = max(0, len(low) - cut)
    for lo in (0, min(hi, 3)):
        if not victims._kill_may_take(low, lo, hi, _InPart(low[lo:hi])):
            assert victims._THE_OBJECT.search(low, lo, hi) is None


def test_kill_gate_opens_before_an_object_and_skips_kill_then_a_preposition() -> None:
    low = "two raiders killed the farmer"
    assert victims._kill_may_take(low, 0, len(low), _InPart(low))
    low = "a farmer was killed in the raid and two were killed by gunmen"
    assert not victims._kill_may_take(low, 0, len(low), _InPart(low))
    assert victims._THE_OBJECT.search(low) is None


_NAME_PARTS = ["Ali", "Khan", "ali", "A.", "O'Neil", "al-Amin", "(30)", "30", ",", "the", "(",
               '"', "man", "Police", "said"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_NAME_PARTS), max_size=7),
    st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", ""]),
    st.sampled_from([" ", "", "\n", " \n", ", "]),
)
@example(["Ali", "Khan"], " ", " ")
@example(["Ali", "Khan", "(30)"], " ", "")
@example(["Ali", "Khan", ",", "30", ","], " ", " ")
def test_named_gate_skips_only_texts_the_name_regex_cannot_match(
    parts: list[str], gap: str, tail: str
) -> None:
    text = gap.join(parts) + tail
    if not victims._may_end_named(text, 0, len(text)):
        assert victims._NAMED.search(text + "was killed", 0, len(text)) is None


def test_named_gate_opens_after_a_capitalised_word_only() -> None:
    assert victims._may_end_named("Police said Ali Khan ", 0, 21)
    assert not victims._may_end_named("Police said a farmer ", 0, 21)


def _bare_objects_of_every_match(low: str, lo: int, hi: int) -> list[Span]:
    """``headline_grammar._bare_objects`` with the regex run whatever the words it reads."""
    spans = []
    for obj in headline_grammar._BARE_OBJECT.finditer(low, lo, hi):
        words = obj.group("np").split()
        if (
            obj.start() > 0
            and low[obj.start() - 1].isalpha()
            or words[0] in (headline_grammar._NOT_BARE)
        ):
            continue
        passive = low.endswith(headline_grammar._PASSIVE, lo, obj.start())
        if obj.group("killed") == "killed" and passive:
            continue
        if words[-1] in headline_grammar.ONE_VICTIM_NOUNS and not low.endswith(
            headline_grammar._NOT_BARE_BEFORE, lo, obj.start()
        ):
            spans.append((obj.start(), obj.end()))
    return spans


_HEADLINE_PARTS = ["kills", "kill", "killed", "killer", "skills", "lynches", "lynch", "lynched",
                   "beheads", "behead", "a", "an", "another", "the", "was", "is", "been", "man",
                   "young", "thief", "suspected", "herder", "in", "by", "two", "shot", "dead",
                   "dies", "burnt", "to", "death", "reportedly", "stabbed", "and", "mob", "'",
                   "\"", "(", "-", ",", "woman", "nearly", "kill-", "_kills"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_HEADLINE_PARTS), min_size=1, max_size=12),
    st.sampled_from([" ", "  ", "\t", "\u00a0", "\n", ""]),
    st.integers(0, 8),
    st.integers(0, 4),
)
@example(["mob", "lynches", "suspected", "thief"], " ", 0, 0)
@example(["a", "man", "was", "killed", "in", "a", "raid"], " ", 0, 0)
@example(["skills", "man"], " ", 0, 0)
@example(["raiders", "kill", "herder"], " ", 2, 0)
def test_bare_gate_skips_only_sentences_with_no_bare_object_kept(
    parts: list[str], gap: str, cut: int, lo: int
) -> None:
    low = gap.join(parts)
    hi = max(0, len(low) - cut)
    lo = min(lo, hi)
    want = _bare_objects_of_every_match(low, lo, hi)
    assert [s[:2] for s in headline_grammar._bare_objects(low, lo, hi)] == want
    if not headline_grammar._may_keep_bare(low, lo, hi):
        assert want == []


def test_bare_gate_opens_at_a_bare_object_only() -> None:
    low = "mob lynches suspected thief"
    assert headline_grammar._may_keep_bare(low, 0, len(low))
    assert headline_grammar._bare_objects(low, 0, len(low))
    for low in ("a man was killed in a raid", "gunmen kills a farmer", "his skills man"):
        assert not headline_grammar._may_keep_bare(low, 0, len(low))


def _head_subject_of_every_match(low: str, lo: int, hi: int) -> list[Span]:
    """``headline_grammar._headline_subject`` with the regex run at every sentence."""
    match = headline_grammar._HEAD_SUBJECT.match(low, lo, hi)
    if match is None:
        return []
    words = match.group("np").split()
    if words[-1] not in headline_grammar.ONE_VICTIM_NOUNS or (
        headline_grammar._NOT_HEAD_WORDS.intersection(words)
    ):
        return []
    return [victim_span(match, lo)]


@given(
    st.lists(st.sampled_from(_HEADLINE_PARTS), min_size=1, max_size=12),
    st.sampled_from([" ", "  ", "\t", "\u00a0", "\n"]),
    st.integers(0, 8),
)
@example(["young", "man", "killed", "in", "raid"], " ", 0)
@example(["a", "young", "man", "was", "killed"], " ", 0)
@example(["woman", "burnt", "to", "death"], " ", 0)
@example(["'", "thief", "reportedly", "stabbed", "to", "death"], "", 0)
def test_subject_gate_skips_only_sentences_with_no_subject_kept(
    parts: list[str], gap: str, cut: int
) -> None:
    low = gap.join(parts)
    hi = max(0, len(low) - cut)
    want = _head_subject_of_every_match(low, 0, hi)
    assert headline_grammar._headline_subject(low, 0, hi) == want
    if not headline_grammar._may_keep_subject(low, 0, hi):
        assert want == []


def test_subject_gate_opens_before_a_verb_and_skips_a_passive() -> None:
    low = "young man killed in raid"
    assert headline_grammar._may_keep_subject(low, 0, len(low))
    assert headline_grammar._headline_subject(low, 0, len(low))
    low = "a young man was killed in a raid"
    assert not headline_grammar._may_keep_subject(low, 0, len(low))
    assert headline_grammar._HEAD_SUBJECT.match(low) is not None  # "young man was killed"


def _tails_of_the_whole_pattern(low: str, lo: int, hi: int) -> list[tuple[object, ...]]:
    """Each match of ``victims._SINGULAR_TAIL`` at "was ", " is " and "been ", in order."""
    tails = []
    for word in ("was ", " is ", "been "):
        pos = low.find(word, lo, hi)
        while pos != -1:
            tail = victims._SINGULAR_TAIL.match(low, pos + (word[0] == " "), hi)
            if tail is not None:
                tails.append((tail.span(), tail.groupdict(), tail.span("killed")))
            pos = low.find(word, pos + 1, hi)
    return sorted(tails, key=lambda t: t[0])  # type: ignore[arg-type,return-value]


_TAIL_PARTS = ["was", "is", "been", "has", "a", "man", "shot", "and", "killed", "attacked",
               "sexually", "assaulted", "later", "then", "by", "gunmen", "police", "hit", "stray",
               "bullet", "pronounced", "dead", "died", "wounded", "band", "and,", "handed",
               "succumbed", "brutally", "beaten", "to", "death", "arrested", "in"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_TAIL_PARTS), min_size=1, max_size=14),
    st.sampled_from([" ", "  ", "\n", "\u00a0", ", "]),
    st.integers(0, 6),
)
@example(["a", "man", "was", "attacked", "and", "killed"], " ", 0)
@example(["a", "man", "was", "attacked", "and"], " ", 0)
@example(["he", "was", "killed", "and", "his", "son", "was", "hurt"], " ", 0)
@example(["was", "shot", "band", "killed"], " ", 0)
def test_tails_without_an_and_after_match_as_the_whole_pattern(
    parts: list[str], gap: str, cut: int
) -> None:
    low = gap.join(parts)
    hi = max(0, len(low) - cut)
    got = [
        (t.span(), t.groupdict(), t.span("killed"))
        for t in victims._tails(low, 0, hi, victims._COMMON_KEYS.find(low[:hi]))
    ]
    assert got == _tails_of_the_whole_pattern(low, 0, hi)


def test_tail_without_and_is_tried_only_after_the_last_and() -> None:
    low = "a man was attacked and killed"
    assert victims._last_and(low, 0, len(low)) == low.index(" and") + 1
    assert (
        victims._tails(low, 0, len(low), victims._COMMON_KEYS.find(low))[0].group()
        == "was attacked and killed"
    )
    low = "the man was killed"
    assert victims._last_and(low, 0, len(low)) == -1
    assert victims._TAIL_WITHOUT_AND.match(low, low.index("was")) is not None


@given(st.text(max_size=12), st.integers(0, 12))
@example("kill\u00e9d man", 0)
@example("o'neil-2_x\u00e9\u2019s", 0)
def test_letter_and_word_end_codes_answer_as_the_methods_and_the_regex(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    for i, char in enumerate(text):
        assert headline_grammar._is_letter(text, i) is char.isalpha()
    run = re.compile(r"[\w'-]*").match(text, pos)
    assert run is not None
    assert headline_grammar._word_end(text, pos, len(text)) == run.end()


def _object_gates_by_find(low: str, lo: int, hi: int) -> list[int]:
    """The verb ends before " a ", " an ", " one ", " another", found with ``str.find`` per
    word, as the rule found them before one automaton pass gave their places."""
    ends = []
    for word in victims._OBJECT_WORDS:
        pos = low.find(word, lo, hi)
        while pos != -1:
            verb_ends = victims._VERB_ENDS_BY_TAIL.get(low[pos - 2 : pos])
            if verb_ends is not None and low.endswith(verb_ends, lo, pos):
                ends.append(pos)
            pos = low.find(word, pos + 1, hi)
    return sorted(ends)


def _tails_by_find(low: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of the tails after each "was ", " is ", "been ", found with ``str.find``."""
    tails = []
    for word in victims._TAIL_WORDS:
        pos = low.find(word, lo, hi)
        while pos != -1:
            start = pos + (word[0] == " ")
            tail = victims._SINGULAR_TAIL.match(low, start, hi)
            if tail is not None:
                tails.append(tail.span())
            pos = low.find(word, pos + 1, hi)
    return sorted(tails)


_COMMON_PARTS = ["killed", "shot", "dead", "a", "an", "another", "one", "anothers", "was",
                 "wasn't", "is", "island", "been", "beens", "man", "killing", "an", "slew",
                 "machete", "the", "caf\u00e9", "\u0432\u043e\u0439\u043d\u0430",
                 "and"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_COMMON_PARTS), min_size=1, max_size=14),
    st.sampled_from([" ", "  ", "\n", " "]),
    st.integers(0, 8),
    st.integers(0, 8),
)
@example(["killed", "a", "man", "who", "was", "killed"], " ", 0, 0)
@example(["a", "is", "is", "an", "another", "one"], " ", 0, 0)
def test_the_common_words_of_one_pass_are_those_each_find_loop_finds(
    parts: list[str], gap: str, cut_start: int, cut_end: int
) -> None:
    low = gap.join(parts)
    lo, hi = min(cut_start, len(low)), max(min(cut_start, len(low)), len(low) - cut_end)
    common = victims._COMMON_KEYS.find(low[lo:hi])
    assert victims._object_gates(low, lo, common) == _object_gates_by_find(low, lo, hi)
    assert [t.span() for t in victims._tails(low, lo, hi, common)] == _tails_by_find(low, lo, hi)


def test_one_pass_finds_overlapping_words_and_the_tails_after_them() -> None:
    low = "police said a man is is believed was killed and one was shot dead"
    common = victims._COMMON_KEYS.find(low)
    words = [(victims._TAIL_WORDS + victims._OBJECT_WORDS)[key] for key, _, _ in common]
    assert words.count(" is ") == 2 and words.count(" a ") == 1 and words.count(" one ") == 1
    assert [t.group() for t in victims._tails(low, 0, len(low), common)] == [
        "was killed",
        "was shot dead",
    ]


_SENTENCE_PARTS = ["both", "both of", "them", "themselves", "were", "werewolf", "died", "dying",
                   "succumbed", "succumbing", "was", "is", "a", "an", "one", "killed", "man",
                   "two", "Two", "caf\u00e9"]  # fmt: skip


@given(st.lists(st.sampled_from(_SENTENCE_PARTS), max_size=12), st.sampled_from([" ", "  ", ", "]))
@example(["two", "were", "killed", "both", "died"], " ")
def test_the_sentence_words_told_by_one_pass_are_those_each_in_test_finds(
    parts: list[str], gap: str
) -> None:
    part = gap.join(parts).lower()
    common = casualties._SENTENCE_KEYS.find(part)
    told = casualties._told(common)
    assert bool(told & casualties._BOTH) is (" both " in part)
    assert bool(told & casualties._THEM) is (" them" in part)
    assert bool(told & casualties._WERE) is (" were " in part)
    assert bool(told & casualties._DIED) is any(
        word in part for word in casualties._DIED_OF_WOUNDS_WORDS
    )
    # the one-victim words first, as ``victims`` reads them from its own automaton
    own = victims._COMMON_KEYS.find(part)
    assert sorted(m for m in common if m[0] < len(victims.COMMON_WORDS)) == sorted(own)
    spans = victims.find_spans(part, 0, len(part), "", part, casualties.gate_words(part))
    given = victims.find_spans(part, 0, len(part), "", part, casualties.gate_words(part), common)
    assert given == spans


def test_the_sentence_words_found_in_one_pass_still_tie_both_and_died() -> None:
    low = "gunmen stormed the post, killing both guards and five policemen"
    found = casualties.find_mentions(low, 0, len(low))
    assert [(m.kind, m.number.value, m.trigger, m.added) for m in found] == [
        ("killed", 5, (25, 32), False),
        ("killed", 2, (25, 32), True),
    ]
    low = "three soldiers were wounded in the blast and one of them later died"
    found = casualties.find_mentions(low, 0, len(low))
    assert [(m.kind, m.number.value) for m in found] == [("wounded", 3), ("killed", 1)]
