"""Alert thresholds over the metric stream.

``rules`` (what to watch) -> ``window`` (event-time aggregates) -> ``state`` (the pure
ok/pending/firing machine) -> ``engine`` (both, plus the backtest) -> ``evaluator``
(the Kafka service) -> ``notify`` (webhook, JSONL). ``topic`` holds the rules topic and
:mod:`wirewatch.store.alerts` the alert tables; ``cli`` and ``commands`` are
``wirewatch alerts``.
"""
