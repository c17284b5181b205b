"""vpcd protocol client: the simulated card 'inserted' into the Virtual PCD reader of pcscd.

Frames: 2-byte big-endian length + payload. One byte = control (0 off, 1 on, 2 reset, 4 ATR?);
longer = a C-APDU, answered with the R-APDU. TCP_QUICKACK is re-armed after every recv()
(without it each APDU waits ~40 ms for a delayed ACK). The socket is created inside pcscd's
private network namespace, so nothing listens outside loopback of that namespace.
"""

from __future__ import annotations

import ctypes
import os
import socket
import struct
import threading
import time

from .card import CardPulled, SimCard

CLONE_NEWNET = 0x40000000


def _quickack(sock: socket.socket) -> None:
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        _quickack(sock)
        if not chunk:
            raise ConnectionError("vpcd closed")
        data += chunk
    return data


class VirtualSlot:
    """One vpcd slot. ``insert(card)`` puts a card on the reader, ``remove()`` takes it away."""

    def __init__(self, port: int, *, netns_pid: int | None) -> None:
        self.port, self.netns_pid = port, netns_pid
        self.card: SimCard | None = None
        self._want = threading.Event()
        self._closed = False
        self._sock: socket.socket | None = None
        self.connected = threading.Event()
        self.powered = threading.Event()  # pcscd asked for the ATR: the card is visible to clients
        self._thread = threading.Thread(target=self._run, name=f"vpcd-slot-{port}", daemon=True)
        self._thread.start()

    def insert(self, card: SimCard, *, wait: float = 5.0) -> None:
        self.remove()
        self.card = card
        card.reset()
        self.powered.clear()
        self._want.set()
        if not self.connected.wait(wait) or not self.powered.wait(wait):
            raise RuntimeError("the simulated card could not connect to vpcd")
        time.sleep(0.05)  # pcscd updates the reader state right after reading the ATR

    def remove(self) -> None:
        self._want.clear()
        sock = self._sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        deadline = time.monotonic() + 3
        while self.connected.is_set() and time.monotonic() < deadline:
            time.sleep(0.01)

    def close(self) -> None:
        self._closed = True
        self.remove()
        self._want.set()
        self._thread.join(timeout=3)

    def _enter_netns(self) -> None:
        if self.netns_pid is None:
            return
        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(f"/proc/{self.netns_pid}/ns/net", os.O_RDONLY)
        try:
            if libc.setns(fd, CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), "setns into pcscd's network namespace failed")
        finally:
            os.close(fd)

    def _run(self) -> None:
        self._enter_netns()  # this thread only: its sockets live in pcscd's namespace
        while not self._closed:
            self._want.wait()
            if self._closed:
                return
            try:
                sock = socket.create_connection(("127.0.0.1", self.port), timeout=1)
            except OSError:
                time.sleep(0.05)
                continue
            sock.settimeout(None)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            _quickack(sock)
            self._sock = sock
            self.connected.set()
            try:
                self._serve(sock)
            except (ConnectionError, OSError):
                pass
            except CardPulled:
                self._want.clear()
            finally:
                self._sock = None
                sock.close()
                self.connected.clear()

    def _serve(self, sock: socket.socket) -> None:
        while self._want.is_set():
            (n,) = struct.unpack(">H", _recv_exact(sock, 2))
            msg = _recv_exact(sock, n)
            card = self.card
            if len(msg) == 1:
                if msg[0] in (1, 2):
                    card.reset()
                elif msg[0] == 4:
                    sock.sendall(struct.pack(">H", len(card.atr)) + card.atr)
                    self.powered.set()
                continue
            reply = card.process(msg)
            sock.sendall(struct.pack(">H", len(reply)) + reply)
