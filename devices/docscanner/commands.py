"""``counter-app scan`` and ``counter-app sign``: digitise pages to a PDF, sign a PDF with a token."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from counter_app.domain.errors import ValidationError


def register(sub) -> None:
    scan = sub.add_parser("scan", help="quét giấy tờ thành tệp PDF (số hóa thành phần hồ sơ)")
    scan.add_argument("--device", help="tên máy quét SANE, ví dụ test:0 (mặc định: máy đầu tiên)")
    scan.add_argument("--pages", type=int, default=None, help="số trang cần quét (ADF: đến khi hết giấy)")
    scan.add_argument("--out", required=True, help="tệp PDF kết quả")
    scan.add_argument("--mode", choices=["color", "gray", "lineart"], default="gray")
    scan.add_argument("--resolution", type=int, default=200, help="dpi (mặc định 200)")
    scan.add_argument("--page-size", choices=["a4", "a5", "letter", "max"], default="a4")
    scan.add_argument("--source", choices=["flatbed", "adf"], default="flatbed")
    scan.add_argument("--duplex", action="store_true", help="quét hai mặt (chỉ với ADF)")
    scan.add_argument("--drop-blank", action="store_true", help="bỏ các trang trắng")
    scan.add_argument("--dossier", help="mã hồ sơ: lưu tệp vào hồ sơ này")
    scan.add_argument("--component", type=int, default=1, help="số thứ tự thành phần hồ sơ (từ 1)")
    scan.set_defaults(handler=_scan)

    sign = sub.add_parser("sign", help="ký số tệp PDF bằng USB ký số (PKCS#11, PAdES)")
    sign.add_argument("file", help="tệp PDF cần ký")
    sign.add_argument("--module", required=True, help="thư viện PKCS#11 của USB ký số (.so / .dll)")
    sign.add_argument("--pin-env", required=True, help="tên biến môi trường chứa mã PIN (PIN không nhập trên "
                                                       "dòng lệnh)")
    sign.add_argument("--out", required=True, help="tệp PDF đã ký")
    sign.add_argument("--token-label", help="tên (nhãn) token")
    sign.add_argument("--slot", type=int, help="số thứ tự khe (slot), khi không dùng nhãn")
    sign.add_argument("--key-label", help="nhãn khóa ký (mặc định: khóa duy nhất trên token)")
    sign.add_argument("--cert-label", help="nhãn chứng thư số (mặc định: như nhãn khóa)")
    sign.add_argument("--reason", default="Số hóa hồ sơ")
    sign.add_argument("--location", default="")
    sign.set_defaults(handler=_sign)


def _scan(args: argparse.Namespace) -> int:
    from .facade import DocumentScanner
    from .options import ColourMode, PageSize, ScanOptions, Source
    from .pages import PageSet

    if args.pages is not None and args.pages < 1:
        raise ValidationError("pages must be >= 1", "Số trang cần quét phải từ 1 trở lên.")
    options = ScanOptions(device=args.device, resolution=args.resolution, mode=ColourMode(args.mode),
                          page_size=PageSize(args.page_size), source=Source(args.source), duplex=args.duplex)
    with DocumentScanner() as scanner:
        if not scanner.available():
            from .errors import NoScannerError

            raise NoScannerError(args.device)
        job = scanner.start_scan(options=options, pages=args.pages,
                                 on_page=lambda page, i: print(f"trang {i + 1}", file=sys.stderr))
        try:
            result = job.result()
        except KeyboardInterrupt:
            job.cancel()
            result = job.result()
    pages = PageSet(result.pages)
    dropped = pages.drop_blank() if args.drop_blank else []
    if len(pages):
        document = pages.to_pdf()
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(document.data)
        print(f"{out}\t{document.pages} trang\t{len(document.data) / 1024:.0f} KB"
              + (f"\t(bỏ {len(dropped)} trang trắng)" if dropped else ""))
        if args.dossier:
            _attach(args, pages)
    if result.error is not None:
        raise result.error
    if not len(pages):
        raise ValidationError("no pages", "Không có trang nào (tất cả là trang trắng?). Chưa tạo tệp PDF.")
    return 0


def _attach(args: argparse.Namespace, pages) -> None:
    from counter_app.clock import now
    from counter_app.profile import Profile

    from .digitise import attach_pages

    profile = Profile.default(args.data_dir)
    store = profile.open_store()
    try:
        ctx = profile.context(store)
        info = attach_pages(store, data_root=profile.root, dossier_code=args.dossier,
                            component_position=args.component - 1, pages=pages, by=ctx.officer, now=now()).value
    finally:
        store.close()
    print(f"{info.dossier_code}\tthành phần {info.component_position + 1}\t{info.sha256}"
          + ("\t(đã có)" if info.deduplicated else ""))


def _sign(args: argparse.Namespace) -> int:
    from devices.signing import EnvPinHandler, SigningToken, TokenConfig, validate

    if not os.environ.get(args.pin_env):
        raise ValidationError(f"environment variable {args.pin_env} is empty",
                              f"Biến môi trường {args.pin_env} chưa có mã PIN của USB ký số. Đặt biến này rồi "
                              "chạy lại (mã PIN không được ghi trên dòng lệnh).")
    source = Path(args.file)
    try:
        data = source.read_bytes()
    except OSError:
        raise ValidationError(f"cannot read {source}", f"Không đọc được tệp “{source}”. Kiểm tra đường dẫn.") \
            from None
    config = TokenConfig(args.module, token_label=args.token_label, slot=args.slot, key_label=args.key_label,
                         cert_label=args.cert_label)
    with SigningToken(config) as token:
        signed = token.sign_pdf(data, handler=EnvPinHandler(args.pin_env), reason=args.reason,
                                location=args.location)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(signed)
    checks = validate(signed, trust_roots=[_signer_certificate(signed)])  # self-check: intact and valid
    last = checks[-1]
    print(f"{out}\tintact={'yes' if last.intact else 'no'}\tvalid={'yes' if last.valid else 'no'}\t"
          f"{len(checks)} chữ ký")
    return 0 if last.intact and last.valid else 2


def _signer_certificate(pdf: bytes):
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures[-1].signer_cert
