"""Start-up: the sign-in window first, the profile's store opened behind it.

Importing SQLAlchemy, the models and the services and opening (migrating) the store costs
several times what showing a window does. :class:`PendingWorkspace` opens the
:class:`~ui.workspace.Workspace` on a worker thread while the sign-in window is already on
screen, then warms the imports of the main window's pages. The sign-in window needs only the
counter's names (kept from the last start in ``ui.ini``, see :class:`StartCache`) and whether
a server is configured; anything else it asks waits for the store, which by then is open.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PyQt6.QtCore import QObject, QSettings, pyqtSignal

from counter_app.domain.errors import CounterError
from .labels import error_text

if TYPE_CHECKING:
    from counter_app.profile import Profile

    from .workspace import Workspace

log = logging.getLogger(__name__)

#: Imported on the worker thread once the store is open (imports only: no widget is built there),
#: with the feature pages of :data:`ui.pages.EXTRA_PAGES`.
WARM_MODULES = ("ui.main_window", "ui.print_hook", "ui.result_print", "ui.barcode_filter", "printing.dispatch",
                "printing.stored", "devices.idcard.facade")


def warm_modules() -> tuple[str, ...]:
    from .pages import EXTRA_PAGES

    return WARM_MODULES + tuple(spec.target.partition(":")[0] for spec in EXTRA_PAGES)


@dataclass(frozen=True)
class CachedIdentity:
    """The names the sign-in window shows, as they were at the last start (no personal data)."""

    agency_code: str
    agency_name: str
    counter_code: str
    counter_name: str
    demo: bool
    server_configured: bool


class StartCache:
    """``[start]`` group of the profile's ``ui.ini``: what the next sign-in window shows at once."""

    KEYS = ("agency_code", "agency_name", "counter_code", "counter_name")

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def load(self) -> CachedIdentity | None:
        if not self.settings.contains("start/agency_code"):
            return None
        values = {key: str(self.settings.value(f"start/{key}", "")) for key in self.KEYS}
        return CachedIdentity(**values, demo=self._flag("demo"), server_configured=self._flag("server_configured"))

    def save(self, workspace: Workspace) -> None:
        ident = workspace.identity
        for key in self.KEYS:
            self.settings.setValue(f"start/{key}", getattr(ident, key))
        self.settings.setValue("start/demo", "1" if ident.demo else "0")
        try:
            configured, _state = workspace.sync_status()
        except CounterError:
            configured = False
        self.settings.setValue("start/server_configured", "1" if configured else "0")
        self.settings.sync()

    def _flag(self, key: str) -> bool:
        return str(self.settings.value(f"start/{key}", "0")) == "1"


class _Signals(QObject):
    opened = pyqtSignal()
    failed = pyqtSignal(str)  # the Vietnamese message


class PendingWorkspace:
    """Stands in for the :class:`Workspace` while the worker thread opens it.

    ``identity`` and ``sync_status()`` answer from the cache until the store is open; any
    other attribute waits for it (:meth:`wait`) and is the real workspace's.
    """

    def __init__(self, profile: Profile, cached: CachedIdentity | None, *,
                 opener: Callable[[Profile], Workspace] | None = None,
                 warm: tuple[str, ...] | None = None) -> None:
        self.profile = profile
        self.cached = cached
        self.signals = _Signals()
        self._opener = opener or _open_workspace
        self._warm = warm
        self._workspace: Workspace | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> PendingWorkspace:
        if self._thread is not None:
            return self
        self._thread = threading.Thread(target=self._run, name="qmc-open-store", daemon=True)
        self._thread.start()
        return self

    @property
    def started(self) -> bool:
        return self._thread is not None

    @property
    def ready(self) -> bool:
        return self._done.is_set()

    @property
    def error(self) -> BaseException | None:
        return self._error if self._done.is_set() else None

    def wait(self) -> Workspace:
        """The open workspace (blocks until the worker is done); raises what opening raised."""
        if self._thread is None:
            self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._workspace is not None
        return self._workspace

    @property
    def identity(self):
        if self._workspace is None and self.cached is not None and not self._done.is_set():
            return self.cached
        return self.wait().identity

    def sync_status(self):
        if self._workspace is None and self.cached is not None and not self._done.is_set():
            return self.cached.server_configured, None
        return self.wait().sync_status()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.wait(), name)

    def _run(self) -> None:
        try:
            self._workspace = self._opener(self.profile)
        except BaseException as exc:  # noqa: BLE001 — handed to the GUI thread by wait()/failed
            self._error = exc
            self._done.set()
            message = error_text(exc) if isinstance(exc, CounterError) else ""
            log.warning("opening the profile failed: %s", type(exc).__name__)
            self.signals.failed.emit(message)
            return
        self._done.set()
        self.signals.opened.emit()
        for module in self._warm if self._warm is not None else warm_modules():  # faster main window
            try:
                importlib.import_module(module)
            except Exception:  # noqa: BLE001 — only a head start: the real import reports any error
                log.debug("warming %s failed", module)


def _open_workspace(profile: Profile) -> Workspace:
    from .workspace import Workspace

    return Workspace.open(profile)
