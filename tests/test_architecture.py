"""The core, devices and printing packages must never import Qt (style.md)."""

from __future__ import annotations

import ast
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_FREE = ["counter_app", "devices", "printing"]
QT_NAMES = ("PyQt6", "PyQt5", "PySide6", "PySide2", "ui")


def _modules(package: str) -> list[str]:
    pkg_path = ROOT / package
    names = [package]
    for info in pkgutil.walk_packages([str(pkg_path)], prefix=f"{package}."):
        names.append(info.name)
    return names


def test_static_imports_are_qt_free():
    offenders = []
    for package in QT_FREE:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                for name in names:
                    if name.split(".")[0] in QT_NAMES:
                        offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")
    # The CLI may import ui lazily, inside the function that starts the GUI — nowhere else.
    offenders = [o for o in offenders if not o.startswith("counter_app/cli.py") or "ui.app" not in o]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = [m for p in QT_FREE for m in _modules(p) if ".migrations" not in m]
    assert len(modules) > 10
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(k for k in sys.modules if k.split('.')[0] in ('PyQt6','PyQt5','PySide6','PySide2','ui'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_linter_contract_holds():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("import-linter is not installed: run scripts/setup.sh --test")
    result = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_no_module_is_too_long():
    """style.md: split before ~600 lines (generated migrations excepted)."""
    long = []
    for package in [*QT_FREE, "ui"]:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            n = len(path.read_text(encoding="utf-8").splitlines())
            if n > 600:
                long.append(f"{path.relative_to(ROOT)}: {n} lines")
    assert long == []
