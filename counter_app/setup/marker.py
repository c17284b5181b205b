"""Is this profile set up? One file test, no database opened: the answer is needed before the
sign-in window, which must not wait for SQLAlchemy (``ui.startup``)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

MARKER = "setup.json"


def needs_setup(profile) -> bool:
    """A new real profile — not a demo, never set up, no database yet — gets the first-run setup.

    A profile whose database already exists is an installation from before the setup existed
    (or prepared by an administrator): it keeps starting as it did."""
    root = Path(profile.root)
    return not profile.demo and not (root / MARKER).exists() and not Path(profile.db_path).exists()


def mark_done(profile, *, agency_code: str = "", counter_code: str = "", at: datetime | None = None) -> Path:
    """Write the marker (the setup does at its end; an administrator's script may too)."""
    root = Path(profile.root)
    root.mkdir(parents=True, exist_ok=True)
    path = root / MARKER
    path.write_text(json.dumps({"agency_code": agency_code, "counter_code": counter_code,
                                "done_at": (at or datetime.now()).isoformat(timespec="seconds")}), encoding="utf-8")
    return path
