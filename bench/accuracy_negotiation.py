"""Negotiation flag accuracy on real text: ACLED event notes and wire news snippets.

    python bench/accuracy_negotiation.py [--data .devdata] [--dev-only]

Build the corpora first with ``make devdata-negotiation`` (provenance in
``scripts/devdata/sources_negotiation*.json``). Prints precision, recall and F1 of "is this a
negotiation development" on the dev split (tuned on) and the untuned test split, for the rules
(the extractor's summary flag: an asserted negotiation event), the shipped sentence model (on
sentences with a negotiation cue), the rules with the model's developments in cued sentences
where the rules found no event, the rules with the model's veto (a flag dropped when every cued
sentence carrying a rule event scores below :data:`VETO_THRESHOLD`; an experiment, not wired
into the extractor), and a four-line keyword regex baseline; then how many of the
project's news-style cases with the flag set each method flags. Each split is shown with its
natural prior and as two balanced views (every positive, as many negatives; see :func:`views`).
Then the same for the two news sets (AG News wire snippets of 2004-05,
``build_negotiation_news.py``; HuffPost headlines and summaries of 2018-22,
``build_negotiation_huffpost.py``; labels the project's own; see :func:`news_table`), whole and
their World section alone; the mined set (snippets where the rules and the keyword regex
disagreed, ``build_negotiation_mined.py``: dev only, it was picked with the rules' output),
whole and without its ABC headlines; the fresh set (world and politics snippets of 2004-19
picked by keyword and at random, ``build_negotiation_fresh.py``), whole and its keyword-picked
part; the WorldPost set (HuffPost world stories of 2012-18 picked the same way,
``build_negotiation_worldpost.py``), whole and its keyword-picked part; the Reuters set
(newswire leads of 1996 picked the same way, ``build_negotiation_reuters.py``), whole and its
keyword-picked part; the VOA set (Voice of America news sentences of the 2000s picked by keyword
and at random, ``build_negotiation_voa.py``), whole and its keyword-picked part; the Gaza set
(Google News headlines of the Israel-Hamas war, 2023-24, picked the same way,
``build_negotiation_gaza.py``), whole and its keyword-picked part; the world-headlines set
(Reddit-posted world news headlines of 2021-22, the first months of the war in Ukraine, picked
the same way, ``build_negotiation_worldheadlines.py``), whole and its keyword-picked part; the
Gaza outlets set (CNN key points, WSJ and BBC headlines of the Gaza war,
``build_negotiation_gazaoutlets.py``), whole and its keyword-picked part; the Sudan set (Google
News headlines of the war in Sudan, 2025, picked the same way, ``build_negotiation_sudan.py``),
whole and its keyword-picked part; the India and Iran sets (Google News headlines found with
'India', May-July 2025, the India-Pakistan cease-fire, and 'Iran', April-May 2025, the US-Iran
nuclear talks, picked the same way, ``build_negotiation_india.py``, ``build_negotiation_iran.py``),
each whole and its keyword-picked part; the US set (Google News headlines found with 'United
States', April-May and late June-July 2025, many conflicts' truces and talks among trade talks,
picked the same way, ``build_negotiation_us.py``), whole and its keyword-picked part; the type
accuracy on every news set whose labels are typed, and pooled (:func:`type_table`); and the
news sets with both halves pooled (:func:`pooled_table`). ``--dev-only`` leaves out every untuned
split, for runs made while tuning.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from consumers.extraction import extract, scanner  # noqa: E402
from consumers.extraction.classifier import cued_sentences, model  # noqa: E402
from consumers.extraction.evaluate import expected_summary, load_corpus  # noqa: E402
from consumers.extraction.sentences import SentenceIndex  # noqa: E402

BASELINE = re.compile(
    r"\b(?:cease-?\s?fire|truce|peace\s+(?:talks|deal|agreement|accord)|agreement|negotiat\w*|"
    r"prisoner\s+(?:exchange|swap)|(?:released|freed)\s+(?:\w+\s+){0,3}(?:hostages|prisoners))\b",
    re.IGNORECASE,
)


def rules(text: str) -> bool:
    return extract(text).summary.negotiation


def learned(text: str, wider: str = "") -> bool:
    """The sentence model alone: a cued sentence of ``text`` scores above its threshold."""
    m = model()
    return any(m.is_development(sentence) for sentence, _ in cued_sentences(text, wider))


def added(text: str, wider: str = "") -> bool:
    """A development the model adds: a cued sentence of ``text`` in which the rules find no
    event scores above the model's (higher) threshold for added developments."""
    m = model()
    return any(
        not found and m.score(sentence) > m.added_threshold
        for sentence, found in cued_sentences(text, wider)
    )


