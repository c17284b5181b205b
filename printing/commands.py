"""``counter-app print FORM …``: render a form for the sample or a stored dossier, save it,
and/or send it to a printer. ``counter-app print printers`` lists the printers."""

from __future__ import annotations

import argparse
from pathlib import Path

from counter_app.domain.errors import ValidationError

BASES = {"2018": "tt01_2018", "2025": "tt03_2025"}


def register(sub) -> None:
    from .templates import FORMS

    p = sub.add_parser("print", help="in biểu mẫu (giấy tiếp nhận, phiếu bổ sung, từ chối…)",
                       description="In biểu mẫu: " + "; ".join(f"{k} = {v}" for k, v in FORMS.items()))
    p.add_argument("form", choices=[*FORMS, "printers"], help="biểu mẫu cần in, hoặc “printers” để xem máy in")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--sample", action="store_true", help="in cho hồ sơ mẫu (dữ liệu mẫu)")
    src.add_argument("--dossier", metavar="CODE", help="in cho hồ sơ đã lưu, theo mã hồ sơ")
    p.add_argument("--out", type=Path, help="ghi tệp PDF ra đây")
    p.add_argument("--legal-basis", choices=sorted(BASES), help="căn cứ: 2018 (TT 01/2018) hoặc 2025 (TT 03/2025)")
    p.add_argument("--printer", help="gửi tới máy in này")
    p.add_argument("--copies", type=int, default=1, help="số bản (mặc định 1)")
    p.add_argument("--reason", default="", help="lý do in lại (bắt buộc khi in lại)")
    p.add_argument("--supervisor", metavar="USER",
                   help="lãnh đạo phê duyệt in lại giấy tiếp nhận (bốn mắt); mật khẩu được hỏi khi chạy")
    p.add_argument("--reprint", action="store_true", help="đánh dấu BẢN IN LẠI (chỉ với --sample)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from counter_app.clock import now
    from counter_app.domain.legal_basis import LegalBasis

    if args.form == "printers":
        return _list_printers()
    if not args.sample and not args.dossier:
        raise ValidationError("no source", "Chọn --sample (hồ sơ mẫu) hoặc --dossier MÃ_HỒ_SƠ.")
    basis = LegalBasis(BASES[args.legal_basis]) if args.legal_basis else None
    if args.sample:
        return _sample(args, basis or LegalBasis.TT03_2025, now())
    return _stored(args, basis, now())


def _printers(profile_root: Path):
    from .printers import Printers

    return Printers(spool_dir=profile_root / "prints")


def _sample(args, basis, at) -> int:
    from counter_app.profile import Profile

    from .render import render_form
    from .sample import sample_context

    rendered = render_form(args.form, sample_context(args.form, basis), basis=basis, reprint=args.reprint)
    if args.out:
        args.out.write_bytes(rendered.pdf)
        print(f"Đã ghi {args.out} ({rendered.pages} trang {rendered.page}, {basis.title_vi}, hồ sơ mẫu)")
    if args.printer:
        printers = _printers(Profile.default(args.data_dir).root)
        job = printers.print_pdf(pdf=rendered.pdf, page=rendered.page, label=f"sample-{args.form}", now=at,
                                 copies=args.copies, printer=args.printer)
        print(f"Đã gửi tới máy in {job.printer} (lệnh {job.job_id}): {_state_vi(job.state.value)}")
    if not args.out and not args.printer:
        raise ValidationError("nothing to do", "Thêm --out TỆP.pdf để ghi tệp hoặc --printer TÊN để in.")
    return 0


def _stored(args, basis, at) -> int:
    from counter_app.profile import Profile

    from .dispatch import print_form
    from .stored import stored_context

    profile = Profile.default(args.data_dir)
    store = profile.open_store()
    try:
        with store.read() as s:
            ctx = stored_context(s, args.dossier, form=args.form, now=at)
        if basis is not None and basis is not ctx.dossier.legal_basis:
            raise ValidationError(
                "legal basis differs from the dossier's",
                f"Hồ sơ {ctx.dossier.code} được tiếp nhận theo {ctx.dossier.legal_basis.title_vi}; "
                "biểu mẫu phải in theo căn cứ đó. Bỏ --legal-basis.")
        officer = profile.context(store).officer
        approval_id = _approval(store, args, code=ctx.dossier.code, officer=officer, at=at)
        outcome = print_form(store=store, form=args.form, ctx=ctx, officer=officer, now=at,
                             spool_dir=profile.root / "prints", copies=args.copies, reason=args.reason,
                             approval_id=approval_id or "",
                             printers=_printers(profile.root) if args.printer else None, printer=args.printer)
    finally:
        store.close()
    if args.out:
        args.out.write_bytes(outcome.rendered.pdf)
        print(f"Đã ghi {args.out} ({outcome.rendered.pages} trang {outcome.rendered.page})")
    mark = " (BẢN IN LẠI)" if outcome.record.reprint else ""
    if outcome.job:
        print(f"Đã gửi tới máy in {outcome.job.printer}{mark}: {_state_vi(outcome.job.state.value)}")
    if outcome.record.saved_pdf:  # "": the printer took the job and the clear copy was deleted
        print(f"Bản PDF lưu tại {outcome.record.saved_pdf}{mark}")
    return 0


def _approval(store, args, *, code: str, officer: str, at) -> str | None:
    """A supervisor's four-eyes approval of a receipt reprint, given now with their password."""
    if not args.supervisor:
        return None
    import getpass

    from counter_app.security import approvals
    from counter_app.security.permissions import Action

    password = getpass.getpass(f"Mật khẩu của lãnh đạo {args.supervisor}: ")
    return store.write(lambda s: approvals.approve(
        s, action=Action.REPRINT_RECEIPT, target=code, requested_by=officer, supervisor=args.supervisor,
        password=password, now=at, reason=args.reason)).id


def _state_vi(state: str) -> str:
    return {"done": "đã in xong", "pending": "đang chờ trong hàng đợi", "printing": "đang in",
            "offline": "máy in tạm dừng, lệnh in đang chờ", "failed": "lỗi"}.get(state, state)


def _list_printers() -> int:
    from .printers import default_backend

    backend = default_backend()
    if not backend.available():
        print("Máy này chưa có hệ thống in (CUPS / Windows spooler) hoặc hệ thống in chưa chạy.")
        return 1
    for p in backend.list_printers():
        flags = [f for f, on in (("mặc định", p.is_default), ("tạm dừng", p.stopped),
                                 ("từ chối lệnh in", not p.accepting)) if on]
        print(f"{p.name}\t{', '.join(flags) or 'sẵn sàng'}\t{p.description}")
    return 0
