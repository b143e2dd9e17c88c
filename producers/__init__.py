"""Producers: every way an article gets onto the ``articles`` topic.

Each source (files, stdin, feeds, HTTP, synthetic) turns its input into
:class:`wirewatch.events.ArticleEvent` values and hands them to a
:class:`producers.publish.Publisher`, which sends them keyed by ``article_id`` and
dead-letters whatever cannot be parsed, with the reason.
"""
