"""Implementations of the ``counter-app`` sub-commands (output is plain text for scripts)."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from .calendar import OverrideKind
from .cli import parse_date, parse_datetime, positive_number
from .cli_auth import profile_officer
from .clock import now
from .domain.errors import NotFoundError
from .domain.legal_basis import basis_for
from .domain.organisation import validate_agency_code
from .domain.time_limit import TimeLimit
from .profile import Profile
from .services import calendar_service, catalog
from .storage.migrate import backup_file, current_revision, head_revision, upgrade


def register(sub) -> None:
    """Sub-commands of the core: calendar, catalog, db."""
    cal_parser = sub.add_parser("calendar", help="lịch ngày làm việc, ngày hẹn trả")
    cal_parser.set_defaults(handler=_run(_calendar))
    cal = cal_parser.add_subparsers(dest="cal_cmd", required=True)
    due = cal.add_parser("due", help="tính ngày hẹn trả kết quả")
    due.add_argument("--received", type=parse_datetime, required=True, help="thời điểm tiếp nhận, YYYY-MM-DDTHH:MM")
    kind = due.add_mutually_exclusive_group(required=True)
    kind.add_argument("--working-days", type=positive_number)
    kind.add_argument("--working-hours", type=positive_number)
    kind.add_argument("--in-day", action="store_true", help="giải quyết trong ngày")
    due.add_argument("--paused-hours", type=float, default=0, help="giờ làm việc tạm dừng chờ bổ sung")
    due.add_argument("--agency", help="mã cơ quan (chọn bảng ngày nghỉ/làm bù riêng)")
    due.add_argument("--explain", action="store_true", help="in thêm thời điểm bắt đầu tính")
    day = cal.add_parser("day", help="ngày này có phải ngày làm việc không")
    day.add_argument("date", type=parse_date)
    day.add_argument("--agency")
    hol = cal.add_parser("holidays", help="các ngày nghỉ lễ, nghỉ bù, làm bù trong năm")
    hol.add_argument("--year", type=int, required=True)
    hol.add_argument("--agency")
    ov = cal.add_parser("override", help="bảng ngày nghỉ/làm bù bổ sung") \
        .add_subparsers(dest="ov_cmd", required=True)
    ov_add = ov.add_parser("add")
    ov_add.add_argument("date", type=parse_date)
    ov_add.add_argument("--kind", choices=["off", "work"], required=True, help="off: nghỉ; work: làm bù")
    ov_add.add_argument("--note", required=True, help="căn cứ, ví dụ số văn bản thông báo")
    ov_add.add_argument("--agency", help="chỉ áp dụng cho cơ quan này (mặc định: toàn thành phố)")
    ov_rm = ov.add_parser("remove")
    ov_rm.add_argument("date", type=parse_date)
    ov_rm.add_argument("--agency")
    ov.add_parser("list")

    cat_parser = sub.add_parser("catalog", help="danh mục thủ tục hành chính")
    cat_parser.set_defaults(handler=_run(_catalog))
    cat = cat_parser.add_subparsers(dest="cat_cmd", required=True)
    search = cat.add_parser("search", help="tìm thủ tục (không cần dấu)")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20)
    show = cat.add_parser("show", help="xem một thủ tục theo mã")
    show.add_argument("code")
    imp = cat.add_parser("import", help="nạp danh mục từ tệp")
    imp.add_argument("file")
    imp.add_argument("--replace", action="store_true")

    db_parser = sub.add_parser("db", help="cơ sở dữ liệu cục bộ")
    db_parser.set_defaults(handler=_run(_db))
    db = db_parser.add_subparsers(dest="db_cmd", required=True)
    db.add_parser("upgrade", help="nâng cấp cấu trúc (sao lưu trước)")
    db.add_parser("info")
    db.add_parser("backup")


def _run(handler):
    def run(args: argparse.Namespace) -> int:
        return handler(args, Profile.default(args.data_dir))
    return run


def _agency(args: argparse.Namespace) -> str | None:
    return validate_agency_code(args.agency) if getattr(args, "agency", None) else None


def _calendar(args: argparse.Namespace, profile: Profile) -> int:
    store = profile.open_store()
    agency = _agency(args)
    if args.cal_cmd == "due":
        received = args.received
        limit = (TimeLimit.in_day() if args.in_day else TimeLimit.working_days(args.working_days)
                 if args.working_days else TimeLimit.working_hours(args.working_hours))
        with store.read() as s:
            cal = calendar_service.calendar_for(s, agency_code=agency, basis=basis_for(received.date()))
        due = cal.due_at(received, limit, paused=timedelta(hours=args.paused_hours))
        if args.explain:
            print(f"# counting start {cal.counting_start(received):%Y-%m-%dT%H:%M}; limit {limit.label_vi()}")
        print(f"{due:%Y-%m-%dT%H:%M}")
    elif args.cal_cmd == "day":
        with store.read() as s:
            cal = calendar_service.calendar_for(s, agency_code=agency, basis=basis_for(args.date))
        info = cal.describe_day(args.date)
        print(f"{args.date.isoformat()}\t{'working' if info.working else 'off'}\t{info.reason}\t{info.detail}")
    elif args.cal_cmd == "holidays":
        with store.read() as s:
            cal = calendar_service.calendar_for(s, agency_code=agency, basis=basis_for(date(args.year, 7, 1)))
        d = date(args.year, 1, 1)
        while d.year == args.year:
            info = cal.describe_day(d)
            if info.reason not in ("workday", "weekend"):
                print(f"{d.isoformat()}\t{'working' if info.working else 'off'}\t{info.reason}\t{info.detail}")
            d += timedelta(days=1)
    else:
        return _override(args, store, agency, profile)
    return 0


def _override(args: argparse.Namespace, store, agency: str | None, profile: Profile) -> int:
    if args.ov_cmd == "add":
        ctx = profile.context(store)  # the service checks EDIT_CALENDAR and audits the change
        store.write(lambda s: calendar_service.add_override(
            s, day=args.date, kind=OverrideKind(args.kind), agency_code=agency, note=args.note,
            by=profile_officer(), now=now(), ctx=ctx))
    elif args.ov_cmd == "remove":
        ctx = profile.context(store)
        store.write(lambda s: calendar_service.remove_override(s, day=args.date, agency_code=agency, ctx=ctx,
                                                               now=now()))
    else:
        with store.read() as s:
            for o in calendar_service.overrides_for(s, None) + _agency_overrides(s):
                print(f"{o.day.isoformat()}\t{o.kind.value}\t{o.agency_code or '*'}\t{o.note}")
    return 0


def _agency_overrides(session) -> list:
    from sqlalchemy import select

    from .storage.models import CalendarOverrideRow

    rows = session.scalars(select(CalendarOverrideRow).where(CalendarOverrideRow.agency_code.is_not(None))
                           .order_by(CalendarOverrideRow.day))
    return [calendar_service.DayOverride(r.day, OverrideKind(r.kind), r.agency_code, r.note) for r in rows]


def _catalog(args: argparse.Namespace, profile: Profile) -> int:
    store = profile.open_store()
    if args.cat_cmd == "search":
        with store.read() as s:
            for hit in catalog.search(s, args.query, limit=args.limit):
                print(f"{hit.code}\t{hit.name}")
    elif args.cat_cmd == "show":
        with store.read() as s:
            p = catalog.get_procedure(s, args.code)
        print(f"{p.code}\t{p.name}\n{p.field} — {p.processing_agency} — {p.limit.label_vi()}"
              + ("\n(DỮ LIỆU MẪU)" if p.is_demo else ""))
        for c in p.components:
            flag = "*" if c.mandatory else " "
            print(f"{flag} {c.position + 1}. {c.name} (bản chính {c.originals}, bản sao {c.copies})")
        for f in p.fees:
            print(f"  {f.name}: {f.amount_vnd:,} đ".replace(",", "."))
    else:
        procedures, demo = catalog.read_catalog_file(Path(args.file))
        ctx = profile.context(store)  # the service checks IMPORT_CATALOG and audits the import
        added = store.write(lambda s: catalog.import_catalog(s, procedures, replace=args.replace, ctx=ctx,
                                                             now=now())).value
        print(f"{added} thủ tục đã nạp{' (dữ liệu mẫu)' if demo else ''}")
    return 0


def _db(args: argparse.Namespace, profile: Profile) -> int:
    from .storage.db import make_engine

    profile.root.mkdir(parents=True, exist_ok=True)
    if args.db_cmd == "backup" and not profile.db_path.exists():
        raise NotFoundError(f"no database at {profile.db_path}",
                            f"Chưa có cơ sở dữ liệu tại {profile.db_path}; không có gì để sao lưu.")
    key = profile.file_key()  # an encrypted profile's key from the keyring (None: plaintext file)
    engine = make_engine(profile.db_path, key=key)
    if args.db_cmd == "upgrade":
        backup = upgrade(engine, db_path=profile.db_path, backup_dir=profile.backup_dir, key=key)
        print(f"revision {current_revision(engine)}" + (f"; backup {backup}" if backup else ""))
    elif args.db_cmd == "backup":
        print(backup_file(profile.db_path, profile.backup_dir, "manual", key=key))
    else:
        print(f"path\t{profile.db_path}\nrevision\t{current_revision(engine)}\nhead\t{head_revision()}")
    engine.dispose()
    return 0
