"""Reprints of the receipt are four-eyes (issue #9): a supervisor's approval on the dossier code,
consumed with the print record, and a ``receipt.reprint`` event carrying it that the real backend
re-checks. Other forms' reprints and a PDF saved instead of printing need no approval."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select

from counter_app.domain.legal_basis import LegalBasis
from counter_app.security import approvals
from counter_app.security.permissions import Action, PermissionDenied
from counter_app.services.prints import REPRINT_EVENT, list_prints, record_print
from counter_app.storage.models import OutboxEventRow
from counter_app.storage.models_security import ApprovalRow
from counter_app.storage.models_sync import SyncRejectionRow
from counter_app.sync.push import push_outbox
from printing.dispatch import print_form
from printing.stored import stored_context

from sec_data import NOW, PASSWORDS
from test_approval_sync import USERS, counter  # noqa: F401 — the real-backend counter fixture

REASON = "Bản giao công dân bị mất"


def _printed_once(store, code: str, officer: str = "canbo01") -> None:
    """The receipt went to a printer once (job "done"), so the next print of it is a reprint."""
    store.write(lambda s: record_print(s, dossier_code=code, form="receipt", basis=LegalBasis.TT03_2025,
                                       officer=officer, now=NOW, job_state="done", printer="QMC_PDF"))


def _approve(store, code: str, *, supervisor: str = "lanhdao01", requested_by: str = "canbo01",
             action: Action = Action.REPRINT_RECEIPT) -> str:
    return store.write(lambda s: approvals.approve(
        s, action=action, target=code, requested_by=requested_by, supervisor=supervisor,
        password=PASSWORDS.get(supervisor) or USERS[supervisor][1], now=NOW, reason=REASON)).id


def _reprint(store, code: str, spool, *, officer: str = "canbo01", approval_id: str = ""):
    with store.read() as s:
        ctx = stored_context(s, code, form="receipt", now=NOW)
    return print_form(store=store, form="receipt", ctx=ctx, officer=officer, now=NOW, spool_dir=spool,
                      reason=REASON, approval_id=approval_id)


def _events(store, kind: str = REPRINT_EVENT) -> list[dict]:
    with store.read() as s:
        return [json.loads(e.payload) for e in s.scalars(select(OutboxEventRow).where(OutboxEventRow.kind == kind))]


def test_reprint_of_the_receipt_without_approval_prints_and_records_nothing(sec_store, desk, tmp_path):
    code = desk.receive(at=NOW).code
    _printed_once(sec_store, code)
    spool = tmp_path / "prints"
    with pytest.raises(PermissionDenied) as info:
        _reprint(sec_store, code, spool)
    assert f"In lại giấy tiếp nhận của hồ sơ {code} cần lãnh đạo phê duyệt" in info.value.message_vi
    with pytest.raises(PermissionDenied):  # the core refuses it too, whoever calls it
        sec_store.write(lambda s: record_print(s, dossier_code=code, form="receipt", basis=LegalBasis.TT03_2025,
                                               officer="canbo01", now=NOW, job_state="done", reprint=True,
                                               reason=REASON))
    with sec_store.read() as s:
        assert [(r.reprint, r.job_state) for r in list_prints(s, dossier_code=code)] == [(False, "done")]
    assert not spool.exists() or not list(spool.iterdir())  # nothing rendered to disk
    assert _events(sec_store) == []


def test_self_approval_and_an_approval_of_something_else_are_refused(sec_store, desk, tmp_path):
    code, other = desk.receive(at=NOW).code, desk.receive(at=NOW).code
    _printed_once(sec_store, code)
    with pytest.raises(PermissionDenied) as info:
        _approve(sec_store, code, supervisor="lanhdao01", requested_by="lanhdao01")
    assert "Không thể tự phê duyệt" in info.value.message_vi
    for approval_id in (_approve(sec_store, other),  # another dossier
                        _approve(sec_store, code, action=Action.CANCEL_DOSSIER),  # another action
                        _approve(sec_store, code, requested_by="lanhdao02")):  # another officer's request
        with pytest.raises(PermissionDenied) as info:
            _reprint(sec_store, code, tmp_path, approval_id=approval_id)
        assert "cần lãnh đạo phê duyệt" in info.value.message_vi
    # the supervisor who approved cannot be the one printing with it
    own = _approve(sec_store, code, supervisor="lanhdao02", requested_by="lanhdao01")
    sec_store.write(lambda s: s.get(ApprovalRow, own).__setattr__("approved_by", "lanhdao01"))
    with pytest.raises(PermissionDenied):
        _reprint(sec_store, code, tmp_path, officer="lanhdao01", approval_id=own)
    with sec_store.read() as s:
        assert len(list_prints(s, dossier_code=code)) == 1
        assert all(r.used_at is None for r in s.scalars(select(ApprovalRow)))  # nothing consumed
    assert _events(sec_store) == []


def test_approved_reprint_is_recorded_with_its_approval_and_event_once(sec_store, desk, tmp_path):
    code = desk.receive(at=NOW).code
    _printed_once(sec_store, code)
    approval_id = _approve(sec_store, code)
    outcome = _reprint(sec_store, code, tmp_path, approval_id=approval_id)
    assert outcome.rendered.reprint and outcome.record.reprint
    assert (outcome.record.approval_id, outcome.record.reason) == (approval_id, REASON)
    with sec_store.read() as s:
        assert s.get(ApprovalRow, approval_id).used_at == NOW
        assert [r.approval_id for r in list_prints(s, dossier_code=code)] == ["", approval_id]
    (event,) = _events(sec_store)
    assert (event["reprint_form"], event["reprint_reason"], event["reprinted_by"]) == ("receipt", REASON, "canbo01")
    claim = event["approval"]
    assert (claim["id"], claim["action"], claim["target"]) == (approval_id, "reprint_receipt", code)
    assert (claim["requested_by"], claim["approved_by"], len(claim["proof"])) == ("canbo01", "lanhdao01", 64)
    with pytest.raises(PermissionDenied):  # used once
        _reprint(sec_store, code, tmp_path, approval_id=approval_id)
    with sec_store.read() as s:
        assert len(list_prints(s, dossier_code=code)) == 2


def test_saved_pdfs_failed_attempts_and_other_forms_need_no_approval(sec_store, desk, tmp_path):
    code = desk.receive(at=NOW).code
    with sec_store.read() as s:
        ctx = stored_context(s, code, form="receipt", now=NOW)
    for _ in range(2):  # no printer: a saved PDF is not a print, so the next one is no reprint
        saved = print_form(store=sec_store, form="receipt", ctx=ctx, officer="canbo01", now=NOW, spool_dir=tmp_path)
        assert not saved.record.reprint and saved.record.job_state == "saved"
    _printed_once(sec_store, code)
    failed = sec_store.write(lambda s: record_print(  # a reprint the printer refused consumes nothing
        s, dossier_code=code, form="receipt", basis=LegalBasis.TT03_2025, officer="canbo01", now=NOW,
        job_state="failed", reprint=True, reason=REASON)).value
    assert failed.approval_id == ""
    sec_store.write(lambda s: record_print(s, dossier_code=code, form="supplement", basis=LegalBasis.TT03_2025,
                                           officer="canbo01", now=NOW, job_state="done"))
    other = sec_store.write(lambda s: record_print(
        s, dossier_code=code, form="supplement", basis=LegalBasis.TT03_2025, officer="canbo01", now=NOW,
        job_state="done", reprint=True, reason=REASON)).value
    assert other.reprint and other.approval_id == ""
    assert _events(sec_store) == []


def test_the_server_applies_a_real_reprint_approval_and_refuses_a_made_up_one(counter):  # noqa: F811
    desk, client = counter
    store = desk.store
    honest, edited = desk.receive(at=NOW).code, desk.receive(at=NOW).code
    for code in (honest, edited):
        _printed_once(store, code, officer="canbo07")
    real = _approve(store, honest, supervisor="lanhdao07", requested_by="canbo07")

    def made_up(s):  # what an edited database would hold: no password behind it
        row = ApprovalRow(id=str(uuid.uuid4()), action="reprint_receipt", target=edited, requested_by="canbo07",
                          approved_by="lanhdao07", approved_at=NOW, reason="", used_at=None, proof="ab" * 32)
        s.add(row)
        return row.id
    fake = store.write(made_up)
    for code, approval_id in ((honest, real), (edited, fake)):
        store.write(lambda s, c=code, a=approval_id: record_print(
            s, dossier_code=c, form="receipt", basis=LegalBasis.TT03_2025, officer="canbo07", now=NOW,
            job_state="done", reprint=True, reason=REASON, approval_id=a))
    assert {e["approval"]["target"] for e in _events(store)} == {honest, edited}

    summary = push_outbox(store, client, now=lambda: NOW)
    assert (summary.applied, summary.rejected) == (3, 1)  # two receptions and the honest reprint
    with store.read() as s:
        rejected = [(r.aggregate, r.reason_code) for r in s.scalars(select(SyncRejectionRow))]
    assert rejected == [(edited, "approval_forged")]
