"""``counter-app qr …`` and ``counter-app barcode …`` (output is plain text or JSON for scripts).

Card data is personal data: ``barcode read`` and ``barcode listen`` mask ID numbers and
hide names unless ``--full`` is given; nothing is logged.
"""

from __future__ import annotations

import argparse
import json
import sys

from counter_app.domain.personal_id import mask_id_number


def register(sub) -> None:
    qr = sub.add_parser("qr", help="mã QR trên thẻ căn cước")
    qr_sub = qr.add_subparsers(dest="qr_cmd", required=True)
    parse = qr_sub.add_parser("parse", help="đọc nội dung mã QR thẻ căn cước (dùng “-” để đọc từ stdin)")
    parse.add_argument("text")
    parse.add_argument("--json", action="store_true", help="in dạng JSON")
    parse.set_defaults(handler=_qr_parse)

    bc = sub.add_parser("barcode", help="mã vạch, mã QR: đọc từ ảnh/PDF, đầu đọc cổng COM")
    bc_sub = bc.add_subparsers(dest="barcode_cmd", required=True)
    read = bc_sub.add_parser("read", help="liệt kê các mã trên ảnh hoặc tệp PDF")
    read.add_argument("file", metavar="IMAGE_OR_PDF")
    read.add_argument("--dpi", type=int, default=200, help="độ phân giải khi đọc PDF (mặc định 200)")
    read.add_argument("--json", action="store_true")
    read.add_argument("--full", action="store_true", help="in đầy đủ nội dung mã QR thẻ (dữ liệu cá nhân)")
    read.set_defaults(handler=_barcode_read)
    cls = bc_sub.add_parser("classify", help="phân loại một mã (hồ sơ, thẻ căn cước, thủ tục)")
    cls.add_argument("text")
    cls.add_argument("--wedge", action="store_true", help="mã gõ qua bàn phím (thử khôi phục lỗi bộ gõ)")
    cls.set_defaults(handler=_barcode_classify)
    listen = bc_sub.add_parser("listen", help="nhận mã từ đầu đọc qua cổng COM")
    listen.add_argument("--port", required=True, help="ví dụ COM3 hoặc /dev/ttyACM0")
    listen.add_argument("--baud", type=int, default=9600)
    listen.add_argument("--count", type=int, default=0, help="dừng sau N mã (0: chạy đến khi Ctrl+C)")
    listen.add_argument("--full", action="store_true")
    listen.set_defaults(handler=_barcode_listen)
    bc_sub.add_parser("ports", help="các cổng COM và khả năng đọc mã của máy này").set_defaults(handler=_ports)


def _read_text(text: str) -> str:
    return sys.stdin.read() if text == "-" else text


def _qr_parse(args: argparse.Namespace) -> int:
    from .cccd_qr import parse_card_qr

    card = parse_card_qr(_read_text(args.text))  # NotACardQr → "Lỗi: …", exit 2
    data = card.to_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for key in ("id_number", "old_id_number", "full_name", "date_of_birth", "sex", "address", "issue_date"):
        print(f"{key}\t{data[key] if data[key] is not None else ''}")
    for w in card.warnings:
        print(f"warning\t{w.code}\t{w.message_vi}")
    return 0


def _shown(scan, full: bool) -> str:
    from .dispatch import ScanKind

    if scan.kind is ScanKind.CARD_QR and not full:
        return f"thẻ căn cước {mask_id_number(scan.card.id_number)}"
    return scan.text


def _barcode_read(args: argparse.Namespace) -> int:
    from .scan_codes import read_codes

    found = read_codes(args.file, dpi=args.dpi)
    if args.json:
        print(json.dumps([{"page": f.page, "format": f.format, "kind": f.scan.kind.value,
                           "text": _shown(f.scan, args.full), "box": list(f.box)} for f in found],
                         ensure_ascii=False, indent=2))
    else:
        for f in found:
            print(f"{f.page}\t{f.format}\t{f.scan.kind.value}\t{_shown(f.scan, args.full)}")
        if not found:
            print("Không tìm thấy mã vạch hay mã QR nào.", file=sys.stderr)
    return 0 if found else 1


def _barcode_classify(args: argparse.Namespace) -> int:
    from counter_app.profile import Profile

    from .dispatch import ScanKind, ScanSource, classify_scan
    from .errors import UnknownScan

    store = Profile.default(args.data_dir).open_store()
    try:
        with store.read() as session:
            r = classify_scan(_read_text(args.text), session=session,
                              source=ScanSource.WEDGE if args.wedge else ScanSource.SERIAL)
    finally:
        store.close()
    if r.kind is ScanKind.UNKNOWN:
        raise UnknownScan("scan not recognised", r.message_vi)
    print(f"{r.kind.value}\t{_shown(r, False)}\t{r.message_vi}")
    for w in r.warnings:
        print(f"warning\t{w.code}\t{w.message_vi}")
    return 0


def _barcode_listen(args: argparse.Namespace) -> int:
    import queue

    from .dispatch import ScanSource, classify_scan
    from .serial_scanner import SerialConfig, SerialScanner, state_message_vi

    events: queue.Queue = queue.Queue()
    scanner = SerialScanner(SerialConfig(args.port, args.baud), on_scan=lambda f: events.put(("scan", f)),
                            on_state=lambda s: events.put(("state", s)))
    scanner.start()
    seen = 0
    try:
        while not args.count or seen < args.count:
            kind, value = events.get()
            if kind == "state":
                print(state_message_vi(value, args.port), file=sys.stderr, flush=True)
                continue
            seen += 1
            r = classify_scan(value.text, source=ScanSource.SERIAL)
            print(f"{r.kind.value}\t{_shown(r, args.full)}", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        scanner.stop()
    return 0


def _ports(args: argparse.Namespace) -> int:
    from .facade import available

    a = available()
    for p in a.serial_ports:
        print(f"{p.device}\t{p.description}")
    for problem in a.problems_vi:
        print(problem, file=sys.stderr)
    return 0
