"""Compile the extraction engine (``consumers/extraction``) to C extension modules with mypyc.

    python scripts/compile_extraction.py            # build in place (about a minute)
    python scripts/compile_extraction.py --if-stale # build only when the sources changed
    python scripts/compile_extraction.py --clean    # back to the Python sources

The same typed sources run compiled or not, with the same output; compiled, they take a
quarter to a third fewer instructions (README, "Benchmarks"). The modules are built next to
their sources, with a record of the sources they came from (``_compiled.json``):
``consumers.extraction`` refuses to import a build whose sources have changed since, so an edit
is never shadowed by stale machine code. The package's ``__init__`` stays Python: it holds that
check. Needs a C compiler and the Python headers; without them the engine runs as Python.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _load_build_record() -> ModuleType:
    """``consumers/extraction/compiled.py`` alone: importing the package would stop at a stale
    build, the very thing this script mends."""
    path = ROOT / "consumers" / "extraction" / "compiled.py"
    spec = importlib.util.spec_from_file_location("_extraction_build_record", path)
    if spec is None or spec.loader is None:
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_record = _load_build_record()
MANIFEST: str = _record.MANIFEST
PACKAGE: Path = _record.PACKAGE
built_libraries: Callable[[], list[Path]] = _record.built_libraries
changed_sources: Callable[[], list[str]] = _record.changed_sources
digests: Callable[[], dict[str, str]] = _record.digests
sources: Callable[[], list[Path]] = _record.sources
GROUP = "consumers.extraction.native"  # the shared library of the compiled modules
BUILD = ROOT / "build" / "mypyc"


def clean() -> None:
    """Remove every compiled module and the build's record and temporary files."""
    for path in built_libraries():
        path.unlink()
    (PACKAGE / MANIFEST).unlink(missing_ok=True)
    shutil.rmtree(BUILD, ignore_errors=True)


def can_compile() -> str | None:
    """Why this machine cannot compile (no C compiler, no Python headers), or None."""
    compiler = os.environ.get("CC") or str(sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler!r} is not on PATH)"
    header = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not header.exists():
        return f"no Python headers ({header} is missing)"
    return None


def build() -> None:
    """Compile every module but ``__init__`` in place, then record the sources it came from."""
    clean()
    modules = [str(path.relative_to(ROOT)) for path in sources()]
    # a child process: setuptools and mypy write to stdout, and a failed C build exits
    code = (
        "import sys\n"
        "from mypyc.build import mypycify\n"
        "from setuptools import Distribution\n"
        f"extensions = mypycify({modules!r}, opt_level='3', group_name={GROUP!r},"
        f" target_dir={str(BUILD)!r})\n"
        "dist = Distribution({'name': 'wirewatch-extraction', 'ext_modules': extensions})\n"
        f"dist.script_args = ['build_ext', '--inplace', '--build-temp', {str(BUILD / 'temp')!r}]\n"
        "dist.parse_command_line()\n"
        "dist.run_commands()\n"
    )
    log = BUILD.parent / "mypyc.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(  # noqa: S603 - this interpreter, a fixed program
            [sys.executable, "-c", code], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
        )
    if done.returncode != 0:
        clean()
        tail = "\n".join(log.read_text(encoding="utf-8").splitlines()[-15:])
        sys.exit(f"compile_extraction: mypyc failed (full log: {log}):\n{tail}")
    record = {"group": GROUP, "sources": digests()}
    (PACKAGE / MANIFEST).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--clean", action="store_true", help="remove the compiled modules")
    what.add_argument(
        "--if-stale", action="store_true", help="build only if absent or built from other sources"
    )
    args = parser.parse_args(argv)
    if args.clean:
        clean()
        print("compile_extraction: removed; the engine runs as Python")
        return 0
    if args.if_stale and built_libraries() and not changed_sources():
        print("compile_extraction: up to date")
        return 0
    why = can_compile()
    if why is not None:
        clean()
        print(f"compile_extraction: {why}; the engine runs as Python (slower, same output)")
        return 0
    print(f"compile_extraction: compiling {len(sources())} modules with mypyc ...", flush=True)
    build()
    print(f"compile_extraction: done ({len(built_libraries())} extension modules)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
