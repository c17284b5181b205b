"""``counter-app queue`` (tickets, KPIs, reconcile), ``counter-app display`` (the calling display) and
``counter-app kiosk`` (the ticket kiosk).

The display and the kiosk are Qt windows: they run as ``python -m ui.queue.display`` / ``ui.queue.kiosk``
(exec'd in place on POSIX, a child process elsewhere; in process in the PyInstaller bundle) so the
command line, like the rest of the core, never imports Qt.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import date


def register(sub) -> None:
    p = sub.add_parser("queue", help="hàng chờ: lấy số, chỉ số trong ngày, gửi lượt phục vụ chờ đồng bộ")
    qs = p.add_subparsers(dest="queue_command", required=True)
    t = qs.add_parser("ticket", help="lấy một số thứ tự và in phiếu (máy in nhiệt, máy in PDF, hoặc lưu PDF)")
    t.add_argument("--area", required=True, help="mã khu vực (resources/rules/queue.toml), ví dụ hotich")
    t.add_argument("--priority", type=int, default=0, choices=range(5), help="0 thường; 1–4 ưu tiên")
    t.add_argument("--printer", help="tên máy in (CUPS/Windows) cho phiếu PDF 80 mm")
    t.add_argument("--save-only", action="store_true", help="chỉ lưu PDF, không in")
    k = qs.add_parser("kpis", help="chỉ số hàng chờ của một ngày")
    k.add_argument("--day", type=date.fromisoformat, help="YYYY-MM-DD (mặc định hôm nay)")
    qs.add_parser("push", help="gửi các thay đổi lượt phục vụ chờ đồng bộ tới máy chủ điều phối")
    p.set_defaults(handler=_run)
    d = sub.add_parser("display", help="mở màn hình gọi số (toàn màn hình, đọc số bằng giọng nói)")
    d.add_argument("--url", help="địa chỉ máy chủ điều phối (mặc định: theo đăng ký đồng bộ của máy)")
    d.add_argument("--token", help="mã xác thực của thiết bị hiển thị")
    d.add_argument("--windowed", action="store_true", help="chạy trong cửa sổ")
    d.add_argument("--no-speech", action="store_true", help="không đọc số")
    d.set_defaults(handler=_display)
    k = sub.add_parser("kiosk", help="mở máy lấy số thứ tự (toàn màn hình cảm ứng, in phiếu)")
    k.add_argument("--data-dir", dest="kiosk_data_dir", metavar="DIR",
                   help="hồ sơ của máy lấy số (như --data-dir chung)")
    k.add_argument("--windowed", action="store_true", help="chạy trong cửa sổ")
    k.set_defaults(handler=_kiosk)


def display_command(args: argparse.Namespace) -> list[str]:
    cmd = [sys.executable, "-m", "ui.queue.display"]
    for flag, value in (("--data-dir", args.data_dir), ("--url", args.url), ("--token", args.token)):
        if value:
            cmd += [flag, str(value)]
    return cmd + (["--windowed"] if args.windowed else []) + (["--no-speech"] if args.no_speech else [])


def _display(args: argparse.Namespace) -> int:
    return _run_window(display_command(args))


def kiosk_command(args: argparse.Namespace) -> list[str]:
    cmd = [sys.executable, "-m", "ui.queue.kiosk"]
    data_dir = getattr(args, "kiosk_data_dir", None) or args.data_dir
    if data_dir:
        cmd += ["--data-dir", str(data_dir)]
    return cmd + (["--windowed"] if args.windowed else [])


def _kiosk(args: argparse.Namespace) -> int:
    return _run_window(kiosk_command(args))


def _run_window(cmd: list[str]) -> int:
    if getattr(sys, "frozen", False):  # the PyInstaller bundle has no ``-m``: run the window in process
        import importlib

        return importlib.import_module(cmd[2]).main(cmd[3:])
    if os.name == "posix":  # the window takes this process over: no orphan when it is stopped
        os.execv(cmd[0], cmd)
    return subprocess.call(cmd)


def _minutes(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds / 60:.1f} phút"


def _seconds(td) -> float | None:
    return None if td is None else round(td.total_seconds(), 1)


def local_kpis(k) -> dict:
    """The counter's own :class:`~counter_app.domain.queue_kpis.QueueKpis` in the coordinator's
    wire shape (``GET /v1/queue/kpis``), so both print the same way."""
    return {"issued": k.issued, "served": k.served, "no_shows": k.no_shows, "waiting": k.waiting,
            "mean_wait_seconds": _seconds(k.mean_wait), "max_wait_seconds": _seconds(k.max_wait),
            "mean_service_seconds": _seconds(k.mean_service),
            "per_counter": [{"counter_code": c.counter, "served": c.served, "no_shows": c.no_shows,
                             "mean_service_seconds": _seconds(c.mean_service)}
                            for _, c in sorted(k.per_counter.items())],
            "ratings": [{"level": lv, "count": n} for lv, n in sorted(k.ratings.items())]}


def print_kpis(k: dict, *, source: str) -> None:
    print(source)
    print(f"Số đã cấp: {k['issued']}; đã phục vụ: {k['served']}; vắng mặt: {k['no_shows']}; còn chờ: {k['waiting']}")
    print(f"Chờ trung bình: {_minutes(k['mean_wait_seconds'])}; lâu nhất: {_minutes(k['max_wait_seconds'])}; "
          f"phục vụ trung bình: {_minutes(k['mean_service_seconds'])}")
    for c in k["per_counter"]:
        print(f"  Quầy {c['counter_code']}: phục vụ {c['served']}, vắng mặt {c['no_shows']}, "
              f"trung bình {_minutes(c['mean_service_seconds'])}")
    print(f"Đánh giá (mức: số lượt): {({r['level']: r['count'] for r in k['ratings']})}")


def _kpis(args: argparse.Namespace, store) -> int:
    """The site's figures from the coordinator when this profile is registered; else (or when
    it does not answer) this counter's own queue, said so."""
    from . import clock
    from .services import queue
    from .sync.errors import ServerUnreachable
    from .sync.queue_client import queue_client_for

    day = args.day or clock.now().date()
    client = queue_client_for(store)
    if client is not None:
        try:
            with client:
                print_kpis(client.kpis(day), source=f"Chỉ số hàng chờ ngày {day:%d/%m/%Y} — cả điểm phục vụ "
                                                    "(máy chủ điều phối)")
            return 0
        except ServerUnreachable as exc:
            print(f"{exc.message_vi} Chỉ hiển thị số liệu của quầy này.", file=sys.stderr)
    with store.read() as s:
        k = queue.day_kpis(s, day=day)
    print_kpis(local_kpis(k), source=f"Chỉ số hàng chờ ngày {day:%d/%m/%Y} — hàng chờ của quầy này")
    return 0


