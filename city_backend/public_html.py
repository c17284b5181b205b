"""HTML of the public lookup page (Vietnamese, brand colours, no JavaScript). Every value that
comes from a request or the database goes through :func:`html.escape`.

Brand colours: red #B81C24, gold #F5CF63 — UNCONFIRMED with the city's brand guide."""

from __future__ import annotations

from datetime import datetime
from html import escape

RED, GOLD = "#B81C24", "#F5CF63"

_STYLE = f"""
body{{margin:0;font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;background:#faf7f0;color:#222}}
header{{background:{RED};color:#fff;padding:14px 20px;border-bottom:6px solid {GOLD}}}
header h1{{margin:0;font-size:1.4em}} header p{{margin:4px 0 0;color:{GOLD};font-size:.95em}}
main{{max-width:640px;margin:20px auto;padding:0 16px}}
form,.card{{background:#fff;border:1px solid #e3d9c2;border-radius:6px;padding:16px;margin-bottom:16px}}
label{{display:block;margin:10px 0 4px;font-weight:bold}}
input{{font-size:1.1em;padding:6px 8px;width:100%;box-sizing:border-box;border:1px solid #bbb;border-radius:4px}}
button{{margin-top:14px;background:{RED};color:#fff;border:0;padding:10px 18px;font-size:1.05em;border-radius:4px}}
.status{{font-size:1.3em;color:{RED};font-weight:bold}} .muted{{color:#666;font-size:.9em}}
ol{{padding-left:22px}} li{{margin:4px 0}} .notice{{border-left:6px solid {GOLD}}}
"""


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="robots" content="noindex"><title>{escape(title)}</title><style>{_STYLE}</style></head>'
            f'<body><header><h1>Tra cứu tiến độ hồ sơ</h1><p>Bộ phận Tiếp nhận và Trả kết quả</p></header>'
            f'<main>{body}</main></body></html>')


def _form(code: str = "") -> str:
    return ('<form method="get" action="/tra-cuu">'
            '<label for="ma">Mã hồ sơ (in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả)</label>'
            f'<input id="ma" name="ma" value="{escape(code, quote=True)}" maxlength="64" autocomplete="off" required>'
            '<label for="so">4 số cuối của số định danh cá nhân (CCCD) người nộp</label>'
            '<input id="so" name="so" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" autocomplete="off" '
            'required>'
            '<button type="submit">Tra cứu</button></form>')


def form_page() -> str:
    return _page("Tra cứu tiến độ hồ sơ", _form() + '<p class="muted">Trang này chỉ cho biết tình trạng và '
                 'ngày hẹn trả kết quả của hồ sơ; không hiển thị thông tin cá nhân.</p>')


def neutral_page(code: str) -> str:
    """The one answer for an unknown code, wrong digits or malformed input."""
    return _page("Không tìm thấy hồ sơ", '<div class="card notice" id="ket-qua"><p><strong>Không tìm thấy hồ sơ '
                 'khớp với mã hồ sơ và 4 số cuối đã nhập.</strong></p><p>Vui lòng kiểm tra lại mã hồ sơ trên giấy '
                 'hẹn và 4 số cuối của số định danh, hoặc liên hệ Bộ phận Tiếp nhận và Trả kết quả.</p></div>'
                 + _form(code))


def too_many_page() -> str:
    return _page("Quá nhiều lượt tra cứu", '<div class="card notice" id="ket-qua"><p><strong>Bạn đã tra cứu quá '
                 'nhiều lần trong thời gian ngắn.</strong></p><p>Vui lòng đợi vài phút rồi thử lại.</p></div>')


def _when(at: datetime | None) -> str:
    return at.strftime("%H:%M ngày %d/%m/%Y") if at else ""


def result_page(*, code: str, status: str, due: datetime | None, steps: list[tuple[datetime, str]]) -> str:
    items = "".join(f"<li>{escape(label)} — <span class=\"muted\">{escape(_when(at))}</span></li>"
                    for at, label in steps)
    due_html = (f'<p>Ngày hẹn trả kết quả: <strong id="hen-tra">{escape(_when(due))}</strong></p>' if due
                else '<p>Ngày hẹn trả kết quả: <strong id="hen-tra">chưa có</strong></p>')
    body = (f'<div class="card" id="ket-qua"><p>Hồ sơ số <strong>{escape(code)}</strong></p>'
            f'<p>Tình trạng: <span class="status" id="tinh-trang">{escape(status)}</span></p>{due_html}'
            f'<p><strong>Các bước đã thực hiện</strong></p><ol id="cac-buoc">{items}</ol></div>'
            + '<p class="muted"><a href="/tra-cuu">Tra cứu hồ sơ khác</a></p>')
    return _page(f"Hồ sơ {code}", body)
