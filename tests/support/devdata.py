"""The development-data scripts (``scripts/devdata/*.py``, not a package), loaded for tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

DEVDATA = Path(__file__).resolve().parents[2] / "scripts" / "devdata"


def load_script(name: str) -> ModuleType:
    """The module of ``scripts/devdata/<name>.py``, loaded once and registered as ``name``."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, DEVDATA / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
