"""Pages and panels that feature areas add to the main window, imported lazily.

Each entry names a class by ``"module:Class"`` (imported when the window is built, so a
feature's imports never slow down the sign-in window). The class is constructed as
``Class(workspace, runner, window)`` and must provide:

- ``title() -> str`` — the translated tab or panel title (``self.tr(...)``);
- optionally ``window_actions() -> list[QAction]`` — actions with their own shortcuts,
  added to the window (they keep working with the menu bar hidden, and are disabled while locked);
- optionally ``on_shown()`` — called when its tab becomes current;
- optionally ``on_changes(changes)`` — called with the runner's ``Changes`` after each write.

``placement`` is ``"tab"`` (a page switched by ``shortcut``) or ``"dock"`` (a panel docked on
the right of the main window, always visible; its shortcuts come from ``window_actions``).

Core keys: F2 reception, F3 return, F4 dossier search, F5 call next ticket (queue),
F6 / Ctrl+F catalogue, F8 dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class PageSpec:
    key: str  # attribute name on the main window, e.g. "handoffs"
    target: str  # "ui.handoffs:HandoffPage"
    shortcut: str = ""  # e.g. "F7"; empty for no page shortcut
    placement: str = "tab"  # "tab" | "dock"

    def load(self):
        module, _, name = self.target.partition(":")
        return getattr(import_module(module), name)


#: Feature pages; tabs are placed in F-key order among the core pages. Add one line per feature.
EXTRA_PAGES: list[PageSpec] = [
    PageSpec("handoffs", "ui.handoffs:HandoffPage", "F7"),
    PageSpec("online", "ui.online:OnlinePage", "F9"),
    PageSpec("diagnostics", "ui.diagnostics:DiagnosticsPage", "F12"),
    PageSpec("queue", "ui.queue.panel:QueuePanel", placement="dock"),
]
