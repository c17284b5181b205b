"""``counter-app``: the GUI by default; sub-commands for admins and scripts.

The GUI lives in ``ui/`` and is imported only when asked for, so the command line and
the whole core stay Qt-free.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from datetime import date, datetime

from . import cli_auth
from .domain.errors import CounterError

#: Modules adding sub-commands. Each has ``register(subparsers)``; every parser it adds sets
#: ``handler=callable(args) -> int`` with ``set_defaults``. Keep them light: import heavy
#: libraries inside the handlers, so ``counter-app --help`` stays fast and Qt-free.
COMMAND_MODULES = [
    "counter_app.commands",  # calendar, catalog, db
    "counter_app.admin_commands",  # config, diagnostics
    "printing.commands",  # print (printing issue)
    "devices.idcard.commands",  # idcard (ID card issue)
    "devices.barcode.commands",  # qr, barcode (barcode issue)
    "devices.docscanner.commands",  # scan, sign (scanning issue)
    "counter_app.sync.commands",  # sync (sync issue)
    "counter_app.queue_commands",  # queue, display (queue issue)
    "counter_app.lifecycle_commands",  # report indicators / book (lifecycle issue)
    "counter_app.fee_commands",  # fees refund / cancel / cash-report (phí, lệ phí)
    "counter_app.channel_commands",  # postal, online (online issue)
    "counter_app.security.commands",  # purge (security issue: retention)
    "counter_app.notify_commands",  # notices (notification providers)
]


def parse_datetime(value: str) -> datetime:
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày giờ không hợp lệ “{value}” — dùng dạng YYYY-MM-DDTHH:MM, ví dụ 2026-02-13T14:30") from None
    if dt.tzinfo is not None:
        raise argparse.ArgumentTypeError("nhập giờ địa phương Việt Nam, không kèm múi giờ")
    return dt


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ “{value}” — dùng dạng YYYY-MM-DD") from None


def positive_number(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}” không phải là số") from None
    if n <= 0:
        raise argparse.ArgumentTypeError("thời hạn phải lớn hơn 0")
    return n


#: argparse's own words (usage line, section headers, its error messages) in Vietnamese. argparse
#: looks them up through gettext, for which the app ships no catalogue: :func:`_argparse_in_vietnamese`
#: hands it this table when the parser is built. Words not listed stay as argparse has them.
ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "positional arguments": "lệnh và đối số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
    "unrecognized arguments: %s": "đối số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn trong %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "not allowed with argument %s": "không dùng cùng đối số %s",
    "one of the arguments %s is required": "cần một trong các đối số %s",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn không rõ: %(option)s có thể là %(matches)s",
    "ignored explicit argument %r": "đối số %r bị bỏ qua",
}


def _argparse_in_vietnamese() -> None:
    argparse._ = lambda text: ARGPARSE_VI.get(text, text)  # argparse's module-level gettext


def _gui_parser() -> argparse.ArgumentParser:
    _argparse_in_vietnamese()
    p = argparse.ArgumentParser(
        prog="counter-app", description="Quầy Một cửa — ứng dụng tại quầy tiếp nhận và trả kết quả.")
    p.add_argument("--demo", action="store_true",
                   help="chạy giao diện trên hồ sơ dùng thử (dữ liệu mẫu, xóa khi thoát)")
    p.add_argument("--data-dir", help="thư mục dữ liệu (mặc định theo hệ điều hành, hoặc $QMC_DATA_DIR)")
    return p


def build_parser() -> argparse.ArgumentParser:
    p = _gui_parser()
    sub = p.add_subparsers(dest="command")
    for module in command_modules():
        module.register(sub)
    cli_auth.add_arguments(p)  # --officer/--password-stdin on the commands that need a sign-in
    return p


def command_modules() -> list:
    """The sub-command modules that exist in this build (a feature not built yet is absent)."""
    found = []
    for name in COMMAND_MODULES:
        try:
            spec = importlib.util.find_spec(name)
        except ModuleNotFoundError:
            spec = None
        if spec is not None:
            found.append(importlib.import_module(name))
    return found


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not {"-h", "--help"} & set(argv):  # the GUI needs none of the command modules: start fast
        gui_args, rest = _gui_parser().parse_known_args(argv)
        if not rest:
            from ui.app import run_gui

            return run_gui(demo=gui_args.demo, data_dir=gui_args.data_dir)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ui.app import run_gui  # only here: the core never imports Qt

        return run_gui(demo=args.demo, data_dir=args.data_dir)
    try:
        with cli_auth.command_session(args):  # signs the officer in when the command needs it
            return args.handler(args)
    except CounterError as exc:
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

__all__ = ["main", "build_parser", "parse_datetime", "parse_date", "positive_number"]
