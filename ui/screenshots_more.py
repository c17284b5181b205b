"""The screens added after the first eleven screenshots (12-… in docs/screenshots/), driven by
:mod:`ui.screenshots` on the same demo window.

The demo profile opens with two weeks of sample dossiers (``counter_app.demo_dossiers``, dated
before :data:`DEMO_NOW`: :mod:`ui.screenshots` pins the core clock first); :func:`seed_history`
pins the window's clock too and adds a scanned PDF and a photo to one of them, so the dashboard
charts, the F7 lists and the dossier detail have something true to show. :func:`shoot_more` then
walks F7, F12, the queue panel (F5) with the
citizen's screen, the calling display, the ticket kiosk, a finished return with its result slip, the dossier
detail with thumbnails, the update banner on the sign-in window, the demo's simulated card tap
and the first-run setup wizard. Every write goes through the core services, as the officer's would.
"""

from __future__ import annotations

import io
import json
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from PyQt6.QtCore import QElapsedTimer
from PyQt6.QtWidgets import QApplication, QDockWidget

from counter_app.demo_dossiers import flow_for
from counter_app.domain.status import DossierStatus

#: The demo's "now": a Friday morning at the counter (the screenshots do not depend on when they are taken).
DEMO_NOW = datetime(2026, 11, 27, 9, 40)
#: The QR on the demo citizen's card (made up; the same person as the demo's simulated chip card).
CARD_QR = "001090123456|123456789|Nguyễn Văn An|01011990|Nam|Số 1 phố Hàng Bạc, Hoàn Kiếm, Hà Nội|15032021"
#: What the officer types (input, not interface text): a procedure search, the city server's address.
TYPED_QUERY, TYPED_URL = "kết hôn", "https://motcua.hanoi.gov.vn"
#: The ticket numbers on the calling display (made up, as the coordinator would send them).
CALLS = [("A012", "Q01"), ("B004", "Q03"), ("A011", "Q02"), ("C002", "Q04"), ("A010", "Q01"), ("B003", "Q03")]


def settle(ms: int = 200) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        QApplication.processEvents()


def wait_for(ready, ms: int = 15_000) -> bool:
    timer = QElapsedTimer()
    timer.start()
    while not ready() and timer.elapsed() < ms:
        QApplication.processEvents()
    return bool(ready())


def sample_files() -> tuple[bytes, bytes]:
    """A one-page form (PDF) and a photo of an ID card (PNG), both drawn here, nobody's real papers."""
    from PIL import Image, ImageDraw
    from reportlab.pdfgen import canvas

    pdf = io.BytesIO()
    c = canvas.Canvas(pdf)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 760, "TO KHAI DANG KY KET HON (mau)")
    c.setFont("Helvetica", 11)
    for i, line in enumerate(("Ho, chu dem, ten: ..........", "Ngay, thang, nam sinh: ....", "Noi cu tru: ....")):
        c.drawString(72, 720 - 22 * i, line)
    c.rect(420, 640, 100, 120)
    c.setLineWidth(3)
    c.rect(40, 40, 515, 762)  # a frame, so the page reads as a page in a small thumbnail
    c.showPage()
    c.save()
    img = Image.new("RGB", (520, 330), (236, 240, 244))
    draw = ImageDraw.Draw(img)
    draw.rectangle((20, 20, 500, 310), outline=(184, 28, 36), width=6)
    draw.rectangle((44, 90, 170, 250), fill=(190, 198, 206))
    for y in (100, 140, 180, 220):
        draw.rectangle((200, y, 470, y + 14), fill=(160, 168, 176))
    png = io.BytesIO()
    img.save(png, "PNG")
    return pdf.getvalue(), png.getvalue()


