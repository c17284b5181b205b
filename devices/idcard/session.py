"""One card session over any transport: plain/secure APDUs, SELECT, adaptive READ BINARY.

The transport is a callable ``bytes -> bytes`` (the worker's PC/SC connection, or a test
double); this module does no I/O of its own and is therefore testable without a reader.
"""

from __future__ import annotations

from collections.abc import Callable

from . import apdu, tlv
from .apdu import Command, Response
from .errors import CardDataError, IdCardError, protocol
from .sm import SecureMessaging

#: READ BINARY block sizes: start at 223 (fits a short SM response), step down on length errors.
BLOCK_STEPS = (223, 160, 112, 64, 32)
EXTENDED_BLOCK = 1024

Transport = Callable[[bytes], bytes]
Progress = Callable[[str, int, int], None]


class FileNotPresent(IdCardError):
    code = "idcard_file_absent"


class CardSession:
    """Terminal side of one card connection. Counts APDUs (for tests and benchmarks)."""

    def __init__(self, transport: Transport, *, extended_length: bool = False) -> None:
        self._transport = transport
        self.sm: SecureMessaging | None = None
        self.extended = extended_length
        self.block = EXTENDED_BLOCK if extended_length else BLOCK_STEPS[0]
        self.apdu_count = 0

    # -- raw exchange -------------------------------------------------------------------
    def _raw(self, data: bytes) -> Response:
        self.apdu_count += 1
        try:
            return Response.parse(self._transport(data))
        except ValueError:
            raise protocol("short response") from None

    def transmit(self, cmd: Command, *, retry_6c: bool = True) -> Response:
        """Send ``cmd`` (wrapped when SM is on); handles 61xx and (unless told not to) 6Cxx for plain APDUs."""
        ext = self.extended and (cmd.le or 0) > 256
        if self.sm is not None:
            return self.sm.unwrap(self._raw(self.sm.wrap(cmd, extended=ext)))
        resp = self._raw(cmd.encode(extended=ext))
        if retry_6c and resp.sw >> 8 == 0x6C:
            resp = self._raw(Command(cmd.cla, cmd.ins, cmd.p1, cmd.p2, cmd.data, le=resp.sw & 0xFF).encode())
        data = resp.data
        while resp.sw >> 8 == 0x61:
            resp = self._raw(Command(0x00, apdu.INS_GET_RESPONSE, 0, 0, le=resp.sw & 0xFF).encode())
            data += resp.data
        return Response(data, resp.sw)

    # -- files --------------------------------------------------------------------------
    def select_applet(self) -> None:
        resp = self.transmit(Command(0x00, apdu.INS_SELECT, 0x04, 0x0C, apdu.AID_EMRTD))
        if not resp.ok:
            raise IdCardError(f"eMRTD application not found (SW {resp.sw:04X})",
                              "Thẻ này không phải thẻ căn cước gắn chip (không có ứng dụng ICAO). "
                              "Kiểm tra lại thẻ đặt trên đầu đọc.")

    def select_file(self, fid: int, *, master: bool = False) -> None:
        p1 = 0x00 if master else 0x02
        resp = self.transmit(Command(0x00, apdu.INS_SELECT, p1, 0x0C, fid.to_bytes(2, "big")))
        if resp.sw == apdu.SW_FILE_NOT_FOUND:
            raise FileNotPresent(f"file {fid:04X} not present", "Thẻ không có tệp dữ liệu này.")
        if not resp.ok:
            raise protocol(f"SELECT {fid:04X} SW {resp.sw:04X}")

    def _read(self, offset: int, length: int) -> bytes:
        """One READ BINARY at ``offset``; adapts the block size on length errors."""
        while True:
            want = min(length, self.block)
            resp = self.transmit(Command(0x00, apdu.INS_READ_BINARY, offset >> 8, offset & 0xFF,
                                         le=want if want < 256 or self.extended else 0), retry_6c=False)
            if resp.ok or (resp.sw == apdu.SW_END_OF_FILE_WARNING and resp.data):
                if not resp.data:
                    raise protocol("empty READ BINARY")
                return resp.data
            if resp.sw >> 8 == 0x6C and 0 < (resp.sw & 0xFF) < want:
                self.block = resp.sw & 0xFF
            elif resp.sw in (apdu.SW_WRONG_LENGTH, apdu.SW_END_OF_FILE_WARNING) or resp.sw >> 8 == 0x6C:
                self._downgrade()
            else:
                raise protocol(f"READ BINARY SW {resp.sw:04X}")

    def _downgrade(self) -> None:
        if self.extended:
            self.extended, self.block = False, BLOCK_STEPS[0]
            return
        smaller = [b for b in BLOCK_STEPS if b < self.block]
        if not smaller:
            raise protocol("READ BINARY keeps failing at the smallest block")
        self.block = smaller[0]

    def read_file(self, fid: int, *, progress: Progress | None = None, name: str = "", master: bool = False) -> bytes:
        """SELECT then READ BINARY the whole file; its length comes from the outer TLV header."""
        self.select_file(fid, master=master)
        data = self._read(0, self.block)
        if data[0] in (0x00, 0xFF):
            raise protocol("file does not start with a TLV header")
        try:
            _, total = tlv.header_length(data)
        except CardDataError:
            raise protocol("file does not start with a TLV header") from None
        data = data[:total]
        while len(data) < total:
            if progress:
                progress(name, len(data), total)
            chunk = self._read(len(data), total - len(data))
            data += chunk[: total - len(data)]
        if progress:
            progress(name, total, total)
        return data

    def floor_apdus(self, sizes: list[int], *, block: int) -> int:
        """Fewest APDUs (SELECT + reads) to read files of these sizes with ``block``-byte reads."""
        return sum(1 + -(-s // block) for s in sizes)
