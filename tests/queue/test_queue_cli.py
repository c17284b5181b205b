"""``counter-app queue`` and ``counter-app display`` on a profile folder (offline: the local queue)."""

from __future__ import annotations

import argparse
import sys

from counter_app.cli import main
from counter_app.queue_commands import display_command


def test_ticket_then_kpis_offline(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("QMC_CONFIG", str(tmp_path / "none.toml"))
    data = str(tmp_path / "profile")
    assert main(["--data-dir", data, "queue", "ticket", "--area", "hotich", "--save-only"]) == 0
    assert main(["--data-dir", data, "queue", "ticket", "--area", "hotich", "--priority", "1", "--save-only"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Số A001 (Hộ tịch); saved: ") and out[1].startswith("Số A002 (Hộ tịch); saved: ")
    pdf = out[1].split("saved: ")[1]
    assert open(pdf, "rb").read(4) == b"%PDF"
    assert main(["--data-dir", data, "queue", "kpis"]) == 0
    assert "Số đã cấp: 2; đã phục vụ: 0; vắng mặt: 0; còn chờ: 2" in capsys.readouterr().out
    assert main(["--data-dir", data, "queue", "ticket", "--area", "khongco", "--save-only"]) == 2
    assert "Không có khu vực “khongco”" in capsys.readouterr().err
    assert main(["--data-dir", data, "queue", "push"]) == 2, "not registered with the city backend"


def test_display_runs_the_qt_window_in_a_child_process():
    args = argparse.Namespace(data_dir="/srv/tv", url=None, token=None, windowed=True, no_speech=False)
    assert display_command(args) == [sys.executable, "-m", "ui.queue.display", "--data-dir", "/srv/tv",
                                     "--windowed"]


def test_a_coordinated_site_gives_no_number_of_its_own_when_the_coordinator_is_down(tmp_path, capsys, monkeypatch):
    """Registered with a city server that cannot be reached: no local number (it would clash)."""
    import socket

    from counter_app import clock
    from counter_app.profile import Profile
    from counter_app.services import queue
    from counter_app.sync import state

    monkeypatch.setenv("QMC_CONFIG", str(tmp_path / "none.toml"))
    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    profile = Profile.default(tmp_path / "profile")
    store = profile.open_store()
    store.write(lambda s: (state.put(s, state.SERVER_URL, f"http://127.0.0.1:{port}"),
                           state.put(s, state.TOKEN, "kiosk-token")))
    store.close()
    assert main(["--data-dir", str(profile.root), "queue", "ticket", "--area", "hotich", "--save-only"]) == 1
    err = capsys.readouterr().err
    assert "Chưa cấp số" in err and "phiếu số giấy" in err
    store = profile.open_store()
    with store.read() as s:
        assert queue.day_kpis(s, day=clock.now().date()).issued == 0
    store.close()
    # The KPIs: the coordinator does not answer, so the counter's own queue, said so.
    assert main(["--data-dir", str(profile.root), "queue", "kpis"]) == 0
    captured = capsys.readouterr()
    assert "Chỉ hiển thị số liệu của quầy này" in captured.err
    assert "hàng chờ của quầy này" in captured.out and "Số đã cấp: 0;" in captured.out
