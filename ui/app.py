"""Starting the GUI: ``counter-app`` (or ``counter-app --demo``) ends up in :func:`run_gui`.

Order: QApplication → language (``$QMC_LANG``) → brand theme → profile → sign-in window,
while a worker thread opens the store (:mod:`ui.startup`) → main window (for the signed-in
officer) → event loop. Nothing SQLAlchemy-, printing- or device-related is imported before
the sign-in window shows. ``$QMC_EXIT_AFTER_START_MS`` quits after that many ms, from the
sign-in window and the first-run setup wizard too (bundle smoke test);
``$QMC_DEMO_AUTO_SIGNIN=1`` signs the demo officer in without the dialog (demo profile only);
``$QMC_SMOKE_RECEIPT=<pdf>`` (demo only) receives a dossier, prints its receipt there and exits 0
(:mod:`ui.smoke`). A demo profile lives in a temporary folder, deleted on exit.
Errors raised by the core are shown with their message in the interface language, never a
traceback; anything unexpected — at start-up or in a slot — gets a calm dialog and a redacted
crash report in the profile's ``crash/`` folder (in the support bundle), never a raw traceback.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PyQt6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PyQt6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from counter_app.domain.errors import CounterError
from counter_app.profile import Profile

from .i18n import install_language, language_from_env, remove_language
from .labels import error_text
from .smoke import SMOKE_ENV, SmokeRun, smoke_target
from .startup import PendingWorkspace, StartCache
from .theme import Theme

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .workspace import Workspace

log = logging.getLogger(__name__)

APP_NAME = "quay-mot-cua"
ORG_NAME = "QuayMotCua"
FONT_SCALE_KEY = "view/font_scale"
FIRST_PAINT_FALLBACK_MS = 150


def run_gui(*, demo: bool, data_dir: str | None) -> int:
    """Run the counter window until it is closed; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app)
    translator = install_language(app, language_from_env())
    profile: Profile | None = None
    pending: PendingWorkspace | None = None
    workspace: Workspace | None = None
    crashes = CrashReports()
    smoke = smoke_target()
    if smoke is not None and not demo:
        print(f"{SMOKE_ENV} works with --demo only (it records a dossier).", file=sys.stderr)
        remove_language(app, translator)
        return 2
    try:
        with _errors_shown_as_dialogs(crashes):
            try:
                profile = Profile.throwaway_demo() if demo else Profile.default(data_dir)
                _log_to_profile(profile)
                crashes.folder = profile.root / "crash"
                exit_after = os.environ.get("QMC_EXIT_AFTER_START_MS")  # smoke tests of the bundle
                if exit_after:  # quits from the setup wizard and the sign-in window too
                    QTimer.singleShot(int(exit_after), lambda: _exit_now(app))
                settings = ui_settings(profile)
                theme = Theme(app, scale=_saved_scale(settings))
                theme.apply()
                theme.scaleChanged.connect(lambda scale: settings.setValue(FONT_SCALE_KEY, scale))
                # A new real profile: first-run setup (ship issue). A profile with a database never
                # needs it (counter_app.setup.marker.needs_setup), and importing counter_app.setup
                # costs ~30 ms before the sign-in window: only look when there is no database yet.
                if not profile.db_path.exists():
                    from .setup_wizard import ensure_set_up

                    if not ensure_set_up(profile):
                        return 0  # the setup wizard was left: nothing written
                cache = StartCache(settings)
                pending = PendingWorkspace(profile, None if demo else cache.load())
                signed_in = sign_in_at_start(pending)
                if pending.started:
                    workspace = pending.wait()  # raises what opening the store raised
                    cache.save(workspace)  # the next sign-in window shows these names at once
                if not signed_in:
                    return 0  # the officer chose "Thoát" (or the smoke-test timer ended it)
                window = build_main_window(workspace, theme, profile)
            except CounterError as exc:
                log.warning("start-up failed: %s: %s", exc.code, exc)
                show_error(None, error_text(exc))
                return 1
            except Exception:
                crashes.report(*sys.exc_info(), when="start-up")
                return 1
            scanner = install_scanner_filter(app, window)
            window.show()
            if smoke is not None:  # the bundle smoke test: receive, print the receipt to PDF, exit 0
                run = SmokeRun(app, window, workspace, smoke)
                QTimer.singleShot(0, run.start)
            try:
                return app.exec()
            finally:
                if scanner is not None:
                    app.removeEventFilter(scanner)
                window.close()
                window.deleteLater()  # freed by Qt now, never later by Python's collector
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        if workspace is not None:
            workspace.close()  # also deletes a demo profile
        elif profile is not None:
            profile.discard()
        remove_language(app, translator)


def build_main_window(workspace: Workspace, theme: Theme, profile: Profile) -> MainWindow:
    """The signed-in window with printing and the card reader wired (imported only now)."""
    from .main_window import MainWindow
    from .print_hook import slip_printer
    from .result_print import result_printer

    if profile.demo:  # simulated card reader and scanner where no hardware answers (ui/demo_devices.py)
        from .demo_devices import DemoDevices, install_demo_devices

        devices = DemoDevices()
        window = MainWindow(workspace, theme, print_slip=slip_printer(workspace),
                            card_reader_factory=devices.card_reader_factory(), print_result=result_printer(workspace))
        install_demo_devices(window, devices)
        return window
    return MainWindow(workspace, theme, print_slip=slip_printer(workspace),
                      card_reader_factory=card_reader_factory(profile), print_result=result_printer(workspace))


