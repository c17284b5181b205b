"""Spoken calls in Vietnamese with espeak-ng (``espeak-ng -v vi``), off the caller's thread.

Optional by design: with no engine installed, :meth:`Speaker.say` does nothing and raises
nothing (the display still shows the call). Sentences are spoken one after another by a
single worker thread, so a burst of calls never talks over itself nor blocks the GUI.
"""

from __future__ import annotations

import logging
import queue
import shutil
import subprocess
import threading
from pathlib import Path

log = logging.getLogger(__name__)


class Speaker:
    def __init__(self, *, engine: str | None = None, voice: str = "vi", words_per_minute: int = 140,
                 enabled: bool = True) -> None:
        self.engine = (engine or shutil.which("espeak-ng")) if enabled else None
        self.voice, self.wpm = voice, words_per_minute
        self._jobs: queue.Queue[str | None] = queue.Queue()
        self._worker: threading.Thread | None = None
        self.spoken = 0  # sentences finished (for diagnostics and tests)

    @property
    def available(self) -> bool:
        return bool(self.engine) and Path(self.engine).exists()

    def command(self, text: str, *, wav: Path | None = None) -> list[str]:
        return [str(self.engine), "-v", self.voice, "-s", str(self.wpm), *(["-w", str(wav)] if wav else []), text]

    def say(self, text: str) -> None:
        """Queue ``text`` to be spoken; silent when no engine is installed."""
        if not self.available:
            return
        if self._worker is None:
            self._worker = threading.Thread(target=self._run, name="speech", daemon=True)
            self._worker.start()
        self._jobs.put(text)

    def to_wav(self, text: str, path: Path) -> Path:
        """Render ``text`` to a WAV file (for checks; blocks)."""
        subprocess.run(self.command(text, wav=path), check=True, capture_output=True, timeout=30)
        return path

    def wait_idle(self, timeout: float = 30.0) -> bool:
        done = threading.Event()
        if not self.available or self._worker is None:
            return True
        self._jobs.put(done)  # type: ignore[arg-type]  # a marker: set when reached
        return done.wait(timeout)

    def close(self) -> None:
        if self._worker is not None:
            self._jobs.put(None)
            self._worker.join(5)
            self._worker = None

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            if isinstance(job, threading.Event):
                job.set()
                continue
            try:  # no audio device (a TV PC muted, a server) must not stop the display
                subprocess.run(self.command(job), capture_output=True, timeout=30)
                self.spoken += 1
            except (OSError, subprocess.SubprocessError) as exc:
                log.warning("speech failed: %s", type(exc).__name__)
