"""``counter-app postal`` and ``counter-app online``: tracking numbers and the online waiting list.

* ``postal find TRACKING`` — the dossier that came in, or whose result went out, with that item.
* ``postal sent CODE TRACKING`` — the result of ``CODE`` was handed to the post office (status 10).
* ``online list`` — online dossiers waiting for this agency on the city server (ID numbers masked).
"""

from __future__ import annotations

import argparse


def register(sub) -> None:
    p = sub.add_parser("postal", help="hồ sơ và kết quả gửi qua bưu chính (số hiệu bưu gửi)")
    cmd = p.add_subparsers(dest="postal_cmd", required=True)
    find = cmd.add_parser("find", help="tìm hồ sơ theo số hiệu bưu gửi")
    find.add_argument("tracking")
    sent = cmd.add_parser("sent", help="ghi nhận đã gửi kết quả qua bưu chính")
    sent.add_argument("code")
    sent.add_argument("tracking")
    p.set_defaults(handler=_postal)
    o = sub.add_parser("online", help="hồ sơ trực tuyến đang chờ tiếp nhận")
    ocmd = o.add_subparsers(dest="online_cmd", required=True)
    ocmd.add_parser("list", help="danh sách hồ sơ trực tuyến chờ tiếp nhận của cơ quan")
    o.set_defaults(handler=_online)


def _postal(args: argparse.Namespace) -> int:
    from . import clock
    from .domain.errors import NotFoundError
    from .profile import Profile
    from .services import channels

    profile = Profile.default(args.data_dir)
    store = profile.open_store()
    try:
        if args.postal_cmd == "find":
            with store.read() as s:
                found = channels.find_by_tracking(s, args.tracking)
            if found is None:
                raise NotFoundError("no dossier with this tracking number",
                                    "Không có hồ sơ nào gắn với số hiệu bưu gửi này trên máy này.")
            print(f"{found.dossier_code}\tkênh {int(found.channel)}\tđến {found.inbound_tracking or '-'}\t"
                  f"đi {found.outbound_tracking or '-'}")
            return 0
        ctx, now = profile.context(store), clock.now()
        record = store.write(lambda s: channels.record_postal_return(
            s, code=args.code, tracking_number=args.tracking, ctx=ctx, now=now).value)
        print(f"Đã ghi nhận gửi kết quả hồ sơ {record.dossier_code} qua bưu chính, số hiệu "
              f"{record.outbound_tracking}.")
        return 0
    finally:
        store.close()


def _online(args: argparse.Namespace) -> int:
    from . import clock
    from .domain.personal_id import mask_id_number
    from .profile import Profile
    from .services.online_desk import fetch_waiting

    profile = Profile.default(args.data_dir)
    store = profile.open_store()
    try:
        for d in fetch_waiting(store, now=clock.now()):
            masked = mask_id_number(str(d.applicant.get("id_number", ""))) or "-"
            print(f"{d.id}\t{d.submitted_at[:16]}\t{d.procedure_code}\t{masked}\t{len(d.files)} tệp")
        return 0
    finally:
        store.close()
