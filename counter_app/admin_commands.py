"""``counter-app config …`` and ``counter-app diagnostics``: for admins and the help desk."""

from __future__ import annotations

import argparse
import sys
import json
from dataclasses import asdict
from pathlib import Path


def register(sub) -> None:
    cfg = sub.add_parser("config", help="tệp cấu hình của quầy")
    cfg.set_defaults(handler=_config)
    cfg.add_argument("action", choices=["path", "show", "check", "init", "agency"],
                     help="agency: lấy cấu hình theo cơ quan từ máy chủ và in cấu hình đang dùng")
    cfg.add_argument("--file", help="đường dẫn tệp (mặc định theo hệ điều hành hoặc $QMC_CONFIG)")
    diag = sub.add_parser("diagnostics", help="chẩn đoán, gói hỗ trợ kỹ thuật")
    diag.set_defaults(handler=_diagnostics)
    diag.add_argument("--bundle", help="ghi gói hỗ trợ (zip, đã ẩn dữ liệu cá nhân) vào tệp này")
    diag.add_argument("--devices", action="store_true",
                      help="kiểm tra các thiết bị đã cấu hình (không in, không ký: chỉ kiểm tra trạng thái)")


def _config(args: argparse.Namespace) -> int:
    from . import config

    path = Path(args.file) if args.file else config.default_path()
    if args.action == "agency":
        return _agency_settings(args, path)
    if args.action == "path":
        print(path)
    elif args.action == "init":
        if path.exists():
            print(f"Tệp đã có: {path} (không ghi đè)")
            return 1
        path.parent.mkdir(parents=True, exist_ok=True)
        config.save(config.Config(), path)
        print(path)
    else:
        loaded = config.load(path)
        if args.action == "show":
            print(json.dumps(asdict(loaded), ensure_ascii=False, indent=2))
        else:
            print(f"OK: {path}")
    return 0


def _agency_settings(args: argparse.Namespace, path: Path) -> int:
    from .profile import Profile
    from .setup.backend import effective_config, refresh_agency_settings

    store = Profile.default(args.data_dir).open_store()
    try:
        doc = refresh_agency_settings(store, path=path)
        print(f"Cấu hình theo cơ quan: {len(doc)} mục", file=sys.stderr)
        print(json.dumps(asdict(effective_config(store, path)), ensure_ascii=False, indent=2))
    finally:
        store.close()
    return 0


def _diagnostics(args: argparse.Namespace) -> int:
    from .diagnostics import collect, support_bundle
    from .profile import Profile

    profile = Profile.default(args.data_dir)
    store = profile.open_store()
    try:
        info = collect(store, data_dir=profile.root)
        if args.devices:
            from dataclasses import asdict as plain

            from .diagnostics import check_devices
            from .setup.backend import effective_config

            checks = check_devices(effective_config(store), spool_dir=profile.root / "print-tests")
            info["device_checks"] = {k: plain(c) for k, c in checks.items()}
            for check in checks.values():
                print(f"{'✓' if check.ok else '✗'} {check.device}: {check.message_vi}", file=sys.stderr)
    finally:
        store.close()
    if args.bundle:
        print(support_bundle(Path(args.bundle), diagnostics=info, log_dir=profile.log_dir))
    else:
        print(json.dumps(info, ensure_ascii=False, indent=2))
    return 0 if info["database"]["integrity"] == "ok" and info["audit"]["ok"] else 1
