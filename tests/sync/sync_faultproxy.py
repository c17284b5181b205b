"""A small fault-injecting TCP proxy for tests: forwards 127.0.0.1:port → target, and can cut
every open connection, refuse new ones, or cut after N bytes sent upstream (mid-upload)."""

from __future__ import annotations

import socket
import threading


class FaultProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.refuse = False
        self.cut_after_upstream_bytes: int | None = None  # cut once this many client bytes went through
        self.upstream_bytes = 0
        self.cuts = 0
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.refuse:
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, upstream]
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, upstream: bool) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if upstream and self.cut_after_upstream_bytes is not None:
                    room = self.cut_after_upstream_bytes - self.upstream_bytes
                    if room <= len(data):
                        dst.sendall(data[:max(room, 0)])
                        self.upstream_bytes += max(room, 0)
                        self.cut_after_upstream_bytes = None
                        self.cut_all()
                        return
                if upstream:
                    self.upstream_bytes += len(data)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.close()
                except OSError:
                    pass

    def cut_all(self) -> None:
        """Reset every open connection (the network cable pulled)."""
        with self._lock:
            conns, self._conns = self._conns, []
        self.cuts += 1
        for s in conns:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def close(self) -> None:
        self._closed = True
        self.listener.close()
        self.cut_all()
