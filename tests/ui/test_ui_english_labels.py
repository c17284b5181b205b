"""English really available: statuses, the timeline, the status buttons and the core's errors
follow the interface language (ui/labels.py), not only the widgets' own strings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PyQt6.QtCore import QTranslator

from counter_app.domain.queue import VisitState
from counter_app.domain.status import DossierStatus
from counter_app.security.permissions import Action
from ui import labels
from ui.i18n import current_language, install_language, remove_language

pytestmark = pytest.mark.gui

ENGLISH = {"Được tiếp nhận": "Received", "Đang xử lý": "Processing", "Đã xử lý xong": "Resolved",
           "Công dân yêu cầu rút hồ sơ": "Withdrawn by the applicant", "Đã hủy": "Cancelled",
           "Yêu cầu bổ sung giấy tờ": "Supplement requested", "Dừng xử lý": "Processing stopped",
           "Yêu cầu thực hiện nghĩa vụ tài chính": "Awaiting payment",
           "Chuyển từ {a} đến {b}": "Handed from {a} to {b}", "In": "Printed", "Số hóa: {what}": "Scanned: {what}"}


class LabelsInEnglish(QTranslator):
    """Stands in for the lead's translations of the ``Labels`` context (the .ts is theirs)."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 (Qt signature)
        return ENGLISH.get(source, "") if context == labels.CONTEXT else ""

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False


@pytest.fixture
def english(qapp):
    real = install_language(qapp, "en")
    extra = LabelsInEnglish(qapp)
    qapp.installTranslator(extra)
    yield
    qapp.removeTranslator(extra)
    remove_language(qapp, real)


def test_every_core_label_is_listed_for_the_translator():
    source = Path(labels.__file__).read_text(encoding="utf-8")
    listed = set(re.findall(r'translate\("Labels", "([^"]*)"\)', source.split("def _for_lupdate")[1]))
    core = {s.label_vi for s in DossierStatus} | {v.label_vi for v in VisitState} | {a.label_vi for a in Action}
    assert core - listed == set()


def test_vietnamese_is_the_cores_text(qapp):
    assert current_language() == "vi"
    assert [labels.status_label(s) for s in DossierStatus] == [s.label_vi for s in DossierStatus]
    assert labels.action_label(Action.REPRINT_RECEIPT) == "in lại giấy tiếp nhận"


def test_f4_list_detail_timeline_buttons_and_errors_in_english(qtbot, english, window, workspace):
    from counter_app.domain.applicant import Applicant, ApplicantKind
    from counter_app.services.reception import ReceptionFlow

    assert current_language() == "en"
    workspace.sign_in("canbo01", "demo-canbo01")
    flow = ReceptionFlow()
    flow.identify(Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Thị Lan Anh", id_number="001190123456"))
    flow.choose_procedure(workspace.procedure(workspace.search("khai sinh")[0].code))
    flow.mark_all_complete()
    flow.to_outcome()
    flow.receive()
    code = workspace.store.write(workspace.record_reception_op(flow)).value.code

    dossiers = window.dossiers
    window.show_page(dossiers)
    dossiers.refresh()
    qtbot.waitUntil(lambda: not dossiers.searching, timeout=5000)  # the search answers from the pool
    statuses = [dossiers.model.index(r, 4).data() for r in range(dossiers.model.rowCount())]
    assert statuses and set(statuses) == {"Received"}, (statuses, dossiers.error.text())
    assert "Received" in [dossiers.status.itemText(i) for i in range(dossiers.status.count())]

    dossiers.open_code(code)
    detail = dossiers.detail
    assert detail.status.text().startswith("Received")
    assert "Received" in detail.timeline.item(0).text() and "Được tiếp nhận" not in detail.timeline.item(0).text()
    assert detail.action_buttons[DossierStatus.PROCESSING].text() == "Processing"

    detail.action_buttons[DossierStatus.PROCESSING].click()  # through the runner
    qtbot.waitUntil(lambda: detail.timeline.count() == 2, timeout=5000)
    assert "Processing" in detail.timeline.item(1).text()

    # A core error in English: message_en, not message_vi (directly, and through the runner).
    dossiers.open_code("000.00.01.H26-000000-9999")
    assert dossiers.error.isVisible() and "Không" not in dossiers.error.text()
    assert re.search(r"[A-Za-z]{3,}", dossiers.error.text())
    dossiers.error.clear()
    dossiers.change_status(code, DossierStatus.DRAFT)  # not allowed from PROCESSING: the core refuses
    qtbot.waitUntil(lambda: bool(dossiers.error.text()), timeout=5000)
    shown = dossiers.error.text()
    assert shown.isascii() and "draft" in shown.lower(), shown


def test_error_text_and_timeline_patterns(qapp, english):
    from datetime import datetime

    from counter_app.domain.errors import ValidationError
    from counter_app.services.queries import TimelineEntry

    assert labels.error_text(ValidationError("bad date", "Ngày không hợp lệ.")) == "bad date"
    at = datetime(2026, 11, 27, 9, 0)
    assert labels.timeline_text(TimelineEntry(at, "handoff", "Chuyển từ Bộ phận một cửa đến Phòng Tư pháp", "a")) \
        == "Handed from Bộ phận một cửa to Phòng Tư pháp"
    assert labels.timeline_text(TimelineEntry(at, "print", "In Giấy tiếp nhận", "a")) == "Printed Giấy tiếp nhận"
    assert labels.timeline_text(TimelineEntry(at, "scan", "Số hóa: Tờ khai", "a")) == "Scanned: Tờ khai"
