"""Alert thresholds over the metric stream.

``rules`` (what to watch) -> ``window`` (event-time aggregates) -> ``state`` (the pure
ok/pending/firing machine) -> ``engine`` (both, plus the backtest) -> ``evaluator``
(the Kafka service) -> ``notify`` (webhook, JSONL). ``topic`` and ``store`` hold the
rules topic and the alert tables; ``cli`` and ``commands`` are ``wirewatch alerts``.
"""