def combined(text: str) -> bool:
    return rules(text) or added(text)


# the veto's threshold (log-odds, p 0.0003): the best pooled news F1 in the grouped CV of
# ``train_negotiation.py --cv`` (out-of-fold scores on the dev halves)
VETO_THRESHOLD = -8.0


def kept(cued: list[tuple[str, bool]]) -> bool:
    """The rules' flag survives the model's veto: no cued sentence carries a rule event, or one
    that does scores at least :data:`VETO_THRESHOLD`."""
    m = model()
    found = [m.score(sentence) for sentence, event in cued if event]
    return not found or max(found) >= VETO_THRESHOLD


def veto(text: str) -> bool:
    return rules(text) and kept(cued_sentences(text))


def baseline(text: str) -> bool:
    return BASELINE.search(text) is not None


METHODS: dict[str, Callable[[str], bool]] = {
    "keyword regex (baseline)": baseline,
    "rules (extractor flag)": rules,
    "sentence model": learned,
    "rules + model (cued sentences with no rule event)": combined,
    f"rules, model veto (t={VETO_THRESHOLD:g})": veto,
}
CORPORA = ("extraction_corpus", "extraction_heldout", "extraction_heldout2")


def news_flag_recall() -> None:
    """How many of the project's news-style cases with the flag set each method flags."""
    data = Path(__file__).resolve().parents[1] / "tests/data"
    for name in CORPORA:
        cases = [c for c in load_corpus(data / f"{name}.jsonl") if "negotiations" in c["expect"]]
        flagged = [c["text"] for c in cases if expected_summary(c["expect"])["negotiation"]]
        found = {label: sum(method(t) for t in flagged) for label, method in METHODS.items()}
        counts = ", ".join(f"{label} {n}" for label, n in found.items())
        print(f"  {name}: {len(flagged)} cases with the flag set; flagged by {counts}")


def scores(
    items: list[dict[str, object]], method: Callable[[dict[str, object]], bool]
) -> tuple[float, ...]:
    """Precision, recall, F1 and the true/false positive counts of ``method`` on the items."""
    tp = fp = fn = 0
    for item in items:
        got, want = method(item), item["label"] == 1
        tp += got and want
        fp += got and not want
        fn += want and not got
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, fp


def _on_text(method: Callable[[str], bool]) -> Callable[[dict[str, object]], bool]:
    """``method`` applied to an item's text."""
    return lambda item: method(str(item["text"]))


def _news_rules(item: dict[str, object]) -> bool:
    """The extractor's flag for a feed item: the summary as text, the headline as title."""
    return extract(str(item["text"]), title=str(item["title"])).summary.negotiation


def _news_joined(item: dict[str, object]) -> bool:
    """The flag when headline and summary come as one text (headline on its own line)."""
    return extract(f"{item['title']}\n{item['text']}").summary.negotiation


def _news_text(item: dict[str, object]) -> str:
    return f"{item['title']}\n{item['text']}"


