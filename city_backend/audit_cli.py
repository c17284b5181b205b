"""``city-backend audit``: the city administrator's console for broken counter audit chains
(cảnh báo nhật ký của quầy bị sửa hoặc xóa).

    city-backend audit alerts --db URL [--agency CODE] [--open] [--limit N]
    city-backend audit accept ID --db URL --by NAME --reason TEXT

Runs on the server host against the city database, the same functions the admin API uses
(``GET /v1/admin/audit/alerts``, ``POST …/accept``): the decision is recorded on the alert and
in the server's own audit log. Messages to the administrator are in Vietnamese.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from sqlalchemy import select

KIND_VI = {"continue": "mục bị sửa/xóa", "restart": "cơ sở dữ liệu bị thay", "rewrite": "gửi lại khác đi"}


def add_parser(sub) -> None:
    audit = sub.add_parser("audit", help="list or accept audit-chain alerts (administrators)")
    verbs = audit.add_subparsers(dest="verb", required=True)
    alerts = verbs.add_parser("alerts", help="alerts of broken counter chains, newest first")
    alerts.add_argument("--db", required=True)
    alerts.add_argument("--agency", help="only this agency's counters")
    alerts.add_argument("--open", action="store_true", help="only alerts not accepted yet")
    alerts.add_argument("--limit", type=int, default=200)
    accept = verbs.add_parser("accept", help="accept one break, with who decided and why")
    accept.add_argument("alert_id", type=int)
    accept.add_argument("--db", required=True)
    accept.add_argument("--by", required=True, dest="decided_by", help="the administrator who decided")
    accept.add_argument("--reason", required=True, help="why (e.g. the minutes of a disk replacement)")


def _when(at: datetime | None) -> str:
    return f"{at:%d/%m/%Y %H:%M}" if at else "—"


def alert_lines(rows) -> list[str]:
    """One line per alert: what broke where, how often, and the decision if any."""
    if not rows:
        return ["Không có cảnh báo nào."]
    lines = []
    for r in rows:
        decision = (f"đã chấp nhận bởi {r.accepted_by} lúc {_when(r.accepted_at)}" if r.accepted_at
                    else "CHƯA XỬ LÝ" + (" (không thể chấp nhận)" if r.kind == "rewrite" else ""))
        lines.append(f"#{r.id}  {r.agency_code}/{r.counter_code}  chuỗi {r.epoch}, mục số {r.seq}  "
                     f"[{KIND_VI.get(r.kind, r.kind)}]  {r.repeats} lần, lần cuối {_when(r.last_at)}  — {decision}")
        lines.append(f"      {r.reason}")
    return lines


def run(args: argparse.Namespace) -> int:
    from .audit_accept import accept
    from .db import Database, server_now
    from .errors import ApiError
    from .models_audit import CounterAuditAlert

    db = Database(args.db)
    try:
        if args.verb == "alerts":
            query = select(CounterAuditAlert).order_by(CounterAuditAlert.id.desc()).limit(args.limit)
            if args.agency:
                query = query.where(CounterAuditAlert.agency_code == args.agency)
            if args.open:
                query = query.where(CounterAuditAlert.accepted_at.is_(None))
            with db.session() as s:
                print("\n".join(alert_lines(list(s.scalars(query)))))
            return 0
        try:
            alert = accept(db, args.alert_id, decided_by=args.decided_by, reason=args.reason, at=server_now())
        except ApiError as exc:
            print(f"Không chấp nhận được: {exc.message_vi}")
            return 1
        print(f"Đã chấp nhận cảnh báo #{alert.id} ({alert.agency_code}/{alert.counter_code}, mục số {alert.seq}); "
              "lần đồng bộ tới của quầy sẽ đi qua điểm đứt này.")
        return 0
    finally:
        db.dispose()