def _exit_now(app: QApplication) -> None:
    """Smoke-test exit: an open dialog (sign-in) is closed, else the main loop ends."""
    dialogs = [w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    for dialog in dialogs:
        dialog.reject()
    if not dialogs:
        app.quit()


def sign_in_at_start(workspace: Workspace | PendingWorkspace) -> bool:
    """The sign-in window; ``QMC_DEMO_AUTO_SIGNIN=1`` signs the demo officer in (demo profile only).

    With a :class:`PendingWorkspace` the window shows first and the store opens behind it; a
    store that cannot be opened closes the window (the caller shows why).
    """
    from .signin import DEMO_OFFICER, SignInDialog

    auto = os.environ.get("QMC_DEMO_AUTO_SIGNIN") == "1" or smoke_target() is not None
    if workspace.profile.demo and auto:
        workspace.sign_in(*DEMO_OFFICER)
        return True
    if isinstance(workspace, PendingWorkspace) and workspace.cached is None:
        workspace.wait()  # first start: nothing to show before the store is open (raises its error)
    dialog = SignInDialog(workspace)
    if isinstance(workspace, PendingWorkspace):
        workspace.signals.failed.connect(lambda _message: dialog.reject())
        start_after_first_paint(dialog, workspace.start)
    try:
        return dialog.exec() == SignInDialog.DialogCode.Accepted and workspace.officer is not None
    finally:
        # Deleted now, by Qt: left to Python's collector it could be freed mid-way through a
        # later style-sheet walk (the crash tests/ui/conftest.py describes).
        dialog.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self.fire)  # no paint (minimised…): start anyway

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.fire)
        return False

    def fire(self) -> None:
        if self.then is not None:
            then, self.then = self.then, None
            then()


def start_after_first_paint(widget: QWidget, then) -> None:
    """Run ``then`` once ``widget`` has been painted (the store opens after the window is drawn)."""
    _FirstPaint(widget, then)


def _log_to_profile(profile: Profile) -> None:
    """Redacted rotating logs in the profile (unhandled errors: :class:`CrashReports`)."""
    from counter_app.logsetup import setup

    setup(profile.log_dir)


class CrashReports:
    """Unexpected errors: a redacted report in ``folder`` (the profile's ``crash/``, in the support
    bundle) and a calm dialog naming it. Before a profile is known the traceback goes to stderr,
    redacted."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder

    def report(self, exc_type, exc, tb, *, when: str = "") -> Path | None:
        from counter_app.security.redaction import redact

        saved: Path | None = None
        if self.folder is not None:
            from counter_app.logsetup import save_crash_report

            try:
                saved = save_crash_report(self.folder, exc_type, exc, tb, when=when)
            except OSError:  # a full or read-only disk: stderr is all that is left
                saved = None
        if saved is None:
            print(redact("".join(traceback.format_exception(exc_type, exc, tb))), file=sys.stderr)
            show_error(QApplication.activeWindow(), _unexpected())
        else:
            print(f"unexpected {exc_type.__name__}; report saved: {saved}", file=sys.stderr)
            show_error(QApplication.activeWindow(), _unexpected() + " " + QCoreApplication.translate(
                "App", "Báo cáo lỗi đã được lưu ({name}) để gửi bộ phận hỗ trợ.").format(name=saved.name))
        return saved


def card_reader_factory(profile: Profile):
    """``factory(handler) -> IdCardReader`` when devices.idcard is installed, else ``None``."""
    try:
        from devices.idcard.facade import IdCardReader, options_for_profile
    except ImportError:
        return None
    return lambda handler: IdCardReader(handler=handler, options=options_for_profile(profile.root))


def install_scanner_filter(app: QApplication, window: MainWindow):
    """Keyboard-wedge scans anywhere in the window go to ``window.on_scan`` (devices.barcode)."""
    try:
        from .barcode_filter import ScannerInputFilter
    except ImportError:  # the barcode package is not installed: typing and pasting still work
        return None
    scanner = ScannerInputFilter(app)
    app.installEventFilter(scanner)
    scanner.classified.connect(window.on_scan)
    return scanner


def configure_application(app: QCoreApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    from counter_app import __version__  # not importlib.metadata: it costs ~20 ms at start-up

    app.setApplicationVersion(__version__)


def ui_settings(profile: Profile) -> QSettings:
    """Per-profile interface preferences (large type…), beside the profile's database."""
    profile.root.mkdir(parents=True, exist_ok=True)
    return QSettings(str(profile.root / "ui.ini"), QSettings.Format.IniFormat)


def _saved_scale(settings: QSettings) -> float:
    try:
        return float(settings.value(FONT_SCALE_KEY, 1.0))
    except (TypeError, ValueError):
        return 1.0


def show_error(parent: QWidget | None, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Quầy Một cửa — lỗi"),
                      message, QMessageBox.StandardButton.Close, parent)
    box.button(QMessageBox.StandardButton.Close).setText(QCoreApplication.translate("App", "Đóng"))
    box.exec()


def _unexpected() -> str:
    return QCoreApplication.translate("App", "Đã xảy ra lỗi không mong đợi. Thao tác vừa rồi có thể chưa hoàn tất; "
                                             "hãy thử lại, và báo bộ phận hỗ trợ nếu lỗi lặp lại.")


@contextmanager
def _errors_shown_as_dialogs(crashes: CrashReports) -> Iterator[None]:
    """While the GUI runs, an exception escaping a slot is shown, not dumped (PyQt would abort):
    a core error by its message, anything else by a calm message and a saved report."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb) -> None:
        if isinstance(exc, CounterError):
            log.warning("unhandled %s: %s", exc.code, exc)
            show_error(QApplication.activeWindow(), error_text(exc))
        else:
            crashes.report(exc_type, exc, tb)

    sys.excepthook = hook
    try:
        yield
    finally:
        sys.excepthook = previous
