"""The compiled engine (mypyc, ``make compile``) gives the Python sources' output exactly, and
a build that no longer matches its sources is refused at import, never run."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import consumers.extraction
from consumers.extraction import compiled, extract
from consumers.extraction.evaluate import load_corpus

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"

# run in a child: extract each text of stdin's JSON list with the Python sources of the package
_AS_PYTHON = """
import json, sys
import consumers.extraction as engine
texts = json.load(sys.stdin)
out = [engine.extract(t).to_dict() for t in texts]
json.dump({"compiled": engine.COMPILED, "file": engine.__file__, "out": out}, sys.stdout)
"""


def _texts() -> list[str]:
    corpora = ("extraction_corpus", "extraction_heldout", "extraction_heldout2")
    texts = [c["text"] for name in corpora for c in load_corpus(DATA / f"{name}.jsonl")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return texts


@pytest.mark.skipif(not consumers.extraction.COMPILED, reason="the engine runs as Python here")
def test_compiled_output_is_the_python_sources_output(tmp_path: Path) -> None:
    package = tmp_path / "consumers" / "extraction"
    package.mkdir(parents=True)
    (package.parent / "__init__.py").write_text("", encoding="utf-8")
    for path in compiled.PACKAGE.iterdir():  # the sources and data, no built module
        if path.suffix in {".py", ".json"} and path.name != compiled.MANIFEST:
            shutil.copy(path, package / path.name)
    texts = _texts()
    done = subprocess.run(
        [sys.executable, "-c", _AS_PYTHON],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": f"{tmp_path}:{ROOT}", "PYTHONHASHSEED": "0"},
    )
    child = json.loads(done.stdout)
    assert child["compiled"] is False and child["file"].startswith(str(tmp_path))
    assert len(texts) > 100
    assert child["out"] == [extract(t).to_dict() for t in texts]


def _fake_build(monkeypatch: pytest.MonkeyPatch, where: Path) -> None:
    monkeypatch.setattr(compiled, "PACKAGE", where)
    (where / "rules.py").write_text("RULE = 1\n", encoding="utf-8")
    (where / "__init__.py").write_text("", encoding="utf-8")


def test_no_built_module_means_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_build(monkeypatch, tmp_path)
    assert compiled.sources() == [tmp_path / "rules.py"]
    assert compiled.check() is False


def test_a_build_of_these_sources_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_build(monkeypatch, tmp_path)
    (tmp_path / "rules.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    record = {"sources": compiled.digests()}
    (tmp_path / compiled.MANIFEST).write_text(json.dumps(record), encoding="utf-8")
    assert compiled.check() is True


def test_a_build_of_other_sources_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_build(monkeypatch, tmp_path)
    (tmp_path / "rules.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    record = {"sources": compiled.digests()}
    (tmp_path / compiled.MANIFEST).write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "rules.py").write_text("RULE = 2\n", encoding="utf-8")  # edited after the build
    with pytest.raises(compiled.StaleBuildError, match=r"rules\.py changed since.*make compile"):
        compiled.check()


def test_a_build_without_its_record_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_build(monkeypatch, tmp_path)
    (tmp_path / "rules.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    with pytest.raises(compiled.StaleBuildError, match="make uncompile"):
        compiled.check()
