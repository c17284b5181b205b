"""Writing the setup's result into the profile: identity, officers, the first officer's offline
credential, the sync registration and the signing token settings."""

from __future__ import annotations

import json
from datetime import datetime
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

AGENCY_SETTINGS_KEY = "agency_settings"


def _drop_demo_identity(s: Session) -> None:
    """The demo officers and their public passwords never stay in a real profile."""
    from ..profile import DEMO_AGENCY, DEMO_COUNTER, DEMO_OFFICERS
    from ..storage.models import AgencyRow, CounterRow, OfficerRow, SettingRow
    from ..storage.models_security import CachedCredentialRow

    names = [u for u, _n, _r in DEMO_OFFICERS]
    s.execute(delete(CachedCredentialRow).where(CachedCredentialRow.username.in_(names)))
    s.execute(delete(OfficerRow).where(OfficerRow.username.in_(names)))
    s.execute(delete(SettingRow).where(SettingRow.key == "demo"))
    nested = s.begin_nested()
    try:  # the demo agency goes too, unless something already refers to it
        s.execute(delete(CounterRow).where(CounterRow.agency_code == DEMO_AGENCY[0],
                                           CounterRow.code == DEMO_COUNTER[0]))
        s.execute(delete(AgencyRow).where(AgencyRow.code == DEMO_AGENCY[0]))
        nested.commit()
    except Exception:  # noqa: BLE001 — an integrity error: keep the rows
        nested.rollback()


def write_identity(s: Session, draft, *, password: str, now: datetime) -> None:
    """Inside one ``Store.write``: the whole identity or nothing."""
    from ..domain.organisation import AgencyLevel
    from ..security import audit
    from ..security.signin import SecurityPolicy, cache_credential, check_password
    from ..storage.models import AgencyRow, CounterRow, OfficerRow, SettingRow
    from ..sync import state

    _drop_demo_identity(s)
    agency = s.scalar(select(AgencyRow).where(AgencyRow.code == draft.agency_code))
    if agency is None:
        s.add(AgencyRow(code=draft.agency_code, name=draft.agency_name, level=AgencyLevel.COMMUNE.value))
        s.flush()
    else:
        agency.name = draft.agency_name
    if s.scalar(select(CounterRow).where(CounterRow.agency_code == draft.agency_code,
                                         CounterRow.code == draft.counter_code)) is None:
        s.add(CounterRow(agency_code=draft.agency_code, code=draft.counter_code, name=draft.counter_name))
    for username, full_name, role in draft.all_officers():
        row = s.scalar(select(OfficerRow).where(OfficerRow.username == username))
        if row is None:
            s.add(OfficerRow(username=username, full_name=full_name, role=role, agency_code=draft.agency_code))
        else:
            row.full_name, row.role, row.agency_code = full_name, role, draft.agency_code
    s.flush()
    policy = SecurityPolicy(offline_validity=draft.offline_validity)
    cache_credential(s, username=draft.officer_username, password=password, now=now, policy=policy)
    check_password(s, username=draft.officer_username, password=password, now=now, policy=policy)
    settings = {"agency_code": draft.agency_code, "counter_code": draft.counter_code,
                "officer": draft.officer_username,
                AGENCY_SETTINGS_KEY: json.dumps(draft.agency_settings, ensure_ascii=False)}
    for key, value in settings.items():
        s.merge(SettingRow(key=key, value=value))
    if draft.online:
        state.put(s, state.SERVER_URL, draft.backend_url)
        state.put(s, state.TOKEN, draft.token)
        state.put(s, state.CA_FILE, draft.ca_file or None)
        fallback = draft.registration.get("fallback") or {}
        state.put(s, state.SLOT, draft.registration.get("slot"))
        state.put(s, state.LEASE_CEILING, draft.registration.get("lease_ceiling"))
        state.put(s, state.FALLBACK_FIRST, fallback.get("first"))
        state.put(s, state.FALLBACK_LAST, fallback.get("last"))
    if draft.devices.pkcs11_module:
        from devices.signing.token import TokenConfig, save_token_config

        save_token_config(s, TokenConfig(draft.devices.pkcs11_module, draft.token_label or None,
                                         key_label=draft.key_label or None))
    audit.append(s, actor=draft.officer_username, action="setup", target=draft.counter_code,
                 details={"agency": draft.agency_code, "online": draft.online}, at=now)


def agency_settings(session: Session) -> dict:
    """The agency's settings last received from the backend (merged over the TOML at start)."""
    from ..storage.models import SettingRow

    row = session.get(SettingRow, AGENCY_SETTINGS_KEY)
    try:
        return json.loads(row.value) if row and row.value else {}
    except ValueError:
        return {}
