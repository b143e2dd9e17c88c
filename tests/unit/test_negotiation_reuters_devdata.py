"""The Reuters negotiation set's builder: its story reader, snippets, pool, selection and labels."""

from __future__ import annotations

import json

from tests.support.devdata import DEVDATA, load_script

build = load_script("build_negotiation_reuters")


def conll(*sentences: str) -> str:
    """Sentences as a CoNLL file: one token a line with three made-up tag columns."""
    return "".join("".join(f"{w} NN O O\n" for w in s.split()) + "\n" for s in sentences)


def story(headline: str, lead: str, city: str = "KABUL") -> str:
    return "-DOCSTART- -X- O O\n\n" + conll(headline, f"{city} 1996-08-22", lead, "More text .")


def test_tokens_are_joined_back_into_text() -> None:
    tokens = 'The envoy said " we are close , " and Kabul \'s ( northern ) road reopened .'
    assert build.detokenize(tokens.split()) == (
        'The envoy said "we are close," and Kabul\'s (northern) road reopened.'
    )
    assert build.detokenize("Talks do n't resume .".split()) == "Talks don't resume."


def test_stories_split_at_each_docstart_and_keep_their_sentences() -> None:
    raw = story("Rebels sign truce .", "They signed a truce .") + story("Rain .", "It rained .")
    stories = build.documents(raw)
    assert len(stories) == 2
    assert stories[0][0] == ["Rebels", "sign", "truce", "."]


def test_the_snippet_is_the_headline_and_the_first_sentence_after_the_dateline() -> None:
    raw = "-DOCSTART- -X- O O\n\n" + conll(
        "Envoys meet .", "John Smith", "GENEVA 1996-08-30", "The envoys met on Friday .", "Later ."
    )
    assert build.snippet(build.documents(raw)[0]) == (
        "Envoys meet.",
        "The envoys met on Friday.",
        "GENEVA 1996-08-30",
    )


def test_a_story_without_a_dateline_or_a_lead_has_no_snippet() -> None:
    assert build.snippet(build.documents(conll("Table .", "1 2 3 ."))[0]) is None
    assert build.snippet(build.documents(conll("Brief .", "PARIS 1996-08-30"))[0]) is None


def test_desk_stories_and_repeats_are_left_out_of_the_pool() -> None:
    lead = "The two sides agreed to hold talks next week ."
    raw = (
        story("Sides agree to talks .", lead)
        + story("SOCCER - Rovers agree deal .", "Rovers agreed a deal with a striker .")
        + story("Sides agree to talks .", lead, city="MOSCOW")
        + story("Farmers protest .", "Farmers marched on Friday .")
        + story("Sides sign truce - agency .", "The sides signed a truce on Friday .")
    )
    assert set(build.stories({"f": raw})) == {"f#1", "f#4", "f#5"}


def test_selection_takes_keyword_stories_draws_others_and_then_reads_the_rest() -> None:
    pool = {f"f#{i}": (f"Story {i}.", "The harvest was good.", "") for i in range(1, 201)}
    pool |= {f"f#{i}": (f"Story {i}.", "The sides held talks.", "") for i in range(201, 206)}
    picked = build.selected(pool)
    worded = {f"f#{i}" for i in range(201, 206)}
    assert {i for i, why in picked.items() if why == "keyword"} == worded
    assert sum(why == "sample" for why in picked.values()) == build.OTHERS
    assert set(picked) == set(pool)
    assert picked == build.selected(dict(reversed(pool.items())))


def test_the_split_is_a_stable_hash_of_the_story() -> None:
    assert build.split_of("eng_train#17") == build.split_of("eng_train#17")
    assert {build.split_of(f"eng_train#{i}") for i in range(40)} == {"dev", "test"}


def test_the_committed_labels_cover_both_halves_with_typed_positives() -> None:
    manifest = json.loads((DEVDATA / "sources_negotiation_reuters.json").read_text("utf-8"))
    assert [s["key"] for s in manifest["sources"]] == ["eng_train", "eng_testa", "eng_testb"]
    labels = build.read_labels()
    assert len(labels) == 804
    assert {label for label, _, _ in labels.values()} == {0, 1}
    assert all((kind != "-") == (label == 1) for label, kind, _ in labels.values())
    assert {build.split_of(ident) for ident in labels} == {"dev", "test"}