NEWS_METHODS: dict[str, Callable[[dict[str, object]], bool]] = {
    "keyword regex (baseline)": lambda item: baseline(_news_text(item)),
    "rules (title + summary)": _news_rules,
    "rules (one text)": _news_joined,
    "sentence model": lambda item: learned(str(item["title"])) or learned(str(item["text"])),
    "rules + model (cued sentences with no rule event)": lambda item: (
        _news_rules(item)
        or added(str(item["title"]), str(item["text"]).lower()[:400])
        or added(str(item["text"]), str(item["title"]).lower())
    ),
    f"rules, model veto (t={VETO_THRESHOLD:g})": lambda item: (
        _news_rules(item)
        and kept(
            cued_sentences(str(item["title"]), str(item["text"]).lower()[:400])
            + cued_sentences(str(item["text"]), str(item["title"]).lower())
        )
    ),
}


NEWS_SETS: dict[str, tuple[str, str, Callable[[dict[str, object]], bool]]] = {
    # stem: (manifest, labels, World-section test; for the mined set, the wire and web snippets)
    "negotiation_news": (
        "sources_negotiation_news.json",
        "negotiation_news_labels.tsv",
        lambda item: item["ag_news_class"] == 1,
    ),
    "negotiation_huffpost": (
        "sources_negotiation_huffpost.json",
        "negotiation_huffpost_labels.tsv",
        lambda item: item["section"] == "WORLD NEWS",
    ),
    "negotiation_mined": (
        "sources_negotiation_mined.json",
        "negotiation_mined_labels.tsv",
        lambda item: item["section"] != "abc",
    ),
    "negotiation_fresh": (
        "sources_negotiation_fresh.json",
        "negotiation_fresh_labels.tsv",
        lambda item: item["selection"] == "keyword",
    ),
    "negotiation_worldpost": (
        "sources_negotiation_worldpost.json",
        "negotiation_worldpost_labels.tsv",
        lambda item: item["selection"] == "keyword",
    ),
    "negotiation_reuters": (
        "sources_negotiation_reuters.json",
        "negotiation_reuters_labels.tsv",
        lambda item: item["selection"] == "keyword",
    ),
    "negotiation_voa": (
        "sources_negotiation_voa.json",
        "negotiation_voa_labels.tsv",
        lambda item: item["selection"] == "keyword",
    ),
    "negotiation_gaza": (
        "sources_negotiation_gaza.json",
        "negotiation_gaza_labels.tsv",
        lambda item: item["selection"] == "keyword",
    ),
    "negotiation_worldheadlines": (
        "sources_negotiation_worldheadlines.json",
        "negotiation_worldheadlines_labels.tsv",
        lambda item: item["selection"] == "keyword",
    ),
    "negotiation_gazaoutlets": (
        "sources_negotiation_gazaoutlets.json",
        "negotiation_gazaoutlets_labels.tsv",
        lambda item: item["selection"] == "keyword",
    ),
    "negotiation_sudan": (
        "sources_negotiation_sudan.json",
        "negotiation_sudan_labels.tsv",
        lambda item: item["selection"] == "keyword",
    ),
    "negotiation_india": (
        "sources_negotiation_india.json",
        "negotiation_india_labels.tsv",
        lambda item: item["selection"] == "keyword",
    ),
    "negotiation_iran": (
        "sources_negotiation_iran.json",
        "negotiation_iran_labels.tsv",
        lambda item: item["selection"] == "keyword",
    ),
    "negotiation_us": (
        "sources_negotiation_us.json",
        "negotiation_us_labels.tsv",
        lambda item: item["selection"] == "keyword",
    ),
}
# sets with a dev half only (mined with the rules' output), and the name of their second view
DEV_ONLY = frozenset({"negotiation_mined"})
SECOND_VIEW = {
    "negotiation_mined": "wire and web (no ABC headline)",
    "negotiation_fresh": "keyword-picked",
    "negotiation_worldpost": "keyword-picked",
    "negotiation_reuters": "keyword-picked",
    "negotiation_voa": "keyword-picked",
    "negotiation_gaza": "keyword-picked",
    "negotiation_worldheadlines": "keyword-picked",
    "negotiation_gazaoutlets": "keyword-picked",
    "negotiation_sudan": "keyword-picked",
    "negotiation_india": "keyword-picked",
    "negotiation_iran": "keyword-picked",
    "negotiation_us": "keyword-picked",
}


