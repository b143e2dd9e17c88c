"""The pure pipeline over a sequence of articles: stories, incidents and tolls."""

from __future__ import annotations

from dataclasses import dataclass, field

from consumers.incidents.linking import Incident, Linker
from consumers.incidents.minhash import Signature
from consumers.incidents.reports import ArticleInfo, Report, reports_of
from consumers.incidents.stories import DAY_MS, StoryIndex
from consumers.incidents.tolls import TollPoint, toll_points
from wirewatch.metrics import Extraction


@dataclass(frozen=True)
class Update:
    """What one article changed: its story, the incidents it touched, its linked reports and
    toll points, and the signature the story index keeps (stored to rebuild the index)."""

    story: str
    signature: Signature
    heading: frozenset[str]
    incidents: tuple[Incident, ...]
    reports: tuple[Report, ...]
    tolls: tuple[TollPoint, ...]


@dataclass
class Tracker:
    """Feeds articles in arrival order; remembers every story, incident and toll point."""

    story_index: StoryIndex = field(default_factory=StoryIndex)
    linker: Linker = field(default_factory=Linker)
    stories: dict[str, list[str]] = field(default_factory=dict)
    incidents: dict[str, Incident] = field(default_factory=dict)
    tolls: list[TollPoint] = field(default_factory=list)

    def add(self, article: ArticleInfo, text: str, extraction: Extraction) -> Update:
        """Cluster and link one extracted article."""
        sig, heading = self.story_index.sign(article.title, text)
        story = self.story_index.add_signed(article.article_id, sig, heading,
                                            article.published_ms)  # fmt: skip
        self.stories.setdefault(story, []).append(article.article_id)
        touched = self.linker.add(reports_of(article, extraction), story)
        for inc in touched:
            self.incidents[inc.incident_id] = inc
        linked = tuple(self.linker.linked)
        revised = frozenset(r.start for r in linked if r.revision)
        points = tuple(toll_points(article, extraction, revised))
        self.tolls += points
        return Update(story, sig, heading, tuple(touched), linked, points)

    def restore(self, article_id: str, story: str, sig: Signature, heading: frozenset[str],
                at_ms: int, reports: list[Report]) -> None:  # fmt: skip
        """Re-feed one stored article (its story and linked reports) after a restart."""
        self.story_index.add_signed(article_id, sig, heading, at_ms, story)
        self.stories.setdefault(story, []).append(article_id)
        for inc in self.linker.add(reports, story):
            self.incidents[inc.incident_id] = inc


def make_tracker(horizon_ms: int = DAY_MS) -> Tracker:
    """A tracker whose story index holds ``horizon_ms`` and whose linker twice that."""
    return Tracker(StoryIndex(horizon_ms), Linker(horizon_ms=2 * horizon_ms))
