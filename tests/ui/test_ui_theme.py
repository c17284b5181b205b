"""The brand: colours and sizes are data, the style sheet template resolves completely."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from counter_app.domain.errors import ConfigurationError
from counter_app.resources import resource_path
from ui.theme import Brand, render_stylesheet

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def test_brand_toml_holds_the_colours_and_the_font_chain():
    brand = Brand.load()
    assert brand.colors["primary"].upper() == "#B81C24"
    assert brand.colors["accent"].upper() == "#F5CF63"
    assert brand.screen_fonts[:2] == ("Noto Sans", "DejaVu Sans")
    assert 1.0 in brand.scale_steps and list(brand.scale_steps) == sorted(brand.scale_steps)


def test_stylesheet_template_resolves_every_token():
    brand = Brand.load()
    qss = render_stylesheet(resource_path("brand", "theme.qss").read_text(encoding="utf-8"), brand, 1.0)
    assert "@" not in qss
    assert brand.colors["primary"] in qss and brand.colors["accent"] in qss
    big = render_stylesheet("QWidget { font-size: @pt_base; }", brand, 2.0)
    assert big == f"QWidget {{ font-size: {round(brand.base_point_size * 2)}pt; }}"


def test_unknown_token_is_an_error_with_a_vietnamese_message():
    with pytest.raises(ConfigurationError) as err:
        render_stylesheet("QWidget { color: @no_such_colour; }", Brand.load(), 1.0)
    assert "no_such_colour" in err.value.message_vi


def test_no_colour_is_hard_coded_in_python():
    colour = re.compile(r"#[0-9A-Fa-f]{6}\b|QColor\(\s*\d")
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")
                 if colour.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