def news_table(data: Path, stem: str, splits: tuple[str, ...] = ("dev", "test")) -> None:
    """P/R/F1 on one news set's dev and untuned halves, whole and World section alone."""
    manifest, labels, in_world = NEWS_SETS[stem]
    if stem in DEV_ONLY:
        splits = ("dev",)
    devdata = Path(__file__).resolve().parents[1] / "scripts/devdata"
    for source in json.loads((devdata / manifest).read_text(encoding="utf-8"))["sources"]:
        where = f"{source['repo']}/{source['path']}@{source['commit'][:12]}"
        print(f"News set: {where} (labels the project's own: {labels})")
    print("| split | view | snippets | positives | method | precision | recall | F1 | TP | FP |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for split in splits:
        path = data / f"{stem}_{split}.jsonl"
        if not path.exists():
            print(f"{path} missing: run make devdata-negotiation")
            return
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        name = "dev (tuned)" if split == "dev" else "test (untuned)"
        world = [i for i in items if in_world(i)]
        second = SECOND_VIEW.get(stem, "World section")
        for view, part in (("all sections", items), (second, world)):
            positives = sum(int(i["label"] == 1) for i in part)
            for label, method in NEWS_METHODS.items():
                p, r, f, tp, fp = scores(part, method)
                print(f"| {name} | {view} | {len(part)} | {positives} | {label} | {p:.2f} "
                      f"| {r:.2f} | {f:.2f} | {tp} | {fp} |")  # fmt: skip


def pooled_table(data: Path, splits: tuple[str, ...]) -> None:
    """P/R/F1 over the news sets that have both halves, pooled (every snippet counts once)."""
    stems = [stem for stem in NEWS_SETS if stem not in DEV_ONLY]
    print(f"Pooled news sets ({', '.join(stems)}):")
    print("| split | snippets | positives | method | precision | recall | F1 | TP | FP |")
    print("|---|---|---|---|---|---|---|---|---|")
    for split in splits:
        paths = [data / f"{stem}_{split}.jsonl" for stem in stems]
        lines = [line for path in paths for line in path.read_text(encoding="utf-8").splitlines()]
        items = [json.loads(line) for line in lines]
        name = "dev (tuned)" if split == "dev" else "test (untuned)"
        positives = sum(int(i["label"] == 1) for i in items)
        for label, method in NEWS_METHODS.items():
            p, r, f, tp, fp = scores(items, method)
            print(f"| {name} | {len(items)} | {positives} | {label} | {p:.2f} | {r:.2f} "
                  f"| {f:.2f} | {tp} | {fp} |")  # fmt: skip


# a hand label's type and the extractor's events that tell it
LABEL_EVENTS: dict[str, frozenset[str]] = {
    "talks": frozenset({"talks_held", "talks_planned"}),
    "proposal": frozenset({"proposal_made", "proposal_rejected"}),
    "agreement": frozenset({"agreement_reached"}),
    "truce": frozenset({"ceasefire_started", "truce_extended", "call_for_ceasefire",
                        "humanitarian_pause", "ceasefire_violated", "agreement_reached"}),
    "release": frozenset({"hostage_release", "prisoner_release"}),
    "exchange": frozenset({"hostage_exchange"}),
    "vote": frozenset({"vote_adopted", "vote_vetoed", "vote_scheduled", "vote_postponed",
                       "resolution_drafted"}),
}  # fmt: skip


def type_table(data: Path, splits: tuple[str, ...]) -> None:
    """Of the typed developments the rules flag, how many carry an event of the labelled type
    (asserted or not): the type accuracy of the flag's true positives, per news set whose labels
    carry a type, and pooled."""
    stems = [stem for stem in NEWS_SETS if stem not in DEV_ONLY]
    print("Type accuracy (news sets whose labels carry a type; see LABEL_EVENTS):")
    print("| split | set | developments found | type right | share |")
    print("|---|---|---|---|---|")
    for split in splits:
        name = "dev (tuned)" if split == "dev" else "test (untuned)"
        pooled = [0, 0]
        for stem in stems:
            path = data / f"{stem}_{split}.jsonl"
            items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            if not any("type" in item for item in items):
                continue
            found = right = 0
            for item in items:
                wanted = LABEL_EVENTS.get(str(item.get("type", "-")))
                if item["label"] != 1 or wanted is None:
                    continue
                result = extract(str(item["text"]), title=str(item["title"]))
                if not result.summary.negotiation:
                    continue
                found += 1
                right += any(n.event in wanted for n in result.negotiations)
            pooled[0] += found
            pooled[1] += right
            print(f"| {name} | {stem.removeprefix('negotiation_')} | {found} | {right} "
                  f"| {_share(right, found)} |")  # fmt: skip
        print(f"| {name} | pooled | {pooled[0]} | {pooled[1]} | {_share(pooled[1], pooled[0])} |")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "n/a"


def model_cost_ms(articles: int = 300, words: int = 600) -> float:
    """CPU milliseconds per ``words``-word article to score its negotiation-cued sentences."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_extract import realistic_articles  # noqa: PLC0415

    m = model()
    texts = realistic_articles(articles, words)
    cued = []
    for text in texts:
        index = SentenceIndex(text)
        lowered = scanner.lower_same_length(text)
        negotiation = scanner.scan(text, lowered, index.starts, index.spans).negotiation
        cued += [text[index.spans[i][0] : index.spans[i][1]] for i in negotiation]
    start = time.process_time()
    for sentence in cued:
        m.score(sentence)
    return (time.process_time() - start) * 1000 / len(texts)


def views(items: list[dict[str, object]], seed: int = 8) -> dict[str, list[dict[str, object]]]:
    """The natural-prior split and two balanced views of it, each with every positive: one
    with as many negatives drawn at random, one with as many drawn from the negatives that the
    keyword baseline matches (fighting and protest notes that name a truce, a deal, a
    release: the hard negatives of keyword-rich news). Fixed seed, so the views are stable."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible sample, not security
    positives = [i for i in items if i["label"] == 1]
    negatives = [i for i in items if i["label"] != 1]
    worded = [i for i in negatives if baseline(str(i["text"]))]
    return {
        "natural": items,
        "balanced": positives + rng.sample(negatives, min(len(positives), len(negatives))),
        "balanced, keyword negatives": positives
        + rng.sample(worded, min(len(positives), len(worded))),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(".devdata"))
    parser.add_argument(
        "--dev-only", action="store_true", help="print no untuned figures (tuning runs)"
    )
    args = parser.parse_args(argv)
    splits = ("dev",) if args.dev_only else ("dev", "test")
    manifest = Path(__file__).resolve().parents[1] / "scripts/devdata/sources_negotiation.json"
    print("Provenance (ACLED 'Agreement' = negotiation development; labels by ACLED coders):")
    for source in json.loads(manifest.read_text(encoding="utf-8"))["sources"]:
        print(f"  {source['repo']}/{source['path']}@{source['commit'][:12]}  {source['scope']}")
    print("| split | view | items | positives | method | precision | recall | F1 | TP | FP |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for split in splits:
        path = args.data / f"negotiation_{split}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines()
        name = "dev (tuned)" if split == "dev" else "test (untuned)"
        for view, items in views([json.loads(line) for line in lines]).items():
            positives = sum(int(i["label"] == 1) for i in items)
            for label, method in METHODS.items():
                p, r, f, tp, fp = scores(items, _on_text(method))
                print(f"| {name} | {view} | {len(items)} | {positives} | {label} | {p:.2f} "
                      f"| {r:.2f} | {f:.2f} | {tp} | {fp} |")  # fmt: skip
    print("Type accuracy: not measurable here (ACLED does not type its Agreement events).")
    print("News wording (the project's corpora in tests/data):")
    news_flag_recall()
    for stem in NEWS_SETS:
        news_table(args.data, stem, splits)
    type_table(args.data, splits)
    pooled_table(args.data, splits)
    print(f"Sentence model cost on cued sentences: {model_cost_ms():.3f} ms per 600-word article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
