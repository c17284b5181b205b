"""Form templates: wording, labels and their order are data (``resources/forms/<basis>/<form>.toml``).

A template has a ``[form]`` table (number, title, page size, copies ("liên"), the "Số: …"
line) and an ordered list of ``[[body]]`` blocks. Block kinds: ``text`` (a paragraph with
``{placeholders}``), ``items`` (a numbered list from a list field), ``table`` (columns from
a list of rows), ``signatures`` (signature cells), ``codes`` (Code128 + QR), ``spacer``.
Correcting a label is an edit of the TOML file, not of the code.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from counter_app.domain.errors import ConfigurationError, NotFoundError
from counter_app.domain.legal_basis import LegalBasis

#: Command-line names of the forms and what they are.
FORMS = {
    "receipt": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "refusal": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "apology": "Phiếu/Văn bản xin lỗi và hẹn lại ngày trả kết quả",
    "stop": "Thông báo dừng giải quyết hồ sơ",
    "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    "register": "Sổ theo dõi hồ sơ",
    "result": "Phiếu trả kết quả giải quyết hồ sơ",
    "ticket": "Phiếu số thứ tự (máy in nhiệt 80 mm)",
}
BLOCK_KINDS = {"text", "items", "table", "signatures", "codes", "spacer"}
PAGES = {"A5", "A4", "A4-landscape", "80mm"}
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class FormTemplate:
    form: str
    basis: LegalBasis
    number: str
    title: str
    page: str
    copies: tuple[str, ...]
    number_line: str
    subtitle: str
    unconfirmed: bool
    codes: bool
    body: tuple[dict, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()

    def labels(self) -> list[str]:
        """The fixed wording in print order (placeholders and markup removed): what a text check looks for."""
        out = [self.title]
        for block in self.body:
            kind = block["kind"]
            if kind == "text":
                out += literal_parts(block["text"])
            elif kind == "items" and block.get("intro"):
                out += literal_parts(block["intro"])
            elif kind == "table":
                out += [g["title"] for g in block.get("groups", [])]
                out += [c["title"] for c in block["columns"]]
            elif kind == "signatures":
                for signer in block["signers"]:
                    out += literal_parts(signer["title"])
        return [s for s in out if s]


def literal_parts(text: str) -> list[str]:
    """The fixed fragments of a template string, whitespace-collapsed."""
    parts = []
    for piece in _PLACEHOLDER.split(text)[::2]:
        piece = " ".join(html.unescape(_TAG.sub("", piece)).split()).strip(" ,.:;()/")
        if len(piece) > 1:
            parts.append(piece)
    return parts


def placeholders(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)


def available_forms(basis: LegalBasis) -> list[str]:
    from counter_app.resources import resource_path

    folder = resource_path("forms", basis.value)
    return [name for name in FORMS if (folder / f"{name}.toml").exists()]


def load_template(form: str, basis: LegalBasis) -> FormTemplate:
    """The template of ``form`` under ``basis``; a form the basis does not have is a NotFoundError."""
    from counter_app.resources import load_toml, resource_path

    if form not in FORMS:
        raise NotFoundError(f"unknown form {form!r}",
                            f"Không có biểu mẫu “{form}”. Chọn một trong: {', '.join(FORMS)}.")
    if not resource_path("forms", basis.value, f"{form}.toml").exists():
        raise NotFoundError(
            f"form {form} does not exist under {basis.value}",
            f"{basis.title_vi} không có biểu mẫu “{FORMS[form]}”. Hồ sơ theo căn cứ này dùng biểu mẫu khác.")
    raw = load_toml("forms", basis.value, f"{form}.toml")
    return _parse(form, basis, raw)


def _parse(form: str, basis: LegalBasis, raw: dict) -> FormTemplate:
    name = f"forms/{basis.value}/{form}.toml"
    head = raw.get("form", {})
    body = tuple(raw.get("body", []))
    try:
        page = head["page"]
        if page not in PAGES:
            raise ValueError(f"page {page!r} not one of {sorted(PAGES)}")
        for i, block in enumerate(body):
            if block.get("kind") not in BLOCK_KINDS:
                raise ValueError(f"block {i + 1}: kind {block.get('kind')!r} not one of {sorted(BLOCK_KINDS)}")
            if block["kind"] == "table" and not block.get("columns"):
                raise ValueError(f"block {i + 1}: table without columns")
        return FormTemplate(
            form=form, basis=basis, number=head.get("number", ""), title=head["title"], page=page,
            copies=tuple(head.get("copies", [""])) or ("",), number_line=head.get("number_line", ""),
            subtitle=head.get("subtitle", ""), unconfirmed=bool(head.get("unconfirmed", False)),
            codes=bool(head.get("codes", False)), body=body, notes=tuple(raw.get("notes", [])),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise ConfigurationError(
            f"malformed form template {name}: {exc!r}",
            f"Tệp biểu mẫu {name} bị thiếu hoặc sai nội dung ({exc}). Sửa tệp hoặc cài lại bản gốc.",
        ) from exc
