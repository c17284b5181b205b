"""Attachment storage behind one interface (kho tệp đính kèm).

:class:`FileSystemBlobStore` is the default: partial uploads under ``partial/``, verified
files under ``blobs/<agency>/<sha[:2]>/<sha>``. Several server instances share it through a
network file system; a city-wide deployment implements the same four methods on
S3-compatible object storage (multipart upload per attachment; see docs/sync.md).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO, Protocol


class BlobStore(Protocol):
    def write_chunk(self, agency: str, sha256: str, offset: int, data: bytes) -> None: ...

    def finish(self, agency: str, sha256: str) -> bool:
        """Verify the partial file's hash; keep it if it matches (True), drop it if not (False)."""

    def discard(self, agency: str, sha256: str) -> None: ...

    def open(self, agency: str, sha256: str) -> BinaryIO: ...


class FileSystemBlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _partial(self, agency: str, sha256: str) -> Path:
        return self.root / "partial" / agency / f"{sha256}.part"

    def _final(self, agency: str, sha256: str) -> Path:
        return self.root / "blobs" / agency / sha256[:2] / sha256

    def write_chunk(self, agency: str, sha256: str, offset: int, data: bytes) -> None:
        path = self._partial(agency, sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "r+b" if path.exists() else "w+b") as f:
            f.truncate(offset)  # bytes past the committed offset belong to a chunk that never committed
            f.seek(offset)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())

    def finish(self, agency: str, sha256: str) -> bool:
        path = self._partial(agency, sha256)
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != sha256:
            path.unlink(missing_ok=True)
            return False
        final = self._final(agency, sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, final)
        return True

    def discard(self, agency: str, sha256: str) -> None:
        self._partial(agency, sha256).unlink(missing_ok=True)

    def open(self, agency: str, sha256: str) -> BinaryIO:
        return open(self._final(agency, sha256), "rb")