def _run(args: argparse.Namespace) -> int:
    from . import clock
    from .profile import Profile
    from .sync.queue_client import push_visits, queue_client_for

    profile = Profile.default(args.data_dir)
    store = profile.open_store()
    try:
        if args.queue_command == "kpis":
            return _kpis(args, store)
        client = queue_client_for(store)
        if args.queue_command == "push":
            if client is None:
                print("Máy này chưa đăng ký đồng bộ (counter-app sync --configure).", file=sys.stderr)
                return 2
            with client:
                print(push_visits(store, client, now=clock.now))
            return 0
        return _ticket(args, store, client, spool=profile.root / "prints")
    finally:
        store.close()


def _ticket(args: argparse.Namespace, store, client, *, spool) -> int:
    from printing.escpos_ticket import open_printer
    from printing.printers import Printers
    from printing.queue_print import print_queue_ticket, queue_ticket

    from . import clock, config
    from .domain.queue import Priority, VisitState
    from .services import queue
    from .sync.errors import ServerUnreachable

    area = queue.areas().get(args.area)
    if area is None:
        print(f"Không có khu vực “{args.area}”; có: {', '.join(queue.areas())}", file=sys.stderr)
        return 2
    now, remote = clock.now(), None
    if client is not None:  # a coordinated site: only the coordinator numbers tickets (no clashing numbers)
        try:
            with client:
                remote = client.issue(area.code, prefix=area.prefix, priority=args.priority)
        except ServerUnreachable as exc:
            print(f"{exc.message_vi} Chưa cấp số: khi mất kết nối, dùng phiếu số giấy và nhập số tại quầy.",
                  file=sys.stderr)
            return 1
    if remote is not None:
        number, waiting = remote["number"], remote["waiting_before"]
    else:
        visit = store.write(lambda s: queue.issue(s, area=area.code, priority=Priority(args.priority), now=now).value)
        with store.read() as s:
            waiting = sum(1 for v in queue.visits(s, day=now.date(), states={VisitState.WAITING})
                          if v.area == area.code and v.id != visit.id)
        number = visit.number
    ticket = queue_ticket(number=number, area_name=area.name, issued_at=now, waiting=waiting)
    thermal = None if args.save_only else open_printer(config.load().devices.printer_thermal)
    printers = None if args.save_only or thermal is not None else Printers(spool_dir=spool)
    done = print_queue_ticket(ticket, now=now, spool_dir=spool, thermal=thermal, printers=printers,
                              printer=args.printer)
    print(f"Số {number} ({area.name}); {done.via}{f': {done.saved_pdf}' if done.saved_pdf else ''}")
    return 0

