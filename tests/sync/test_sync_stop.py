"""A stop (dừng giải quyết, status 8) recorded at the counter reaches the real city server."""

from __future__ import annotations

from datetime import datetime, time

import psycopg

from counter_app.domain.status import DossierStatus as S
from counter_app.services import stops
from counter_app.services.dossiers import change_status
from counter_app.sync.engine import sync_once
from sync_helpers import TODAY, receive

NOW = datetime.combine(TODAY, time(9, 0))


def test_a_stopped_dossier_is_stopped_on_the_server(city_db, agency, make_counter):
    q1 = make_counter(agency, "Q01")
    with q1.client() as client:
        sync_once(q1.store, client, now=lambda: NOW)
    code = receive(q1, 1, now=NOW)[0]
    ctx = q1.ctx
    q1.store.write(lambda s: change_status(s, code, S.PROCESSING, ctx=ctx, now=NOW))
    q1.store.write(lambda s: stops.stop(s, code=code, reason="Công dân đề nghị dừng bằng văn bản", ctx=ctx,
                                        now=NOW))
    with q1.client() as client:
        summary = sync_once(q1.store, client, now=lambda: NOW)
    assert summary.ok and summary.push.applied == 3 and summary.push.rejected == 0
    with psycopg.connect(city_db) as conn:
        status = conn.execute("SELECT status FROM dossier WHERE code=%s", (code,)).fetchone()[0]
        kinds = [r[0] for r in conn.execute("SELECT kind FROM dossier_event WHERE dossier_code=%s ORDER BY id",
                                            (code,))]
    assert status == "stopped" and kinds[-1] == "dossier.status"
