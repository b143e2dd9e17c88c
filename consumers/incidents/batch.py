"""The pure pipeline over a sequence of articles: stories, incidents and tolls."""

from __future__ import annotations

from dataclasses import dataclass, field

from consumers.incidents.linking import Incident, Linker
from consumers.incidents.reports import ArticleInfo, reports_of
from consumers.incidents.stories import DAY_MS, StoryIndex
from consumers.incidents.tolls import TollPoint, toll_points
from wirewatch.metrics import Extraction


@dataclass
class Tracker:
    """Feeds articles in arrival order; remembers every story, incident and toll point."""

    story_index: StoryIndex = field(default_factory=StoryIndex)
    linker: Linker = field(default_factory=Linker)
    stories: dict[str, list[str]] = field(default_factory=dict)
    incidents: dict[str, Incident] = field(default_factory=dict)
    tolls: list[TollPoint] = field(default_factory=list)

    def add(self, article: ArticleInfo, text: str, extraction: Extraction) -> str:
        """Cluster and link one extracted article; its story id."""
        story = self.story_index.add(article.article_id, article.title, text,
                                     article.published_ms)  # fmt: skip
        self.stories.setdefault(story, []).append(article.article_id)
        for inc in self.linker.add(reports_of(article, extraction), story):
            self.incidents[inc.incident_id] = inc
        revised = frozenset(r.start for r in self.linker.linked if r.revision)
        self.tolls += toll_points(article, extraction, revised)
        return story


def make_tracker(horizon_ms: int = DAY_MS) -> Tracker:
    """A tracker whose story index holds ``horizon_ms`` and whose linker twice that."""
    return Tracker(StoryIndex(horizon_ms), Linker(horizon_ms=2 * horizon_ms))
