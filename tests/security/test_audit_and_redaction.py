import logging
import sqlite3

import pytest

from counter_app.security import audit
from counter_app.security.redaction import MASK, install, redact

from sec_data import NOW


def _fill(store, n=5):
    for i in range(n):
        store.write(lambda s, i=i: audit.append(s, actor="canbo01", action="view_dossier",
                                                target=f"000.00.01.H26-261127-000{i}", details={"i": i}, at=NOW))


def test_chain_verifies_and_is_append_only(sec_store):
    _fill(sec_store)
    with sec_store.read() as s:
        assert audit.require_intact(s).entries == 5


@pytest.mark.parametrize("tamper", [
    "UPDATE audit_entry SET actor='ke-gian' WHERE id=3",
    "DELETE FROM audit_entry WHERE id=2",
    "UPDATE audit_entry SET details='{}' WHERE id=5",
])
def test_hand_edits_are_detected(sec_store, tamper):
    _fill(sec_store)
    con = sqlite3.connect(sec_store.path)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_entry'"):
        con.execute(f"DROP TRIGGER {name}")  # an attacker with the file can drop triggers: the chain still tells
    con.execute(tamper)
    con.commit()
    con.close()
    with sec_store.read() as s:
        check = audit.verify_chain(s)
        assert not check.ok
        with pytest.raises(audit.AuditChainBroken) as err:
            audit.require_intact(s)
    assert "CẢNH BÁO" in err.value.message_vi


def test_redaction_of_personal_data():
    text = ("ID 001090123456, CMND 012345678, CAN: 123456, phone 0912 345 678 / +84912345678, "
            "mail a.b@example.vn, MRZ IDVNM0930470641001093047064<<2, code 000.00.01.H26-261127-0001")
    out = redact(text)
    for secret in ["001090123456", "012345678", "123456", "0912 345 678", "+84912345678", "a.b@example.vn",
                   "IDVNM0930470641001093047064<<2"]:
        assert secret not in out
    assert "000.00.01.H26-261127-0001" in out, "dossier codes are not personal data"
    assert out.count(MASK) >= 7


def test_logging_filter_redacts_messages_args_and_tracebacks(tmp_path):
    logger = logging.getLogger("qmc-test-redaction")
    logger.propagate = False
    path = tmp_path / "app.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    logger.addHandler(handler)
    install(logger)
    logger.warning("read card %s for %s", "001090123456", "Nguyen Van A")
    try:
        raise ValueError("bad number 079301000001")
    except ValueError:
        logger.exception("failed")
    handler.close()
    content = path.read_text(encoding="utf-8")
    assert "001090123456" not in content and "079301000001" not in content
    assert "read card [ẩn]" in content and "ValueError" in content


def test_the_app_cannot_update_or_delete_audit_entries(sec_store):
    from sqlalchemy.exc import IntegrityError

    from counter_app.storage.models_security import AuditEntryRow

    _fill(sec_store, 2)

    def edit(s):
        s.get(AuditEntryRow, 1).actor = "ke-gian"

    def delete(s):
        s.delete(s.get(AuditEntryRow, 2))

    for change in (edit, delete):
        with pytest.raises(IntegrityError, match="append-only"):
            sec_store.write(change)
    with sec_store.read() as s:
        assert audit.verify_chain(s).entries == 2


def test_a_full_reception_leaves_no_personal_data_in_the_logs(tmp_path, desk):
    """Decree 13/2023: log at DEBUG through the app's own setup, run a whole reception, print the
    receipt, change statuses; then grep every log line for the ID number, name and address."""
    from datetime import datetime

    from counter_app.domain.applicant import Applicant, ApplicantKind, Contact
    from counter_app.domain.status import DossierStatus as S
    from counter_app.logsetup import setup
    from printing.render import render_form
    from printing.stored import stored_context

    path = setup(tmp_path / "logs", level="DEBUG")
    try:
        owner = Applicant(ApplicantKind.INDIVIDUAL, "Hoàng Thị Riêng Tư", id_number="036185012345",
                          address="Số 9 ngõ Bí Mật, Hà Nội")
        flow = desk.flow("1.004873", applicant=owner, contact=Contact(phone="0987654321", address=owner.address))
        flow.receive()
        rec = desk.record(flow, datetime(2026, 11, 23, 9, 0))
        with desk.store.read() as s:
            render_form("receipt", stored_context(s, rec.code, form="receipt", now=datetime(2026, 11, 23, 9)))
        desk.move(rec.code, S.PROCESSING, datetime(2026, 11, 23, 10))
        logging.getLogger("counter_app.test").info("done with %s for %s", rec.code, owner.id_number)
    finally:
        root = logging.getLogger()
        for h in root.handlers[:]:
            if getattr(h, "baseFilename", None) == str(path):
                h.close()
                root.removeHandler(h)
    text = path.read_text(encoding="utf-8")
    assert rec.code in text, "the log is really written"
    for secret in ("036185012345", "Hoàng Thị Riêng Tư", "Số 9 ngõ Bí Mật", "0987654321"):
        assert secret not in text
