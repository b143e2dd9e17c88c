"""``wirewatch record`` and ``wirewatch replay``: archive the article stream, play it back."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tqdm import tqdm

from producers.archive import ON_ERROR, ArchiveError, read_archive
from producers.recording import Recorded, read_topic, write_records
from producers.replay import (
    Control,
    Replayer,
    check_run_id,
    control_path,
    replay_run_id,
    write_command,
)
from wirewatch.cli import time_arg
from wirewatch.delivery import DeliveryTracker
from wirewatch.errors import BrokerError, ConfigError
from wirewatch.events import LIVE_RUN, ArticleEvent
from wirewatch.kafka import ensure_topics, make_consumer, make_producer
from wirewatch.settings import Settings
from wirewatch.signals import stopping_on_signals

REPLAY_EPILOG = (
    "While it runs: SIGINT/SIGTERM stop cleanly (flush, close); SIGUSR1 toggles pause "
    "(kill -USR1 PID); writing 'pause', 'resume' or 'stop' to the control file "
    "<data dir>/replay-<run id>.control does the same (the dashboard uses it)."
)


def run_id_flag(text: str) -> str:
    """A ``--run-id`` that is safe in a file name and is not the live run."""
    try:
        return replay_run(text)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def replay_run(run_id: str) -> str:
    """``run_id`` if a replay may write under it; :class:`ConfigError` for the live run."""
    check_run_id(run_id)
    if run_id.strip().casefold() == LIVE_RUN.casefold():
        msg = (f"run id {run_id!r} is the live run: a replay never writes into it; "
               "choose another --run-id (default: a new replay-... id)")  # fmt: skip
        raise ConfigError(msg)
    return run_id


def speed(text: str) -> float | None:
    """``max`` (None) or a positive factor."""
    if text.strip().lower() == "max":
        return None
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if value <= 0:
        msg = f"speed must be a positive number or 'max', got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def register(sub: Any) -> None:
    """Add ``record`` and ``replay``."""
    record = sub.add_parser(
        "record",
        help="archive the articles topic to gzip JSONL with original timestamps",
        description="Read the articles topic (optionally from/to a time, found with "
        "offsets_for_times) and write one JSON line per record with its Kafka timestamp.",
    )
    record.add_argument("--out", type=Path, required=True, help="FILE.jsonl.gz to write")
    record.add_argument("--from", dest="start", type=time_arg, help="ISO 8601 start time")
    record.add_argument("--to", dest="end", type=time_arg, help="ISO 8601 end time (exclusive)")
    record.add_argument("--follow", action="store_true", help="keep recording until Ctrl-C")
    record.set_defaults(handler=run_record)
    replay = sub.add_parser(
        "replay",
        help="re-publish a recording or a time range under a replay run id",
        description="Publish recorded articles to the articles topic again, re-stamped with "
        "a replay run id so the live view is untouched, at the original spacing divided by "
        "--speed.",
        epilog=REPLAY_EPILOG,
    )
    replay.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="a recording (wirewatch record) or an archive of articles: JSON Lines or CSV "
        "with a header (title, body|text|content, url|link, source, published_at|published|"
        "date, language), gzip or not; articles are timed by published_at",
    )
    replay.add_argument(
        "--on-error",
        choices=ON_ERROR,
        default="stop",
        help="a bad line in FILE: stop before replaying anything (default, exit 2) or skip "
        "it, replay the rest and exit 1; each problem is one line FILE:LINE: reason on stderr",
    )
    replay.add_argument("--from", dest="start", type=time_arg, help="replay the topic from here")
    replay.add_argument("--to", dest="end", type=time_arg, help="... up to here (exclusive)")
    replay.add_argument(
        "--speed",
        type=speed,
        default=1.0,
        help="1 keeps the original spacing (default); 10, 60, ...; max",
    )
    replay.add_argument("--run-id", type=run_id_flag,
                        help="run id of the replay, never 'live' "
                        "(default: replay-<utc time>)")  # fmt: skip
    replay.add_argument(
        "--source-run",
        default=LIVE_RUN,
        help="with --from/--to: which run's articles to replay (live)",
    )
    replay.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    replay.set_defaults(handler=run_replay)


@contextmanager
def _closing(client: Any) -> Iterator[Any]:
    try:
        yield client
    finally:
        client.close()


def run_record(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    ensure_topics(settings, [settings.topics.articles])
    stop = threading.Event()
    consumer = make_consumer(settings, group_id=None, client_id="wirewatch-record")
    with stopping_on_signals(stop.set), _closing(consumer):
        records = read_topic(consumer, settings.topics.articles, args.start, args.end,
                             args.follow, stop)  # fmt: skip
        count = write_records(args.out, tqdm(records, unit="article", desc="record"))
    print(f"recorded {count} article(s) to {args.out}")
    return 0


def load_input(args: argparse.Namespace, settings: Settings) -> list[Recorded]:
    """The records to replay: a file, or the topic between two times."""
    if args.file is not None:
        return read_archive(args.file, on_error=getattr(args, "on_error", "stop"),
                            report=lambda problem: _skipped(args, problem))  # fmt: skip
    if args.start is None:
        msg = "give a recording FILE or --from TIME [--to TIME]"
        raise ConfigError(msg)
    consumer = make_consumer(settings, group_id=None, client_id="wirewatch-replay-reader")
    try:
        found = read_topic(consumer, settings.topics.articles, args.start, args.end)
        items = [r for r in found if r.event.get("run_id", LIVE_RUN) == args.source_run]
    finally:
        consumer.close()
    return sorted(items, key=lambda r: r.order)


def _skipped(args: argparse.Namespace, problem: ArchiveError) -> None:
    """Report a bad archive line that ``--on-error skip`` leaves out, and count it."""
    args.bad_lines = getattr(args, "bad_lines", 0) + 1
    print(f"wirewatch replay: skipped {problem}", file=sys.stderr)


def run_replay(args: argparse.Namespace) -> int:
    """Replay; exit 1 when any article could not be delivered."""
    settings = Settings.from_env()
    ensure_topics(settings, [settings.topics.articles])
    records = load_input(args, settings)
    run_id = replay_run(args.run_id or replay_run_id())
    path = control_path(settings.data_dir, run_id)
    control = Control(path)
    producer = make_producer(settings, client_id="wirewatch-replay")
    deliveries = DeliveryTracker()
    bar = tqdm(total=len(records), unit="article", desc=run_id, disable=args.no_progress)

    def send(event: ArticleEvent) -> None:
        try:
            deliveries.send(producer, settings.topics.articles, event.article_id.encode(),
                            event.encode())  # fmt: skip
        except BrokerError:
            return  # counted as failed

    # handlers first: whoever sees the control file may send SIGUSR1 at once
    with stopping_on_signals(control.stop, control.toggle):
        write_command(path, "resume", pid=os.getpid())
        try:
            stats = Replayer(send, run_id, control, progress=bar.update).run(records, args.speed)
        finally:
            bar.close()
            producer.flush()
            producer.close()
            path.unlink(missing_ok=True)
    verb = "stopped after" if stats.stopped else "replayed"
    print(f"{verb} {stats.sent} article(s) as run {run_id} ({stats.skipped} skipped, "
          f"{deliveries.delivered} delivered, {deliveries.failed} failed)")  # fmt: skip
    if deliveries.failed:
        print(f"wirewatch replay: {deliveries.failed} article(s) could not be delivered",
              file=sys.stderr)  # fmt: skip
        return 1
    if getattr(args, "bad_lines", 0):
        print(f"wirewatch replay: {args.bad_lines} bad line(s) in {args.file} were skipped",
              file=sys.stderr)  # fmt: skip
        return 1
    return 0
