"""HTML to plain text for feed summaries and content, with the standard library only."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_PARAGRAPHS = frozenset(
    "address article blockquote div dl figcaption footer h1 h2 h3 h4 h5 h6 header hr ol p "
    "pre section table ul".split()
)
_LINES = frozenset(("br", "li", "tr", "dd", "dt"))
_CELLS = frozenset(("td", "th"))
_HIDDEN = frozenset(("script", "style", "template", "noscript", "head"))
_WHITE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


class _TextCollector(HTMLParser):
    """Collects visible text; block tags become line (1) or paragraph (2) breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._pending_break = 0
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden_depth += 1
        self._mark(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        self._mark(tag)

    def handle_data(self, data: str) -> None:
        if self._hidden_depth:
            return
        if not data.strip():
            if not self._pending_break:
                self.parts.append(" ")
            return
        if self._pending_break and self.parts:
            self.parts.append("\n" * self._pending_break)
        self._pending_break = 0
        self.parts.append(_WHITE.sub(" ", data))

    def _mark(self, tag: str) -> None:
        level = 2 if tag in _PARAGRAPHS else 1 if tag in _LINES else 0
        self._pending_break = max(self._pending_break, level)
        if tag in _CELLS:
            self.parts.append(" ")


def html_to_text(markup: str) -> str:
    """Visible text of ``markup``: tags dropped, entities unescaped, blocks on their own lines."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    text = html.unescape("".join(collector.parts))  # entities that were escaped twice
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(lines).strip()
