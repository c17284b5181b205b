"""Screenshot of the “Hồ sơ trực tuyến” page (F9) for docs/screenshots/, against a private city
server (fresh PostgreSQL database) with one made-up online submission:

    Xvfb :99 -screen 0 1280x800x24 -nolisten tcp &   # then stop it by its PID
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tests/online/make_screenshot.py docs/screenshots
"""

from __future__ import annotations

import base64
import io
import os
import sys
import tempfile
import uuid
from datetime import datetime
from pathlib import Path

import httpx

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1] / "sync")]

from city_backend.testing import ADMIN_TOKEN, Admin, ServerProcess, fresh_database, postgres_base_url  # noqa: E402

from online_helpers import PORTAL_TOKEN, new_agency_code  # noqa: E402
from sync_helpers import PROCEDURE, Counter  # noqa: E402

SIZE = (1280, 800)


def _files() -> list[dict]:
    from PIL import Image, ImageDraw
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 760, "TO KHAI DANG KY KET HON (mau)")
    c.setFont("Helvetica", 11)
    for i, line in enumerate(("Ho, chu dem, ten: ..........", "Ngay, thang, nam sinh: ....", "Noi cu tru: ....")):
        c.drawString(72, 720 - 22 * i, line)
    c.showPage()
    c.save()
    img = Image.new("RGB", (520, 330), (236, 240, 244))
    ImageDraw.Draw(img).rectangle((20, 20, 500, 310), outline=(184, 28, 36), width=6)
    png = io.BytesIO()
    img.save(png, "PNG")
    b64 = [base64.b64encode(b.getvalue()).decode() for b in (buf, png)]
    return [{"name": "to-khai-ket-hon.pdf", "component": 0, "content_base64": b64[0]},
            {"name": "anh-can-cuoc.png", "component": 3, "content_base64": b64[1]}]


def main(out: Path) -> int:
    from PyQt6.QtWidgets import QApplication

    from counter_app.profile import Profile
    from ui.main_window import MainWindow
    from ui.theme import Theme
    from ui.workspace import Workspace

    os.environ["CITY_PORTAL_TOKEN"] = PORTAL_TOKEN
    app = QApplication(sys.argv)
    with postgres_base_url() as base, fresh_database(base, "city_shot") as db, tempfile.TemporaryDirectory() as tmp:
        server = ServerProcess(db, Path(tmp) / "storage").start()
        try:
            admin = Admin(server.url, ADMIN_TOKEN)
            agency = new_agency_code()
            admin.agency(agency, "UBND phường Hoàn Kiếm (mẫu)")
            for user, role in (("canbo01", "officer"), ("lanhdao01", "supervisor")):
                admin.officer(agency, user, f"Cán bộ {user}", role)
                admin.http.put(f"/v1/admin/agencies/{agency}/officers/{user}/password",
                               json={"password": f"demo-{user}"})
            code = f"Q-{uuid.uuid4().hex[:4].upper()}"
            Counter(Path(tmp) / "profile", agency, code, admin.counter(agency, code), server.url).store.close()
            body = {"agency_code": agency, "procedure_code": PROCEDURE, "files": _files(),
                    "applicant": {"full_name": "Phạm Minh Châu", "id_number": "001301004567", "phone": "0912000111"}}
            httpx.post(f"{server.url}/v1/online/dossiers", json=body, headers={"X-Portal-Token": PORTAL_TOKEN},
                       timeout=10).raise_for_status()
            ws = Workspace.open(Profile(Path(tmp) / "profile"), now=lambda: datetime.now().replace(microsecond=0))
            ws.sign_in("canbo01", "demo-canbo01")
            theme = Theme(app)
            theme.apply()
            window = MainWindow(ws, theme)
            window.resize(*SIZE)
            window.show()
            window.show_page(window.online)
            page = window.online
            _wait(app, lambda: page.dossiers)
            page.table.selectRow(0)
            _wait(app, lambda: page.review and len(page.contents) == len(page.review.files))
            page.panel.files.selectRow(0)
            page.panel.accept_button.click()
            page.panel.files.selectRow(0)
            _wait(app, lambda: False, ms=300)
            out.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(out / "11-online-dossiers.png"))
            window.runner.shutdown()
            window.close()
            ws.close()
            admin.close()
        finally:
            server.stop()
    return 0


def _wait(app, ready, ms: int = 15_000) -> None:
    from PyQt6.QtCore import QElapsedTimer

    timer = QElapsedTimer()
    timer.start()
    while not ready() and timer.elapsed() < ms:
        app.processEvents()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
