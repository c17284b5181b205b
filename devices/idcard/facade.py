"""``IdCardReader``: the one entry point the application uses for chip ID cards (đọc thẻ căn cước gắn chip).

Every PC/SC call runs on the dedicated worker; methods here are thread-safe and block on the
worker's answer. ``available()`` lets features disable themselves when no PC/SC stack exists.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from pathlib import Path

from .access import AccessPolicy
from .atr import announces_extended_length
from .csca import CscaStore
from .errors import AccessDeniedError, IdCardError, NoCardError, ReaderUnavailableError
from .handler import IdCardHandler
from .identity import CitizenIdentity
from .keys import AccessKey
from .readflow import ReadOptions, read_identity
from .session import CardSession
from .worker import DeviceWorker, on_worker

log = logging.getLogger(__name__)
MAX_KEY_ATTEMPTS = 3


class IdCardReader:
    def __init__(self, *, handler: IdCardHandler | None = None, options: ReadOptions = ReadOptions(),
                 poll_interval: float = 0.3, context_factory=None) -> None:
        """``context_factory``: builds the reader context on the worker (default: PC/SC; see
        :mod:`devices.idcard.simulated` for a simulated card without PC/SC)."""
        self.handler = handler or IdCardHandler()
        self.options = options
        self._worker = DeviceWorker(self.handler, poll_interval=poll_interval, context_factory=context_factory)
        self._worker.start()
        self.last_apdu_count = 0

    def __enter__(self) -> "IdCardReader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._worker.stop()

    # -- queries ------------------------------------------------------------------------
    def available(self, timeout: float = 5.0) -> bool:
        """True when pyscard loads and the PC/SC service answers (readers may still be absent)."""
        try:
            return self._worker.submit(self._probe).result(timeout)
        except Exception:
            return False

    @on_worker
    def _probe(self) -> bool:
        if self._worker.ctx is None:
            return False
        from .pcsc import ServiceLost

        try:
            self._worker.ctx.list_readers()
            return True
        except ServiceLost:
            return False

    def readers(self, timeout: float = 5.0) -> list[str]:
        return self._worker.submit(self._list).result(timeout)

    @on_worker
    def _list(self) -> list[str]:
        ctx = self._require_ctx()
        from .pcsc import ServiceLost

        try:
            return ctx.list_readers()
        except ServiceLost:
            raise _no_service() from None

    # -- reading ------------------------------------------------------------------------
    def read(self, *, reader: str | None = None, key: AccessKey | None = None, timeout: float = 120.0
             ) -> CitizenIdentity:
        """Read the card on ``reader`` (default: the first reader holding a card). Blocks."""
        return self.read_async(reader=reader, key=key).result(timeout)

    def read_async(self, *, reader: str | None = None, key: AccessKey | None = None) -> Future:
        return self._worker.submit(self._read, reader, key)

    def _require_ctx(self):
        if self._worker.ctx is None:
            raise ReaderUnavailableError(f"pyscard unavailable: {self._worker.import_error}",
                                         "Máy này chưa cài thư viện đọc thẻ thông minh (PC/SC). "
                                         "Báo cán bộ kỹ thuật.")
        return self._worker.ctx

    @on_worker
    def _read(self, reader: str | None, key: AccessKey | None) -> CitizenIdentity:
        from .pcsc import ServiceLost

        ctx = self._require_ctx()
        try:
            name = self._choose_reader(ctx, reader)
            attempts = 0
            while True:
                attempts += 1
                use_key = key or self.handler.ask_access_key(reader=name, retry=attempts > 1)
                if use_key is None:
                    raise IdCardError("read cancelled", "Đã huỷ đọc thẻ.", code="idcard_cancelled")
                conn = ctx.connect(name)
                try:
                    session = CardSession(conn.transmit, extended_length=announces_extended_length(conn.atr))
                    try:
                        return read_identity(session, key=use_key, options=self.options,
                                             progress=self.handler.progress)
                    finally:
                        self.last_apdu_count = session.apdu_count
                except AccessDeniedError:
                    if key is not None or attempts >= MAX_KEY_ATTEMPTS:
                        raise
                finally:
                    conn.close()
        except ServiceLost:
            raise _no_service() from None

    def _choose_reader(self, ctx, reader: str | None) -> str:
        readers = ctx.list_readers()
        if not readers:
            raise ReaderUnavailableError("no reader", "Chưa thấy đầu đọc thẻ nào. Cắm đầu đọc thẻ vào máy rồi thử lại.")
        if reader is not None:
            if reader not in readers:
                raise ReaderUnavailableError("unknown reader", "Không thấy đầu đọc thẻ đã chọn. Chọn lại đầu đọc.")
            return reader
        present = ctx.presence(readers)
        with_card = [r for r in readers if present.get(r)]
        if not with_card:
            raise NoCardError("no card on any reader", "Chưa có thẻ trên đầu đọc. Đặt thẻ căn cước lên đầu đọc.")
        return with_card[0]


def options_for_profile(profile_root: Path, *, policy: AccessPolicy = AccessPolicy(), read_photo: bool = True
                        ) -> ReadOptions:
    """Read options with the CSCA store an admin imported into ``<profile>/csca``."""
    return ReadOptions(policy=policy, read_photo=read_photo, csca=CscaStore.load(profile_root / "csca"))


def _no_service() -> ReaderUnavailableError:
    return ReaderUnavailableError("PC/SC service not running",
                                  "Dịch vụ thẻ thông minh (PC/SC) của máy chưa chạy hoặc vừa dừng. "
                                  "Cắm đầu đọc thẻ; nếu vẫn lỗi, khởi động lại máy hoặc báo cán bộ kỹ thuật.")