def seed_history(ws) -> dict[str, str]:
    """Pin the window's clock to :data:`DEMO_NOW` and attach a form and a photo to one resolved
    marriage dossier of the demo's sample history (``counter_app.demo_dossiers``, recorded when
    the demo profile opened: :func:`main` pins the core clock before that)."""
    from counter_app.services.attachments import attach_file
    from counter_app.services.dossiers import list_dossiers

    ws.now = lambda: DEMO_NOW
    with ws.store.read() as s:
        code = next(r.code for r in list_dossiers(s, status=DossierStatus.RESOLVED)
                    if "kết hôn" in r.procedure_name.lower())
    pdf, png = sample_files()
    root = ws.profile.root
    for position, data, filename in ((0, pdf, "to-khai-ket-hon.pdf"), (1, png, "anh-can-cuoc.png")):
        ws.store.write(lambda s, p=position, d=data, f=filename: attach_file(
            s, data_root=root, dossier_code=code, component_position=p, data=d, pages=1, by="canbo01",
            now=DEMO_NOW, original_filename=f))
    return {"files": code}


def shoot_more(window, grab, *, received: str, codes: dict[str, str]) -> None:
    """Shots 12-… on the signed-in demo ``window``; ``grab(widget, name)`` saves one."""
    handoffs(window, grab)
    diagnostics = window.diagnostics
    window.show_page(diagnostics)
    wait_for(lambda: bool(diagnostics.info))
    diagnostics.barcode_text.setText(CARD_QR)  # as the barcode scanner types it into the test box
    for key in ("barcode", "printer_a4"):  # one that passes, one that says what to do
        diagnostics.check_device(key)
    wait_for(lambda: len(diagnostics.checks) == 2, ms=30_000)
    grab(window, "14-diagnostics")
    queue_and_customer(window, grab)
    calling_display(grab)
    ticket_kiosk(grab)
    return_done(window, grab, received)
    detail = window.dossiers.detail
    window.show_page(window.dossiers)
    window.dossiers.open_code(codes["files"])
    wait_for(lambda: not detail.thumbnails.pending)
    settle()
    detail.scroll.verticalScrollBar().setValue(detail.files.y() - 60)
    grab(window, "20-dossier-detail-files")
    update_banner(window, grab)
    card_tap(window, grab)
    setup_wizard(grab)


def handoffs(window, grab) -> None:
    from .handoff_dialogs import ExtensionDialog

    page = window.handoffs
    window.show_page(page)
    page.due.selectRow(0)
    grab(window, "12-handoffs")
    code = page.warnings[0].code
    dialog = ExtensionDialog(code, page.warnings[0].due_at, page.suggested_due(code), parent=window)
    dialog.show()
    grab(dialog, "13-handoff-extension")
    dialog.close()


def queue_and_customer(window, grab) -> None:
    from counter_app.services import queue

    ws, panel = window.workspace, window.queue
    panel.desk.now = ws.now  # the desk took the workspace's clock before it was pinned
    for minutes, area in ((-25, "hotich"), (-18, "hotich"), (-9, "hotich")):
        ws.store.write(lambda s, m=minutes, a=area: queue.issue(s, area=a, now=DEMO_NOW + timedelta(minutes=m)))
    window.show_page(window.reception)
    window.reception.next_citizen()  # the wizard is ready for the citizen about to be called
    panel.call_next()
    wait_for(lambda: panel.visit is not None)
    panel.buttons["serve"].click()
    wait_for(lambda: panel.visit is not None and panel.buttons["finish"].isEnabled())
    panel.count_waiting()
    settle(400)
    grab(window, "15-queue-panel")
    panel.open_customer_screen()
    screen = panel.customer
    screen.resize(1024, 640)
    # The reception tab records a dossier during the visit: the runner tells the panel, which shows it.
    with ws.store.read() as s:
        flow = flow_for(s, "Nguyễn Thị Mai Anh", "001190012345", "khai sinh", phone="0912345678")
    window.runner.write(ws.record_reception_op(flow))
    window.runner.wait_idle()
    wait_for(lambda: screen.stack.currentIndex() == 1)
    grab(screen, "16-customer-confirm")
    screen.confirm_button.click()
    grab(screen, "17-customer-rating")
    screen.close()
    window.findChild(QDockWidget, "dock_queue").hide()


def calling_display(grab) -> None:
    from .queue.display import CallDisplay

    display = CallDisplay(None)
    display.resize(1280, 720)
    start = DEMO_NOW - timedelta(minutes=len(CALLS))
    display.on_calls([{"seq": i + 1, "number": n, "counter_code": c, "area": "hotich", "recall": False,
                       "at": (start + timedelta(minutes=i)).isoformat()} for i, (n, c) in enumerate(reversed(CALLS))],
                     announce=False)
    # The display runs in its own process, without the counter's theme (whose font sizes would win
    # over its big type here): take the theme off while it is grabbed.
    app = QApplication.instance()
    theme = app.styleSheet()
    app.setStyleSheet("")
    try:
        display.show()
        grab(display, "18-calling-display")
        display.close()
    finally:
        app.setStyleSheet(theme)


