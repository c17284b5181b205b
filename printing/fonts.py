"""Fonts of the printed forms: resolved from the system with a fallback chain.

Times New Roman is customary on Vietnamese administrative documents but not free, so
the chain (``resources/brand/forms.toml`` ``[[fonts.family]]``) is searched in order:
Times New Roman → Liberation Serif → DejaVu Serif → Noto Serif. The first family whose
regular face exists wins; a missing bold/italic face falls back to the regular one.
The chosen faces are registered with reportlab under fixed names (``QMC-Serif…``).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from counter_app.domain.errors import ConfigurationError

STYLES = ("regular", "bold", "italic", "bold_italic")
#: reportlab names the layout uses; they point at whatever family was resolved.
FONT = {"regular": "QMC-Serif", "bold": "QMC-Serif-Bold", "italic": "QMC-Serif-Italic",
        "bold_italic": "QMC-Serif-BoldItalic"}


@dataclass(frozen=True, slots=True)
class ResolvedFont:
    family: str
    files: dict[str, Path]  # style -> file

    @property
    def is_preferred(self) -> bool:
        return self.family == "Times New Roman"


def font_dirs() -> list[Path]:
    """Folders searched for font files: ``$QMC_FONT_DIRS`` first, then the OS folders."""
    dirs = [Path(p) for p in os.environ.get("QMC_FONT_DIRS", "").split(os.pathsep) if p]
    home = Path.home()
    if sys.platform == "win32":
        dirs += [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
                 Path(os.environ.get("LOCALAPPDATA", home)) / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        dirs += [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    else:
        dirs += [home / ".local" / "share" / "fonts", home / ".fonts", Path("/usr/local/share/fonts"),
                 Path("/usr/share/fonts")]
    return dirs


#: Letters a face must have to print Vietnamese (old Liberation 1.x, pulled in by some
#: packages under the same file names as Liberation 2, lacks most of them).
VIETNAMESE_SAMPLE = "ĂÂĐÊÔƠƯăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"


@lru_cache(maxsize=256)
def covers_vietnamese(path: Path) -> bool:
    from reportlab.pdfbase.ttfonts import TTFontFile

    try:
        cmap = TTFontFile(str(path)).charToGlyph
    except Exception:  # an unreadable or unsupported font file is simply not a candidate
        return False
    return all(ord(ch) in cmap for ch in VIETNAMESE_SAMPLE)


def _index(dirs: tuple[Path, ...]) -> dict[str, Path]:
    """File name (lower case) -> the first path found that covers Vietnamese, walking the folders in order."""
    found: dict[str, list[Path]] = {}
    for d in dirs:
        if not d.is_dir():
            continue
        for root, subdirs, files in os.walk(d):
            subdirs.sort()
            for name in sorted(files):
                if name.lower().endswith((".ttf", ".otf")):
                    found.setdefault(name.lower(), []).append(Path(root) / name)
    return {name: paths[0] if len(paths) == 1 else next((p for p in paths if covers_vietnamese(p)), paths[0])
            for name, paths in found.items()}


def resolve_font(chain: list[dict] | None = None, dirs: list[Path] | None = None) -> ResolvedFont:
    """The first family of ``chain`` (default: forms.toml) present in ``dirs`` (default: the system)."""
    from counter_app.resources import load_toml

    chain = chain if chain is not None else load_toml("brand", "forms.toml").get("fonts", {}).get("family", [])
    index = _index(tuple(dirs if dirs is not None else font_dirs()))
    for family in chain:
        files: dict[str, Path] = {}
        for style in STYLES:
            for name in family.get(style, []):
                if name.lower() in index:
                    files[style] = index[name.lower()]
                    break
        if "regular" in files and covers_vietnamese(files["regular"]):
            for style in STYLES:
                files.setdefault(style, files["regular"])
            return ResolvedFont(family["name"], files)
    names = ", ".join(f.get("name", "?") for f in chain)
    raise ConfigurationError(
        f"no font of the chain found: {names}",
        f"Không tìm thấy phông chữ để in biểu mẫu (cần một trong: {names}). "
        "Cài phông Times New Roman hoặc Liberation Serif rồi mở lại ứng dụng.",
    )


@lru_cache(maxsize=1)
def register_fonts() -> ResolvedFont:
    """Resolve the chain once and register the four faces with reportlab."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    resolved = resolve_font()
    for style, name in FONT.items():
        pdfmetrics.registerFont(TTFont(name, str(resolved.files[style])))
    base = FONT["regular"]
    addMapping(base, 0, 0, FONT["regular"])
    addMapping(base, 1, 0, FONT["bold"])
    addMapping(base, 0, 1, FONT["italic"])
    addMapping(base, 1, 1, FONT["bold_italic"])
    return resolved
