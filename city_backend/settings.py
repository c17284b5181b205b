"""Server settings (command line / environment); one object shared by the app's handlers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    db_url: str
    storage_dir: Path
    admin_token: str = ""  # empty: admin endpoints refused
    #: Highest sequence number granted in leases; above it, the offline fallback range.
    lease_ceiling: int = 8999
    #: The fallback range ``lease_ceiling+1 .. max_sequence`` is split into this many slots,
    #: one per counter (counters registered beyond it have no fallback).
    fallback_slots: int = 10
    max_sequence: int = 9999
    max_batch: int = 500
    max_lease_size: int = 500
    lease_days_ahead: int = 14
    max_chunk_bytes: int = 4 * 1024 * 1024
    max_attachment_bytes: int = 200 * 1024 * 1024

    @property
    def fallback_width(self) -> int:
        return (self.max_sequence - self.lease_ceiling) // self.fallback_slots