def ticket_kiosk(grab) -> None:
    """The ticket kiosk at the entrance (its own process and profile: a temporary store here)."""
    from counter_app.services.kiosk_flow import KioskIssuer
    from counter_app.storage.db import Store

    from .queue.kiosk import KioskWindow

    app = QApplication.instance()
    theme = app.styleSheet()
    app.setStyleSheet("")  # runs without the counter's theme, like the calling display
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "kiosk.sqlite")
        kiosk = KioskWindow(store, KioskIssuer(store, spool_dir=Path(tmp), now=lambda: DEMO_NOW))
        try:
            kiosk.resize(1280, 800)
            kiosk.show()
            grab(kiosk, "25-kiosk")
        finally:
            kiosk.close()
            kiosk.deleteLater()
            store.close()
            app.setStyleSheet(theme)


def return_done(window, grab, received: str) -> None:
    from devices.barcode.dispatch import classify_scan

    page = window.returns
    window.show_page(page)
    page.open_code(received)
    window.on_scan(classify_scan(CARD_QR))  # the owner's card
    page.confirm_button.click()
    wait_for(lambda: "PDF" in page.print_state.text() or "In" in page.print_state.text(), ms=30_000)
    grab(window, "19-return-done")


def update_banner(window, grab) -> None:
    from counter_app.updates import CACHE_FILE, Moment

    from .signin import SignInDialog
    from .update_notice import attach

    root = window.workspace.profile.root
    (root / CACHE_FILE).write_text(json.dumps({"latest": "0.2.0", "minimum": "0.2.0",
                                               "url": "https://motcua.hanoi.gov.vn/tai-ve/quay-mot-cua-0.2.0",
                                               "notes_vi": "Sửa lỗi in phiếu hẹn."}), encoding="utf-8")
    dialog = SignInDialog(window.workspace, window)
    attach(dialog, Moment.BEFORE_SIGN_IN, profile_root=root)
    dialog.show()
    grab(dialog, "21-update-banner")
    dialog.reject()


def card_tap(window, grab) -> None:
    from .demo_devices import DemoDevices

    page = window.reception
    window.show_page(page)
    page.next_citizen()
    devices = window.findChild(DemoDevices)
    devices.tap()
    wait_for(lambda: page.stack.currentIndex() != 0 or bool(page.identify.full_name.text()), ms=20_000)
    page.search.query.setText(TYPED_QUERY)  # the officer goes on with the procedure
    grab(window, "22-reception-card-tap")
    devices.card.lift()


def setup_wizard(grab) -> None:
    from counter_app.profile import Profile

    from .setup_wizard.wizard import SetupWizard

    with tempfile.TemporaryDirectory() as tmp:
        wizard = SetupWizard(Profile(Path(tmp) / "profile"), config_path=Path(tmp) / "config.toml")
        wizard.resize(1000, 700)
        wizard.show()
        backend = wizard.currentPage()
        backend.url.setText(TYPED_URL)
        grab(wizard, "23-setup-wizard")
        backend.offline.setChecked(True)
        wizard.next()
        agency = wizard.currentPage()
        for field, text in (("agency_code", "000.00.01.H26"), ("agency_name", "UBND phường Hàng Bạc"),
                            ("counter_code", "Q03"), ("counter_name", "Quầy số 3")):
            if not getattr(agency, field).isReadOnly():
                getattr(agency, field).setText(text)
        wizard.next()
        officer = wizard.currentPage()
        for field, text in (("username", "canbo.lan"), ("full_name", "Nguyễn Thị Lan"),
                            ("password", "mat-khau-mau-1"), ("password_again", "mat-khau-mau-1")):
            getattr(officer, field).setText(text)
        wizard.next()
        settle(1500)  # the printers are listed off the GUI thread
        grab(wizard, "24-setup-wizard-devices")
        wizard.reject()
        wizard.deleteLater()
