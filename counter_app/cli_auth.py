"""Sign-in on the command line (đăng nhập khi dùng dòng lệnh).

A command that changes the counter's data, or shows or exports citizens' personal data, runs
only for a signed-in officer: ``--officer USER`` and the password typed without echo (or, for
scripts, one line on standard input with ``--password-stdin``). The password is checked by the
same core sign-in as the app (:func:`counter_app.security.online_signin.sign_in`: online first
when a city backend is configured, else the cached offline verifier, with lockout and failures
counted), the command's permission is checked against the role table, and the command is
audited (``cli_command``). While it runs, :meth:`counter_app.profile.Profile.context` is that
officer's context, so the services' role checks and the audit log see the real officer.

:data:`REGISTRY` says which commands need it. A command not listed that asks the profile for a
counter context anyway is refused (``Profile.context`` raises), so a new command cannot act
as nobody by mistake.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .domain.errors import CounterError
from .security.permissions import Action

A = Action


class CliSignInError(CounterError):
    code = "cli_sign_in"


def _always(_args: argparse.Namespace) -> bool:
    return True


@dataclass(frozen=True)
class Requirement:
    """A command that needs a signed-in officer; ``action`` is the permission it needs
    (None: any signed-in officer), ``when`` narrows it to some of the command's options."""

    action: Action | None
    when: Callable[[argparse.Namespace], bool] = _always


#: Command path (sub-command names) → what it needs. Open: calendar due/day/holidays/override
#: list, catalog search/show, db, config (file only), diagnostics (its bundle is redacted), print
#: --sample, idcard (the card in hand, opened with its CAN), qr, barcode, scan to a file, sign (the
#: token's PIN), sync --once/--status, queue, display, kiosk, postal find, notices deliver — they
#: show no personal data from the profile, or only do what the app does by itself.
REGISTRY: dict[tuple[str, ...], Requirement] = {
    ("calendar", "override", "add"): Requirement(A.EDIT_CALENDAR),
    ("calendar", "override", "remove"): Requirement(A.EDIT_CALENDAR),
    ("catalog", "import"): Requirement(A.IMPORT_CATALOG),
    ("config",): Requirement(A.CONFIGURE_COUNTER, lambda a: a.action == "agency"),
    ("print",): Requirement(A.VIEW_PERSONAL_DATA, lambda a: bool(getattr(a, "dossier", None))),
    ("idcard", "csca", "import"): Requirement(A.CONFIGURE_COUNTER),
    ("scan",): Requirement(A.RECEIVE_DOSSIER, lambda a: bool(getattr(a, "dossier", None))),
    ("sync",): Requirement(A.CONFIGURE_COUNTER, lambda a: bool(a.configure)),
    ("report", "indicators"): Requirement(None),
    ("report", "book"): Requirement(A.EXPORT_PERSONAL_DATA),
    ("fees", "refund"): Requirement(A.REFUND_FEE),
    ("fees", "cancel"): Requirement(A.REFUND_FEE),
    ("fees", "cash-report"): Requirement(A.COLLECT_FEE),
    ("postal", "sent"): Requirement(A.RETURN_RESULT),
    ("online", "list"): Requirement(A.VIEW_PERSONAL_DATA),
    ("purge",): Requirement(A.CONFIGURE_COUNTER),
    ("notices", "list"): Requirement(A.VIEW_PERSONAL_DATA),
    ("notices", "secret"): Requirement(A.CONFIGURE_COUNTER),
}

