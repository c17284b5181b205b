"""``counter-app purge``: the retention purge of local copies (docs/security.md).

``counter-app purge`` uses ``security.retention_days`` (and ``security.retention_personal_fields``)
of the configuration; ``--days``/``--personal-fields`` override them, ``--dry-run`` only lists.
"""

from __future__ import annotations

import argparse


def register(sub) -> None:
    p = sub.add_parser("purge", help="xóa bản sao tệp số hóa của hồ sơ đã trả kết quả và đã đồng bộ, quá thời hạn lưu")
    p.add_argument("--days", type=int, help="số ngày lưu giữ sau khi trả kết quả (mặc định: security.retention_days)")
    p.add_argument("--personal-fields", action="store_true",
                   help="xóa cả số định danh, điện thoại, thư điện tử, địa chỉ trong bản sao tại quầy")
    p.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không xóa")
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from .. import clock, config
    from ..domain.errors import ConfigurationError
    from ..profile import Profile
    from ..services.retention import purge_local_copies

    cfg = config.load().security
    days = args.days if args.days is not None else cfg.retention_days
    if days == 0:
        raise ConfigurationError("retention not configured",
                                 "Chưa cấu hình thời hạn lưu giữ (security.retention_days); dùng --days N "
                                 "hoặc đặt khóa đó trong tệp cấu hình.")
    profile = Profile.default(args.data_dir)
    store = profile.open_store()
    try:
        ctx = profile.context(store)  # the signed-in officer: CONFIGURE_COUNTER, named in the audit entry
        report = purge_local_copies(store, data_root=profile.root, now=clock.now(), retention_days=days,
                                    personal_fields=args.personal_fields or cfg.retention_personal_fields,
                                    by="counter-app purge", dry_run=args.dry_run, ctx=ctx)
    finally:
        store.close()
    verb = "Sẽ xóa" if args.dry_run else "Đã xóa"
    print(f"{verb} bản sao của {len(report.dossiers)} hồ sơ ({report.files_deleted} tệp, "
          f"{report.bytes_freed} byte); {report.waiting_sync} hồ sơ chờ đồng bộ xong mới xóa.")
    for code in report.dossiers:
        print(code)
    return 0
