"""A private PC/SC stack for tests and benchmarks: pcscd + vpcd in their own namespaces + one slot.

pcscd runs in a fresh mount + network namespace: its socket is bind-mounted from a temp dir
(clients find it via PCSCLITE_CSOCK_NAME) and vpcd's port exists only on that namespace's
loopback. Started by PID, stopped by PID.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .vpcd import VirtualSlot

VPCD_PORT = 0x8C7B
READER = "Virtual PCD 00 00"
DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")


#: Bring up loopback in the new network namespace (SIOCSIFFLAGS: IFF_UP|IFF_LOOPBACK|IFF_RUNNING), no iproute2.
_LO_UP = ("import fcntl, socket, struct; "
          "fcntl.ioctl(socket.socket(), 0x8914, struct.pack('16sH', b'lo', 0x1 | 0x8 | 0x40))")


def _die_with_parent() -> None:
    """PR_SET_PDEATHSIG: pcscd gets SIGTERM if the test process is killed before its teardown."""
    import ctypes

    ctypes.CDLL(None).prctl(1, signal.SIGTERM)


class StackUnavailable(RuntimeError):
    pass


class PcscStack:
    def __init__(self) -> None:
        for tool in ("pcscd", "unshare", "mount"):
            if shutil.which(tool) is None:
                raise StackUnavailable(f"'{tool}' not found (apt-get install pcscd vsmartcard-vpcd util-linux)")
        if not DRIVER.exists():
            raise StackUnavailable(f"{DRIVER} missing (apt-get install vsmartcard-vpcd)")
        self.tmp = Path(tempfile.mkdtemp(prefix="qmc-pcscd-"))
        self.run, self.conf, self.log = self.tmp / "run", self.tmp / "conf", self.tmp / "pcscd.log"
        self.run.mkdir()
        self.conf.mkdir()
        (self.conf / "vpcd").write_text(f'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:0x{VPCD_PORT:04X}\n'
                                        f"LIBPATH {DRIVER}\nCHANNELID 0x{VPCD_PORT:04X}\n")
        self.socket = self.run / "pcscd.comm"
        self.proc: subprocess.Popen | None = None
        self.slot: VirtualSlot | None = None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def env(self) -> dict[str, str]:
        return {**os.environ, "PCSCLITE_CSOCK_NAME": str(self.socket)}

    def start(self) -> None:
        script = (f"{shlex.quote(sys.executable)} -c {shlex.quote(_LO_UP)} && mkdir -p /run/pcscd "
                  f"&& mount --bind {self.run} /run/pcscd && exec pcscd -f -c {self.conf}")
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(["unshare", "-m", "-n", "--propagation", "private", "sh", "-c", script],
                                         stdout=out, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + 10
        while not self.socket.exists():
            if self.proc.poll() is not None:
                raise StackUnavailable(f"pcscd exited with {self.proc.returncode} (needs root for namespaces)\n"
                                       + self.log.read_text(errors="replace")[-2000:])
            if time.monotonic() > deadline:
                self.stop()
                raise StackUnavailable("pcscd did not create its socket within 10 s")
            time.sleep(0.02)
        self.slot = VirtualSlot(VPCD_PORT, netns_pid=self.proc.pid)

    def stop(self) -> None:
        if self.slot is not None:
            self.slot.close()
            self.slot = None
        if self.proc is not None:
            if self.proc.poll() is None:
                os.kill(self.proc.pid, signal.SIGTERM)
                try:
                    self.proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    os.kill(self.proc.pid, signal.SIGKILL)
                    self.proc.wait()
            self.proc = None
        self.socket.unlink(missing_ok=True)

    def restart(self) -> None:
        card = self.slot.card if self.slot else None
        self.stop()
        self.start()
        if card is not None:
            self.slot.card = card

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)
