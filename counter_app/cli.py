"""``counter-app``: the GUI by default; sub-commands for admins and scripts.

The GUI lives in ``ui/`` and is imported only when asked for, so the command line and
the whole core stay Qt-free.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta

from .domain.errors import CounterError, ValidationError


def _parse_dt(value: str) -> datetime:
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày giờ không hợp lệ “{value}” — dùng dạng YYYY-MM-DDTHH:MM, ví dụ 2026-02-13T14:30") from None
    if dt.tzinfo is not None:
        raise argparse.ArgumentTypeError("nhập giờ địa phương Việt Nam, không kèm múi giờ")
    return dt


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ “{value}” — dùng dạng YYYY-MM-DD") from None


def _positive(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}” không phải là số") from None
    if n <= 0:
        raise argparse.ArgumentTypeError("thời hạn phải lớn hơn 0")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="counter-app", description="Quầy Một cửa — ứng dụng tại quầy tiếp nhận và trả kết quả.")
    p.add_argument("--demo", action="store_true",
                   help="chạy giao diện trên hồ sơ dùng thử (dữ liệu mẫu, xóa khi thoát)")
    p.add_argument("--data-dir", help="thư mục dữ liệu (mặc định theo hệ điều hành, hoặc $QMC_DATA_DIR)")
    sub = p.add_subparsers(dest="command")

    cal = sub.add_parser("calendar", help="lịch ngày làm việc, ngày hẹn trả") \
        .add_subparsers(dest="cal_cmd", required=True)
    due = cal.add_parser("due", help="tính ngày hẹn trả kết quả")
    due.add_argument("--received", type=_parse_dt, required=True, help="thời điểm tiếp nhận, YYYY-MM-DDTHH:MM")
    kind = due.add_mutually_exclusive_group(required=True)
    kind.add_argument("--working-days", type=_positive)
    kind.add_argument("--working-hours", type=_positive)
    kind.add_argument("--in-day", action="store_true", help="giải quyết trong ngày")
    due.add_argument("--paused-hours", type=float, default=0, help="giờ làm việc tạm dừng chờ bổ sung")
    due.add_argument("--agency", help="mã cơ quan (chọn bảng ngày nghỉ/làm bù riêng)")
    due.add_argument("--explain", action="store_true", help="in thêm thời điểm bắt đầu tính")
    day = cal.add_parser("day", help="ngày này có phải ngày làm việc không")
    day.add_argument("date", type=_parse_date)
    day.add_argument("--agency")
    hol = cal.add_parser("holidays", help="các ngày nghỉ lễ, nghỉ bù, làm bù trong năm")
    hol.add_argument("--year", type=int, required=True)
    hol.add_argument("--agency")
    ov = cal.add_parser("override", help="bảng ngày nghỉ/làm bù bổ sung") \
        .add_subparsers(dest="ov_cmd", required=True)
    ov_add = ov.add_parser("add")
    ov_add.add_argument("date", type=_parse_date)
    ov_add.add_argument("--kind", choices=["off", "work"], required=True, help="off: nghỉ; work: làm bù")
    ov_add.add_argument("--note", required=True, help="căn cứ, ví dụ số văn bản thông báo")
    ov_add.add_argument("--agency", help="chỉ áp dụng cho cơ quan này (mặc định: toàn thành phố)")
    ov_rm = ov.add_parser("remove")
    ov_rm.add_argument("date", type=_parse_date)
    ov_rm.add_argument("--agency")
    ov.add_parser("list")

    cat = sub.add_parser("catalog", help="danh mục thủ tục hành chính").add_subparsers(dest="cat_cmd", required=True)
    search = cat.add_parser("search", help="tìm thủ tục (không cần dấu)")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20)
    show = cat.add_parser("show", help="xem một thủ tục theo mã")
    show.add_argument("code")
    imp = cat.add_parser("import", help="nạp danh mục từ tệp")
    imp.add_argument("file")
    imp.add_argument("--replace", action="store_true")

    db = sub.add_parser("db", help="cơ sở dữ liệu cục bộ").add_subparsers(dest="db_cmd", required=True)
    db.add_parser("upgrade", help="nâng cấp cấu trúc (sao lưu trước)")
    db.add_parser("info")
    db.add_parser("backup")
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ui.app import run_gui  # only here: the core never imports Qt

        return run_gui(demo=args.demo, data_dir=args.data_dir)
    from . import commands

    try:
        return commands.dispatch(args)
    except CounterError as exc:
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

__all__ = ["main", "build_parser", "ValidationError", "timedelta"]
