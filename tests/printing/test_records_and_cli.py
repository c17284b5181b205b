"""Print records and reprints of stored dossiers, and the ``counter-app print`` command
(in-process through ``counter_app.cli.main`` and through the installed entry point)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.cli import main
from counter_app.domain.applicant import Applicant, ApplicantKind, Contact, IdentitySource
from counter_app.domain.errors import ValidationError
from counter_app.domain.legal_basis import LegalBasis
from counter_app.services import catalog
from counter_app.services.dossiers import record_reception
from counter_app.services.numbering import LocalLeaseSource, NumberAllocator
from counter_app.services.prints import list_prints, printed_before, record_print
from counter_app.services.reception import ReceptionFlow
from printing.cups_backend import CupsBackend
from printing.dispatch import print_form
from printing.printers import Printers, PrintFailed
from printing.stored import stored_context

RECEIVED = datetime(2026, 11, 27, 9, 15)
COUNTER_APP = str(Path(sys.executable).with_name("counter-app"))


def receive(store, profile, name="Trần Thị Bích Ngọc") -> str:
    ctx = profile.context(store)
    with store.read() as s:
        proc = catalog.get_procedure(s, "1.004873")
    flow = ReceptionFlow()
    flow.identify(Applicant(ApplicantKind.INDIVIDUAL, name, id_number="001190012345",
                            address="Số 5 phố Hàng Bông, Hà Nội", source=IdentitySource.CHIP),
                  contact=Contact(phone="0987 654 321"))
    flow.choose_procedure(proc)
    flow.mark_all_complete()
    flow.to_outcome()
    flow.receive()
    alloc = NumberAllocator(LocalLeaseSource(), counter_code=ctx.counter_code)
    return store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc, now=RECEIVED)).value.code


@pytest.fixture
def stored(demo_profile, demo_store):
    return demo_profile, demo_store, receive(demo_store, demo_profile)


def test_record_print_needs_a_reason_for_a_reprint(store):
    at = datetime(2026, 11, 27, 10, 0)
    with pytest.raises(ValidationError) as info:
        store.write(lambda s: record_print(s, dossier_code="X-1", form="receipt", basis=LegalBasis.TT03_2025,
                                           officer="canbo01", now=at, job_state="done", reprint=True))
    assert "lý do" in info.value.message_vi
    result = store.write(lambda s: record_print(s, dossier_code="X-1", form="receipt", basis=LegalBasis.TT03_2025,
                                                officer="canbo01", now=at, job_state="done", printer="P"))
    assert result.changes.dossiers == {"X-1"}
    with store.read() as s:
        assert printed_before(s, dossier_code="X-1", form="receipt")
        assert not printed_before(s, dossier_code="X-1", form="result")
        assert [r.printer for r in list_prints(s, dossier_code="X-1")] == ["P"]


def test_stored_dossier_prints_then_reprints_with_the_mark_and_a_record(stored, cups_server, tmp_path,
                                                                        find_output, approve):
    profile, store, code = stored
    at = datetime(2026, 11, 27, 9, 30)
    with store.read() as s:
        ctx = stored_context(s, code, form="receipt", now=at)
    assert ctx.dossier.applicant.full_name == "Trần Thị Bích Ngọc" and ctx.officer_name == "Nguyễn Thị Lan"
    saved = print_form(store=store, form="receipt", ctx=ctx, officer="canbo01", now=at, spool_dir=tmp_path)
    assert not saved.record.reprint and saved.record.job_state == "saved"  # a saved PDF is not a print
    assert Path(saved.record.saved_pdf).read_bytes() == saved.rendered.pdf
    printers = Printers(spool_dir=tmp_path / "spool", backend=CupsBackend(cups_server.socket), defaults={})
    first = print_form(store=store, form="receipt", ctx=ctx, officer="canbo01", now=at, spool_dir=tmp_path,
                       printers=printers, printer="QMC_PDF")
    find_output(cups_server.out_dir, Path(first.record.saved_pdf).stem[:40]).unlink()
    assert not first.record.reprint and first.record.job_state == "done" and first.record.printer == "QMC_PDF"
    with pytest.raises(ValidationError) as info:
        print_form(store=store, form="receipt", ctx=ctx, officer="canbo01", now=at, spool_dir=tmp_path)
    assert "cần ghi lý do" in info.value.message_vi
    from counter_app.security.permissions import Action, PermissionDenied

    with pytest.raises(PermissionDenied):  # a reprint of the receipt is four-eyes
        print_form(store=store, form="receipt", ctx=ctx, officer="canbo01", now=at, spool_dir=tmp_path,
                   reason="Bản giao công dân bị mất")
    again = print_form(store=store, form="receipt", ctx=ctx, officer="canbo01", now=at, spool_dir=tmp_path,
                       reason="Bản giao công dân bị mất", approval_id=approve(Action.REPRINT_RECEIPT, code, at=at))
    assert again.record.reprint and again.rendered.reprint and again.record.approval_id
    with store.read() as s:
        records = list_prints(s, dossier_code=code)
    assert [(r.reprint, r.reason, r.officer, r.job_state) for r in records] == [
        (False, "", "canbo01", "saved"), (False, "", "canbo01", "done"),
        (True, "Bản giao công dân bị mất", "canbo01", "saved")]


def test_failed_print_is_recorded_with_the_saved_pdf(stored, cups_server, tmp_path):
    profile, store, code = stored
    at = datetime(2026, 11, 27, 9, 31)
    with store.read() as s:
        ctx = stored_context(s, code, form="receipt", now=at)
    printers = Printers(spool_dir=tmp_path, backend=CupsBackend(cups_server.socket), defaults={})
    with pytest.raises(PrintFailed) as info:
        print_form(store=store, form="receipt", ctx=ctx, officer="canbo01", now=at, spool_dir=tmp_path,
                   printers=printers, printer="QMC_STOPPED")
    with store.read() as s:
        (record,) = list_prints(s, dossier_code=code)
    assert record.job_state == "failed" and record.printer == "QMC_STOPPED"
    assert Path(record.saved_pdf) == info.value.saved_pdf and info.value.saved_pdf.exists()


def test_cli_sample_in_process(tmp_path, capsys):
    out = tmp_path / "r.pdf"
    assert main(["--data-dir", str(tmp_path / "p"), "print", "refusal", "--sample", "--out", str(out),
                 "--legal-basis", "2018"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "Thông tư 01/2018/TT-VPCP" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "p"), "print", "stop", "--sample", "--out", str(out),
                 "--legal-basis", "2018"]) == 2
    assert "không có biểu mẫu" in capsys.readouterr().err


def test_cli_stored_dossier_and_wrong_basis(stored, tmp_path, capsys, cli_officer):
    profile, store, code = stored
    data_dir = str(profile.root)
    out = tmp_path / "c.pdf"
    assert main(["--data-dir", data_dir, "print", "control", "--dossier", code, "--out", str(out), *cli_officer()]) == 0
    assert out.exists() and "Bản PDF lưu tại" in capsys.readouterr().out
    assert main(["--data-dir", data_dir, "print", "control", "--dossier", code, "--legal-basis", "2018",
                 *cli_officer()]) == 2
    assert "Bỏ --legal-basis" in capsys.readouterr().err
    assert main(["--data-dir", data_dir, "print", "receipt", "--dossier", "000.00.01.H26-261127-0999",
                 *cli_officer()]) == 2
    assert "Không tìm thấy hồ sơ" in capsys.readouterr().err


def test_cli_entry_point_prints_to_cups(cups_server, tmp_path, find_output):
    env = dict(os.environ, CUPS_SERVER=cups_server.socket, QMC_DATA_DIR=str(tmp_path / "p"))
    out = tmp_path / "t.pdf"
    done = subprocess.run([COUNTER_APP, "print", "ticket", "--sample", "--out", str(out), "--printer", "QMC_PDF"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    find_output(cups_server.out_dir, "sample-ticket").unlink()
    assert "Đã gửi tới máy in QMC_PDF" in done.stdout and "đã in xong" in done.stdout
    assert out.read_bytes().startswith(b"%PDF")
    done = subprocess.run([COUNTER_APP, "print", "printers"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "QMC_STOPPED\ttạm dừng" in done.stdout
    done = subprocess.run([COUNTER_APP, "print", "receipt", "--sample", "--printer", "QMC_REJECTING"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "từ chối nhận lệnh in" in done.stderr and "Bản PDF đã được lưu" in done.stderr


def test_print_record_migration_goes_up_and_down(tmp_path):
    from counter_app.storage import migrate
    from counter_app.storage.db import make_engine

    engine = make_engine(tmp_path / "m.sqlite")

    def tables() -> set[str]:
        with engine.connect() as conn:
            return {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    migrate.upgrade(engine, revision="0003")
    assert "print_record" in tables()
    migrate.downgrade(engine, "0002")
    assert "print_record" not in tables()
    migrate.upgrade(engine)
    assert "print_record" in tables()


def test_apology_letter_of_a_stored_dossier_names_both_appointments(desk, approve, tmp_path):
    import subprocess
    from datetime import datetime as dt

    from counter_app.security.permissions import Action
    from counter_app.services.late import extend, extension_target
    from printing.render import render_form

    rec = desk.receive("1.004873", dt(2026, 11, 23, 9, 0))  # due Fri 27/11/2026 09:00
    new_due = dt(2026, 12, 4, 16, 0)
    desk.store.write(lambda s: extend(s, code=rec.code, new_due_at=new_due, reason="Chờ kết quả xác minh",
                                      ctx=desk.ctx, approval_id=approve(Action.EXTEND_DEADLINE,
                                                                        extension_target(rec.code, new_due),
                                                                        at=dt(2026, 11, 25, 9)),
                                      now=dt(2026, 11, 25, 9)))
    with desk.store.read() as s:
        ctx = stored_context(s, rec.code, form="apology", now=dt(2026, 11, 25, 10))
    pdf = tmp_path / "apology.pdf"
    pdf.write_bytes(render_form("apology", ctx).pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "Chờ kết quả xác minh" in flat
    assert "27 tháng 11 năm 2026" in flat or "27/11/2026" in flat
    assert "04 tháng 12 năm 2026" in flat or "4 tháng 12 năm 2026" in flat or "04/12/2026" in flat


def test_the_printed_receipt_qr_follows_the_configured_lookup_pattern(stored, tmp_path, monkeypatch):
    """The paper receipt and the PDF sent to an online applicant carry the same QR address."""
    from printing.codes import lookup_url

    profile, store, code = stored
    at = datetime(2026, 11, 27, 9, 30)
    config = tmp_path / "config.toml"
    config.write_text('[counter]\nlookup_url_pattern = "https://tra-cuu.example.vn/hs?ma={code}"\n', encoding="utf-8")
    monkeypatch.setenv("QMC_CONFIG", str(config))
    with store.read() as s:
        ctx = stored_context(s, code, form="receipt", now=at)
    assert lookup_url(code, ctx.lookup_pattern) == f"https://tra-cuu.example.vn/hs?ma={code}"
    config.write_text('[counter]\nlookup_url_pattern = "https://x.vn/?ma={code}&so={digits}"\n', encoding="utf-8")
    with store.read() as s:  # {digits}: the last 4 digits of the ID number, as the lookup page asks (issue 13)
        ctx = stored_context(s, code, form="receipt", now=at)
    digits = "".join(ch for ch in ctx.dossier.applicant.id_number if ch.isdigit())[-4:]
    assert lookup_url(code, ctx.lookup_pattern) == f"https://x.vn/?ma={code}&so={digits}"


def test_cli_reprint_of_a_receipt_needs_a_supervisor_given_at_that_moment(stored, cups_server, find_output,
                                                                          tmp_path, capsys, monkeypatch,
                                                                          cli_officer):
    import getpass

    from counter_app.services.prints import list_prints as prints_of

    profile, store, code = stored
    data_dir = str(profile.root)
    store.close()  # the command opens the profile itself
    monkeypatch.setenv("CUPS_SERVER", cups_server.socket)
    cmd = ["--data-dir", data_dir, "print", "receipt", "--dossier", code, "--printer", "QMC_PDF"]
    assert main([*cmd, *cli_officer()]) == 0  # the original, printed
    capsys.readouterr()
    assert main([*cmd, "--reason", "Công dân làm mất", *cli_officer()]) == 2
    assert "lãnh đạo phê duyệt" in capsys.readouterr().err
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": "sai-mat-khau")
    assert main([*cmd, "--reason", "Công dân làm mất", "--supervisor", "lanhdao01", *cli_officer()]) == 2
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": "demo-lanhdao01")
    assert main([*cmd, "--reason", "Công dân làm mất", "--supervisor", "lanhdao01", *cli_officer()]) == 0
    assert "(BẢN IN LẠI)" in capsys.readouterr().out
    from counter_app.profile import Profile

    again = Profile.default(data_dir).open_store()
    try:
        with again.read() as s:
            records = prints_of(s, dossier_code=code)
    finally:
        again.close()
    assert [(r.reprint, bool(r.approval_id)) for r in records if r.form == "receipt"] == [(False, False), (True, True)]
