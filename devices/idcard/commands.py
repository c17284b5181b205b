"""``counter-app idcard …``: list readers, read a chip ID card, manage the CSCA store."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    p = sub.add_parser("idcard", help="đọc thẻ căn cước gắn chip (CCCD)")
    p.set_defaults(handler=_usage(p))
    cmd = p.add_subparsers(dest="idcard_cmd")
    readers = cmd.add_parser("readers", help="liệt kê đầu đọc thẻ")
    readers.set_defaults(handler=_readers)

    read = cmd.add_parser("read", help="đọc chip trên thẻ")
    read.add_argument("--reader", help="tên đầu đọc (mặc định: đầu đọc đang có thẻ)")
    read.add_argument("--can", help="số CAN: 6 số cuối của số định danh")
    read.add_argument("--mrz-doc", help="số giấy tờ trong MRZ: 9 số cuối của số định danh")
    read.add_argument("--dob", help="ngày sinh YYMMDD (theo MRZ)")
    read.add_argument("--expiry", help="ngày hết hạn YYMMDD (theo MRZ)")
    read.add_argument("--mrz", help="ba dòng MRZ mặt sau thẻ (90 ký tự)")
    read.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    read.add_argument("--no-photo", action="store_true", help="không đọc ảnh chân dung (nhanh hơn)")
    read.add_argument("--photo-out", help="lưu ảnh chân dung vào tệp này")
    read.add_argument("--csca", help="thư mục chứng thư CSCA (mặc định: <dữ liệu>/csca)")
    read.add_argument("--bac-first", action="store_true", help="thử BAC (MRZ) trước PACE")
    read.add_argument("--no-bac-fallback", action="store_true", help="không chuyển sang BAC khi PACE thất bại")
    read.add_argument("--wait", type=float, default=0.0, help="chờ đặt thẻ tối đa N giây")
    read.set_defaults(handler=_read)

    csca = cmd.add_parser("csca", help="kho chứng thư gốc CSCA để xác thực dữ liệu chip")
    csca_cmd = csca.add_subparsers(dest="csca_cmd", required=True)
    imp = csca_cmd.add_parser("import", help="nạp chứng thư (.der/.cer/.pem) hoặc danh sách CSCA (.ml)")
    imp.add_argument("file")
    csca_cmd.add_parser("list", help="liệt kê chứng thư trong kho")
    csca.set_defaults(handler=_csca)


def _usage(parser):
    def run(args) -> int:
        parser.print_help()
        return 1
    return run


def _csca_dir(args):
    from pathlib import Path

    from counter_app.profile import Profile

    return Path(args.csca) if getattr(args, "csca", None) else Profile.default(args.data_dir).root / "csca"


def _readers(args: argparse.Namespace) -> int:
    from .facade import IdCardReader

    with IdCardReader() as reader:
        names = reader.readers()
    for name in names:
        print(name)
    if not names:
        print("Chưa thấy đầu đọc thẻ nào.")
    return 0


def _key(args: argparse.Namespace):
    from . import keys
    from .errors import CardDataError

    mrz = None
    if args.mrz:
        mrz = keys.from_mrz_text(args.mrz).mrz
    elif args.mrz_doc or args.dob or args.expiry:
        if not (args.mrz_doc and args.dob and args.expiry):
            raise CardDataError("incomplete MRZ key", "Cần đủ ba thông tin MRZ: --mrz-doc, --dob và --expiry.")
        mrz = keys.from_mrz_fields(document_number=args.mrz_doc, date_of_birth=args.dob,
                                   date_of_expiry=args.expiry).mrz
    if args.can is None and mrz is None:
        raise CardDataError("no key", "Cần số CAN (--can) hoặc thông tin MRZ (--mrz-doc, --dob, --expiry) để đọc chip.")
    return keys.AccessKey(can=args.can.strip() if args.can else None, mrz=mrz)


def _read(args: argparse.Namespace) -> int:
    import json
    import time
    from concurrent.futures import TimeoutError as FutureTimeout
    from pathlib import Path

    from .access import AccessPolicy
    from .csca import CscaStore
    from .errors import IdCardError, NoCardError
    from .facade import IdCardReader
    from .readflow import ReadOptions

    key = _key(args)
    options = ReadOptions(policy=AccessPolicy(pace_first=not args.bac_first, bac_fallback=not args.no_bac_fallback),
                          read_photo=not args.no_photo, csca=CscaStore.load(_csca_dir(args)))
    with IdCardReader(options=options) as reader:
        deadline = time.monotonic() + max(0.0, args.wait)
        while True:
            try:
                identity = reader.read(reader=args.reader, key=key)
                break
            except NoCardError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.2)
            except FutureTimeout:
                raise IdCardError("read timed out", "Đọc thẻ quá lâu, đã dừng. Đặt lại thẻ và đọc lại.") from None
    if args.photo_out and identity.photo:
        Path(args.photo_out).write_bytes(identity.photo)
    if args.json:
        print(json.dumps(identity.to_json(), ensure_ascii=False))
    else:
        labels = {"id_number": "Số định danh", "full_name": "Họ và tên", "date_of_birth": "Ngày sinh",
                  "sex": "Giới tính", "place_of_residence": "Nơi thường trú", "expiry_date": "Có giá trị đến",
                  "passive_auth": "Xác thực dữ liệu chip", "access": "Kiểu truy cập"}
        data = identity.to_json()
        for k, label in labels.items():
            print(f"{label}: {data[k] if data[k] is not None else ''}")
        print(identity.passive_auth.label_vi)
    return 0


def _csca(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .csca import CscaStore, import_file

    folder = _csca_dir(args)
    if args.csca_cmd == "import":
        n = import_file(Path(args.file), folder)
        print(f"Đã nạp {n} chứng thư vào {folder}")
    else:
        for cert in CscaStore.load(folder).certificates:
            print(f"{cert.subject.rfc4514_string()}\t{cert.not_valid_after_utc:%Y-%m-%d}")
    return 0
