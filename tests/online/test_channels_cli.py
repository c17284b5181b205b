"""``counter-app postal`` and ``counter-app online`` on a profile folder."""

from __future__ import annotations

from datetime import datetime

from counter_app.cli import main
from counter_app.domain.status import DossierStatus as S
from counter_app.profile import Profile
from counter_app.services import channels
from counter_app.services.online import flow_for_postal

from qmc_testing import Desk


def _postal_dossier(root) -> str:
    profile = Profile(root)
    store = profile.open_store()
    try:
        desk = Desk(store, profile.context(store))
        flow, tracking = flow_for_postal("RR473124829GB")
        template = desk.flow()
        flow.identify(template.applicant)
        flow.choose_procedure(template.procedure)
        flow.mark_all_complete()
        flow.set_fee(0)
        flow.to_outcome()
        flow.receive()
        code = store.write(lambda s: channels.receive_postal(s, flow, tracking, ctx=desk.ctx, allocator=desk.alloc,
                                                             now=datetime(2026, 11, 27, 9))).value.code
        desk.move(code, S.PROCESSING, datetime(2026, 11, 27, 10))
        desk.move(code, S.RESOLVED, datetime(2026, 11, 30, 10))
        return code
    finally:
        store.close()


def test_postal_find_and_sent(tmp_path, capsys, cli_officer):
    code = _postal_dossier(tmp_path)
    assert main(["--data-dir", str(tmp_path), "postal", "find", "rr473124829gb"]) == 0
    assert capsys.readouterr().out.split("\t")[:2] == [code, "kênh 3"]
    assert main(["--data-dir", str(tmp_path), "postal", "sent", code, "EE000000006VN",
                 *cli_officer()]) == 2  # bad check digit
    assert "Số hiệu bưu gửi không hợp lệ" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), "postal", "sent", code, "EE000000005VN", *cli_officer()]) == 0
    assert "EE000000005VN" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "postal", "find", "EE000000005VN"]) == 0
    assert capsys.readouterr().out.strip().endswith("đi EE000000005VN")
    assert main(["--data-dir", str(tmp_path), "postal", "find", "EE000000080VN"]) == 2
    assert "Không có hồ sơ" in capsys.readouterr().err


def test_online_list_without_a_server_says_what_to_do(tmp_path, capsys, cli_officer):
    assert main(["--data-dir", str(tmp_path), "online", "list", *cli_officer()]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and len(err) > 20


def test_online_list_shows_the_waiting_submissions_masked(online_server, online_admin, online_agency, tmp_path,
                                                         capsys, cli_officer):
    import base64
    import uuid

    import httpx

    from online_helpers import ID_NUMBER, NAME, PORTAL_TOKEN
    from qmc_testing import server_officer
    from sync_helpers import PROCEDURE, Counter

    code = f"Q-CL{uuid.uuid4().hex[:4].upper()}"
    Counter(tmp_path, online_agency, code, online_admin.counter(online_agency, code), online_server.url).store.close()
    body = {"agency_code": online_agency, "procedure_code": PROCEDURE,
            "applicant": {"full_name": NAME, "id_number": ID_NUMBER},
            "files": [{"name": "a.pdf", "component": 0, "content_base64": base64.b64encode(b"%PDF-1.4 x").decode()}]}
    r = httpx.post(f"{online_server.url}/v1/online/dossiers", json=body, headers={"X-Portal-Token": PORTAL_TOKEN})
    assert r.status_code == 201, r.text
    server_officer(online_admin, online_agency)  # a registered counter signs in online first
    assert main(["--data-dir", str(tmp_path), "online", "list", *cli_officer()]) == 0
    out = capsys.readouterr().out
    [line] = [x for x in out.splitlines() if x.startswith(r.json()["id"])]
    assert line.split("\t")[2:] == [PROCEDURE, "001******456", "1 tệp"]
    assert ID_NUMBER not in out and NAME not in out
