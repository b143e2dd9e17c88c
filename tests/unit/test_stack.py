"""The services ``wirewatch up`` runs, and the order they stop in."""

from __future__ import annotations

from wirewatch.settings import Settings
from wirewatch.stack import ALERTS_GROUP, build_args, services

SETTINGS = Settings.from_env({})


def test_services_stop_in_data_flow_order() -> None:
    chosen = services(build_args(["--extractors", "2"]), SETTINGS)
    assert [s.name for s in chosen] == [
        "demo", "extractor-0", "extractor-1", "alerts", "incidenter", "dashboard",
    ]  # fmt: skip
    assert chosen[0].drain is None
    assert chosen[1].drain == (SETTINGS.group_id, "articles")
    assert chosen[3].drain == (ALERTS_GROUP, "metrics")


def test_no_demo_and_webhooks_reach_the_evaluator() -> None:
    args = build_args(["--no-demo", "--webhook", "http://127.0.0.1:9/a", "--webhook", "http://h/b"])
    chosen = {s.name: s for s in services(args, SETTINGS)}
    assert "demo" not in chosen
    argv = chosen["alerts"].argv
    assert argv[argv.index("--webhook") + 1] == "http://127.0.0.1:9/a"
    assert argv.count("--webhook") == 2


def test_demo_rate_and_seed() -> None:
    demo = services(build_args(["--rate", "5", "--seed", "3"]), SETTINGS)[0]
    assert demo.argv[:2] == ["produce", "synthetic"]
    assert demo.argv[demo.argv.index("--rate") + 1] == "5.0"
    assert demo.argv[demo.argv.index("--seed") + 1] == "3"
