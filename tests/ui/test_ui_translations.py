"""Every interface string is translated, and the compiled .qm matches the .ts.

Extraction uses PyQt6's own ``pylupdate6``, as a developer would; a string added to
``ui/`` without an English translation (or a stale ``.qm``) fails here.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PyQt6.QtCore import QCoreApplication, QTranslator

from counter_app.resources import resource_path

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
TS = resource_path("translations", "quay_mot_cua_en.ts")
QM = resource_path("translations", "quay_mot_cua_en.qm")
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            out[(ctx.findtext("name"), msg.findtext("source"))] = msg.find("translation")
    return out


def _pylupdate() -> list[str]:
    exe = Path(sys.executable).with_name("pylupdate6")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pylupdate6")
    if not found:
        pytest.skip("pylupdate6 (PyQt6) not installed")
    return [found]


def test_ts_has_a_translation_for_every_string_in_ui(tmp_path):
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    subprocess.run([*_pylupdate(), "--no-obsolete", "--no-summary", str(ROOT / "ui"), "-ts", str(fresh)],
                   check=True, capture_output=True)
    extracted, committed = messages(fresh), messages(TS)
    assert set(extracted) == set(committed), "run pylupdate6 (resources/translations/README.md)"
    untranslated = [key for key, tr in extracted.items() if tr.get("type") or not (tr.text or "").strip()]
    assert untranslated == []


def test_translations_keep_the_placeholders():
    broken = [key for key, tr in messages(TS).items()
              if sorted(PLACEHOLDER.findall(key[1])) != sorted(PLACEHOLDER.findall(tr.text or ""))]
    assert broken == []


def test_compiled_qm_matches_the_ts(qapp):
    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} missing: compile it with lrelease"
    # QCoreApplication.translate, not QTranslator.translate: PyQt6 passes the latter's
    # arguments as ASCII, so it cannot look up a Vietnamese source text.
    qapp.installTranslator(translator)
    try:
        stale = [key for key, tr in messages(TS).items() if QCoreApplication.translate(*key) != tr.text]
    finally:
        qapp.removeTranslator(translator)
    assert stale == [], "recompile the .qm with lrelease (resources/translations/README.md)"


# Calls that put text on screen: a plain literal there would never be translated.
_SHOWING_CALLS = {"setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setStatusTip",
                  "setAccessibleName", "addMenu", "showMessage", "QLabel", "QAction", "QPushButton"}


def test_ui_puts_no_untranslated_literal_on_screen():
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            arg = node.args[0]
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str) and re.search(r"[^\W\d_]",
                                                                                                arg.value)
            if name in _SHOWING_CALLS and (literal or isinstance(arg, ast.JoinedStr)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}(…)")
    assert offenders == []
