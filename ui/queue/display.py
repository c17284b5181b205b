"""The calling display (màn hình gọi số): a full-screen window on a TV PC or a second screen.

Shows the current call of each counter in large type (the newest highlighted) and the
latest calls; each new call is spoken in Vietnamese when espeak-ng is installed
(``devices.speech``, its own thread; silent otherwise). Calls come from the coordinator's
long-poll (``counter_app.sync.queue_client.follow_calls``) on a background thread and are
handed to the GUI thread by a queued signal.

Start: ``python -m ui.queue.display [--data-dir DIR | --url URL --token TOKEN] [--windowed] [--no-speech]``
(``counter-app display`` does the same in a child process).
"""

from __future__ import annotations

import argparse
import sys
import threading

from PyQt6.QtCore import QObject, Qt, pyqtSignal
from PyQt6.QtGui import QFont
from PyQt6.QtWidgets import QApplication, QGridLayout, QLabel, QVBoxLayout, QWidget

from counter_app.services.call_board import CallBoard, CallEntry, counter_label, spoken_call
from counter_app.sync.queue_client import QueueClient, follow_calls
from devices.speech import Speaker

from ..theme import Brand

ROWS = 6


class _Feed(QObject):
    calls = pyqtSignal(list, bool)  # the calls, announce?
    link = pyqtSignal(bool)  # the coordinator answers?


class CallDisplay(QWidget):
    def __init__(self, client: QueueClient | None, *, speaker: Speaker | None = None, wait: int = 5,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CallDisplay")
        self.setWindowTitle(self.tr("Màn hình gọi số"))
        c = Brand.load().colors  # brand colours (resources/brand/brand.toml), big type of its own
        self.setStyleSheet(f"#CallDisplay {{ background: {c['primary']}; }} QLabel {{ color: {c['on_primary']}; }}"
                           f"#CallLatest {{ color: {c['accent']}; }}")
        self.client, self.speaker, self.wait = client, speaker or Speaker(enabled=False), wait
        self.board = CallBoard(history=ROWS)
        self.announced: list[CallEntry] = []
        title = QLabel(self.tr("MỜI CÔNG DÂN CÓ SỐ THỨ TỰ ĐẾN QUẦY"))
        title.setFont(QFont(title.font().family(), 28, QFont.Weight.Bold))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        head_number, head_counter = QLabel(self.tr("Số")), QLabel(self.tr("Quầy"))
        for col, w in enumerate((head_number, head_counter)):
            w.setFont(QFont(w.font().family(), 24))
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(w, 0, col)
        self.cells: list[tuple[QLabel, QLabel]] = []
        for row in range(ROWS):
            number, counter = QLabel(), QLabel()
            for w in (number, counter):
                w.setFont(QFont(w.font().family(), 48 if row == 0 else 36, QFont.Weight.Bold))
                w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(number, row + 1, 0)
            grid.addWidget(counter, row + 1, 1)
            self.cells.append((number, counter))
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid, 1)
        layout.addWidget(self.status)
        self.feed = _Feed(self)
        self.feed.calls.connect(self.on_calls)
        self.feed.link.connect(self.on_link)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.render()

    def start(self) -> None:
        """Follow the coordinator's calls on a background thread (today's latest first, not spoken)."""
        if self.client is None or self._thread is not None:
            return
        def hand_over(calls: list[dict], initial: bool) -> None:
            self.feed.calls.emit(calls, not initial)

        self._thread = threading.Thread(target=follow_calls, args=(self.client, hand_over), daemon=True,
                                        kwargs={"stop": self._stop, "wait": self.wait,
                                                "on_link": self.feed.link.emit}, name="call-feed")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(self.wait + 12)
            self._thread = None
        self.speaker.close()

    def on_calls(self, calls: list, announce: bool = True) -> None:
        for entry in self.board.apply(calls, announce=announce):
            self.announced.append(entry)
            self.speaker.say(spoken_call(entry))
        self.render()

    def on_link(self, online: bool) -> None:
        self.status.setText("" if online else self.tr("Mất kết nối với máy chủ điều phối; đang thử lại…"))

    def render(self) -> None:
        rows = self.board.rows()
        for i, (number, counter) in enumerate(self.cells):
            entry = rows[i] if i < len(rows) else None
            number.setText(entry.number if entry else "")
            counter.setText(counter_label(entry.counter_code) if entry else "")
            number.setObjectName("CallLatest" if i == 0 else "")
            number.setAccessibleName(self.tr("Số {n} mời đến quầy {c}").format(
                n=entry.number, c=counter_label(entry.counter_code)) if entry else "")
            number.style().unpolish(number)
            number.style().polish(number)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.stop()
        super().closeEvent(event)


def _client(args) -> QueueClient | None:
    if args.url and args.token:
        return QueueClient(args.url, args.token, timeout=15)
    from counter_app.profile import Profile
    from counter_app.sync.queue_client import queue_client_for

    store = Profile.default(args.data_dir).open_store()
    try:
        return queue_client_for(store)
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="counter-app display", description="Màn hình gọi số của điểm một cửa.")
    p.add_argument("--data-dir", help="hồ sơ của máy đã đăng ký với hệ thống thành phố (đọc máy chủ và mã xác thực)")
    p.add_argument("--url", help="địa chỉ máy chủ điều phối (thay cho --data-dir)")
    p.add_argument("--token", help="mã xác thực của thiết bị hiển thị (thay cho --data-dir)")
    p.add_argument("--windowed", action="store_true", help="chạy trong cửa sổ thay vì toàn màn hình")
    p.add_argument("--no-speech", action="store_true", help="không đọc số bằng giọng nói")
    args = p.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    client = _client(args)
    if client is None:
        print("Máy này chưa đăng ký với hệ thống của thành phố: chạy `counter-app sync --configure` "
              "hoặc dùng --url và --token.", file=sys.stderr)
        return 2
    from counter_app import config

    try:
        speech = config.load().queue.speech and not args.no_speech
    except Exception:  # noqa: BLE001 — a broken config file must not keep the display dark
        speech = not args.no_speech
    display = CallDisplay(client, speaker=Speaker(enabled=speech))
    display.showMaximized() if args.windowed else display.showFullScreen()
    display.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
