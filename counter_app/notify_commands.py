"""``counter-app notices deliver|list|secret``: the citizen notices of a profile (docs/notifications.md).

* ``deliver`` sends the outbox now through the configured providers (``[notify]``);
* ``list`` shows every notice folder with its state, recipients masked;
* ``secret NAME`` stores a provider's credential in the profile's keyring, read from standard
  input (or typed without echo on a terminal); ``--delete`` removes it. The value is never printed.
"""

from __future__ import annotations

import argparse
import sys


def register(sub) -> None:
    p = sub.add_parser("notices", help="thông báo cho công dân: gửi, xem danh sách, lưu khóa bí mật của nhà cung cấp")
    actions = p.add_subparsers(dest="notices_command", required=True)
    deliver = actions.add_parser("deliver", help="gửi ngay các thông báo đang chờ qua nhà cung cấp đã cấu hình")
    deliver.set_defaults(handler=_deliver)
    listing = actions.add_parser("list", help="liệt kê thông báo: chờ gửi, đã gửi, không gửi được")
    listing.set_defaults(handler=_list)
    secret = actions.add_parser("secret", help="lưu khóa bí mật của nhà cung cấp vào kho khóa của hồ sơ")
    secret.add_argument("name", help="notify-smtp-password | notify-sms-api-key | notify-zalo-access-token")
    secret.add_argument("--delete", action="store_true", help="xóa khóa bí mật đã lưu")
    secret.set_defaults(handler=_secret)


def _root(args: argparse.Namespace):
    from .profile import Profile

    return Profile.default(getattr(args, "data_dir", None)).root


def _deliver(args: argparse.Namespace) -> int:
    from . import config
    from .domain.errors import ConfigurationError
    from .notify_delivery import deliver_outbox, delivery_enabled

    cfg = config.load().notify
    if not delivery_enabled(cfg):
        raise ConfigurationError("no notice provider configured",
                                 "Chưa cấu hình nhà cung cấp gửi thông báo (notify.providers: email, sms, zalo); "
                                 "xem docs/notifications.md.")
    report = deliver_outbox(_root(args), cfg)
    print(report.line_vi())
    return 1 if report.busy else 0


def _list(args: argparse.Namespace) -> int:
    from .notify_delivery import list_outbox
    from .services.results import mask_email, mask_phone

    labels = {"waiting": "chờ gửi", "sent": "đã gửi", "failed": "không gửi được"}
    rows = list_outbox(_root(args))
    for row in rows:
        to = row["to"]
        extra = ", ".join(sorted(row["delivered"])) if row["delivered"] else row.get("last_error_vi", "")
        print(f"{labels[row['state']]:<15} {row['dossier_code']:<28} {mask_phone(to.get('phone', '')):<12} "
              f"{mask_email(to.get('email', '')):<24} lần thử {row.get('attempts', 0)}  {extra}".rstrip())
    if not rows:
        print("Không có thông báo nào trong hộp thư đi.")
    return 0


def _secret(args: argparse.Namespace) -> int:
    from .domain.errors import ValidationError
    from .notify_providers import SECRETS
    from .security.keystore import profile_secrets

    if args.name not in SECRETS:
        raise ValidationError(f"unknown notice secret {args.name}",
                              f"Tên khóa bí mật không đúng “{args.name}”; dùng một trong: {', '.join(SECRETS)}.")
    store = profile_secrets(_root(args))
    if args.delete:
        store.delete(args.name)
        print(f"Đã xóa khóa bí mật {args.name}.")
        return 0
    if sys.stdin.isatty():
        import getpass

        value = getpass.getpass(f"Nhập {args.name} (không hiện trên màn hình): ")
    else:
        value = sys.stdin.readline()
    value = value.strip()
    if not value:
        raise ValidationError("empty secret", "Khóa bí mật trống; không lưu gì.")
    store.set(args.name, value)
    print(f"Đã lưu {args.name} vào kho khóa của hồ sơ.")
    return 0