_state: dict = {"running": False, "officer": None}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Give every registered command ``--officer`` and ``--password-stdin`` (called by cli.py)."""
    for path, leaf in _leaves(parser, ()):
        if path in REGISTRY:
            leaf.set_defaults(cli_command=path)
            leaf.add_argument("--officer", metavar="USER", help="tên đăng nhập của cán bộ thực hiện lệnh")
            leaf.add_argument("--password-stdin", action="store_true",
                              help="đọc mật khẩu từ một dòng của đầu vào chuẩn (cho tập lệnh)")


def _leaves(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], object]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs or path in REGISTRY:
        yield path, parser
        return
    for name, child in subs[0].choices.items():
        yield from _leaves(child, (*path, name))


def signed_in_officer():
    """The officer the running command signed in as (``signin.Officer``), or None."""
    return _state["officer"]


def in_command() -> bool:
    return _state["running"]


def not_signed_in() -> CliSignInError:
    return CliSignInError("command used the counter context without signing in",
                          "Lệnh này cần cán bộ đăng nhập (--officer TÊN, mật khẩu) nhưng chưa được khai báo "
                          "trong counter_app.cli_auth.REGISTRY; báo cho bộ phận kỹ thuật.")


@contextmanager
def command_session(args: argparse.Namespace) -> Iterator[None]:
    """Around one command: sign the officer in when the command needs it; forget them after."""
    _state.update(running=True, officer=None)
    try:
        path = getattr(args, "cli_command", None)
        if path is not None and REGISTRY[path].when(args):
            _state["officer"] = sign_in(args, path, REGISTRY[path])
        yield
    finally:
        _state.update(running=False, officer=None)


def sign_in(args: argparse.Namespace, path: tuple[str, ...], requirement: Requirement):
    """Check the officer's password (core sign-in), their permission, and audit the command."""
    from . import clock, config
    from .profile import Profile
    from .security import audit, online_signin
    from .security.permissions import PermissionDenied, require
    from .security.signin import CounterSession, SecurityPolicy

    command = " ".join(path)
    username = _username(args, command)
    password = _password(args, username)
    profile = Profile.default(getattr(args, "data_dir", None))
    store = profile.open_store()
    try:
        now = clock.now()
        policy = SecurityPolicy.from_config(config.load().security)
        officer = online_signin.sign_in(store, CounterSession(policy), username=username, password=password,
                                        now=now, client=online_signin.default_client(store)).officer
        try:
            if requirement.action is not None:
                require(officer.role, requirement.action)
        except PermissionDenied:
            store.write(lambda s: audit.append(s, actor=officer.username, action="cli_command_denied",
                                               target=command, at=now))
            raise
        store.write(lambda s: audit.append(s, actor=officer.username, action="cli_command", target=command,
                                           details={"role": officer.role.value}, at=now))
    finally:
        store.close()
    if sys.stderr.isatty():  # scripts read stderr for the error line only
        print(f"Cán bộ {officer.full_name} ({officer.username}) đã đăng nhập để chạy “{command}”.", file=sys.stderr)
    return officer


def _username(args: argparse.Namespace, command: str) -> str:
    if getattr(args, "officer", None):
        return args.officer.strip()
    if not args.password_stdin and sys.stdin.isatty():
        name = input("Tên đăng nhập của cán bộ: ").strip()
        if name:
            return name
    raise CliSignInError("no --officer", f"Lệnh “{command}” cần cán bộ đăng nhập: thêm --officer TÊN_ĐĂNG_NHẬP "
                                         "(mật khẩu nhập khi được hỏi, hoặc --password-stdin trong tập lệnh).")


def _password(args: argparse.Namespace, username: str) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        import getpass

        try:
            password = getpass.getpass(f"Mật khẩu của {username} (không hiện trên màn hình): ")
        except (EOFError, KeyboardInterrupt):
            password = ""
    else:
        raise CliSignInError("no terminal for the password",
                             "Không có bàn phím để nhập mật khẩu: trong tập lệnh, dùng --password-stdin và đưa "
                             "mật khẩu vào đầu vào chuẩn.")
    if not password:
        raise CliSignInError("empty password", "Mật khẩu trống.")
    return password


def profile_officer() -> str:
    """The signed-in officer's username, for commands that record who did something."""
    officer = _state["officer"]
    if officer is None:
        raise not_signed_in()
    return officer.username


__all__ = ["REGISTRY", "Requirement", "add_arguments", "command_session", "signed_in_officer", "in_command",
           "profile_officer", "CliSignInError"]
