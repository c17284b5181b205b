"""Access control policy and execution: PACE (CAN/MRZ) and BAC (MRZ), in the configured order."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from . import apdu
from .apdu import Command
from .bac import BacTerminal, denied
from .datagroups import EF_CARD_ACCESS
from .errors import AccessDeniedError, CardDataError, CardProtocolError, CardRemovedError
from .keys import AccessKey
from .session import CardSession, FileNotPresent

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AccessPolicy:
    """Explicit configuration: try PACE first (when EF.CardAccess offers it); fall back to BAC after a
    failed PACE only when ``bac_fallback`` is on."""

    pace_first: bool = True
    bac_fallback: bool = True


def read_card_access(session: CardSession) -> bytes | None:
    """EF.CardAccess from the master file (P1=02; P1=00 for chips that refuse it), or None if absent."""
    try:
        return session.read_file(EF_CARD_ACCESS)
    except FileNotPresent:
        return None
    except CardProtocolError:
        pass
    try:
        return session.read_file(EF_CARD_ACCESS, master=True)
    except (FileNotPresent, CardProtocolError):
        return None


def establish(session: CardSession, key: AccessKey, policy: AccessPolicy) -> str:
    """Run access control; leaves ``session.sm`` set and the eMRTD application selected.

    Returns "PACE" or "BAC". Raises AccessDeniedError with a Vietnamese hint otherwise.
    """
    if policy.pace_first or key.mrz is None:
        card_access = read_card_access(session)
        if card_access is not None:
            from .pace import pace_supported, perform_pace

            if pace_supported(card_access):
                try:
                    perform_pace(session, card_access, key)
                    session.select_applet()
                    return "PACE"
                except CardRemovedError:
                    raise
                except (AccessDeniedError, CardProtocolError, CardDataError) as exc:
                    log.info("PACE failed (%s)", type(exc).__name__)
                    session.sm = None
                    if not (policy.bac_fallback and key.mrz is not None):
                        raise
    if key.mrz is None:
        raise AccessDeniedError(
            "BAC needs the MRZ", "Thẻ này không hỗ trợ đọc bằng số CAN (hoặc đã tắt chế độ dự phòng). "
            "Nhập số giấy tờ, ngày sinh và ngày hết hạn in ở vùng MRZ mặt sau thẻ.")
    perform_bac(session, key)
    return "BAC"


def perform_bac(session: CardSession, key: AccessKey) -> None:
    session.sm = None
    session.select_applet()
    terminal = BacTerminal(key.mrz)
    challenge = session.transmit(Command(0x00, apdu.INS_GET_CHALLENGE, 0, 0, le=8))
    if not challenge.ok:
        raise denied()
    resp = session.transmit(Command(0x00, apdu.INS_EXTERNAL_AUTH, 0, 0, terminal.authenticate_data(challenge.data),
                                    le=40))
    if not resp.ok:
        raise denied()
    session.sm = terminal.session(resp.data)
