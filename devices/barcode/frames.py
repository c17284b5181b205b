"""Assemble scanner frames from a byte stream (serial scanners, USB-CDC / COM port).

A serial scanner sends each code as UTF-8 followed by a suffix (CR, LF or CR LF by
factory default). Reads cut the stream anywhere — inside a frame, inside a multi-byte
UTF-8 letter — so bytes are kept until a terminator arrives and only whole frames are
decoded. A scanner configured with no suffix is handled by flushing after a pause.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Frame:
    text: str
    valid_utf8: bool = True  # False: undecodable bytes were replaced (U+FFFD)


class FrameAssembler:
    """Feed bytes; get complete frames. Empty frames (the LF of CR LF) are dropped."""

    def __init__(self, *, terminators: bytes = b"\r\n", max_frame: int = 8192) -> None:
        if not terminators:
            raise ValueError("at least one terminator byte")
        self._terminators = frozenset(terminators)
        self._max = max_frame
        self._buf = bytearray()
        self._overflow = False  # discarding an overlong frame until its terminator
        self.dropped = 0  # frames dropped for being longer than ``max_frame``

    @property
    def pending(self) -> bool:
        return bool(self._buf)

    def feed(self, data: bytes) -> list[Frame]:
        frames: list[Frame] = []
        for byte in data:
            if byte in self._terminators:
                if self._buf and not self._overflow:
                    frames.append(self._decode(bytes(self._buf)))
                self._buf.clear()
                self._overflow = False
            elif self._overflow:
                continue
            elif len(self._buf) >= self._max:
                self.dropped += 1
                self._overflow = True
                self._buf.clear()
            else:
                self._buf.append(byte)
        return frames

    def flush(self) -> list[Frame]:
        """A pause with bytes pending: a scanner with no suffix finished its frame."""
        if not self._buf or self._overflow:
            self._buf.clear()
            self._overflow = False
            return []
        frame = self._decode(bytes(self._buf))
        self._buf.clear()
        return [frame]

    @staticmethod
    def _decode(raw: bytes) -> Frame:
        raw = raw.removeprefix(b"\xef\xbb\xbf")  # some scanners send a BOM
        try:
            return Frame(raw.decode("utf-8"))
        except UnicodeDecodeError:
            return Frame(raw.decode("utf-8", errors="replace"), valid_utf8=False)
