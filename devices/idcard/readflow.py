"""The read of one card, start to finish, over a :class:`CardSession` (no PC/SC here).

Order: access control → EF.COM → EF.SOD → DG1 → DG13 → DG14/DG15 (when listed) → DG2 last
(the big one, with progress) → passive authentication → one CitizenIdentity. Nothing is
returned unless every step succeeded: a pulled card never yields a half-filled identity.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from . import datagroups as dg
from .access import AccessPolicy, establish
from .assemble import build_identity
from .csca import CscaStore
from .identity import ActiveAuth, CitizenIdentity, PassiveAuth
from .keys import AccessKey
from .passive_auth import passive_authentication
from .session import CardSession, FileNotPresent

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    policy: AccessPolicy = AccessPolicy()
    read_photo: bool = True
    csca: CscaStore | None = None


def read_identity(session: CardSession, *, key: AccessKey, options: ReadOptions = ReadOptions(),
                  progress: Progress | None = None) -> CitizenIdentity:
    def step(name: str) -> None:
        if progress:
            progress(name, 0, 0)

    step("access")
    access = establish(session, key, options.policy)
    log.info("access established with %s", access)
    step("EF.COM")
    present = dg.parse_com(session.read_file(dg.EF_COM, name="EF.COM"))
    try:
        sod = session.read_file(dg.EF_SOD, name="EF.SOD", progress=progress)
    except FileNotPresent:
        sod = None
    files: dict[int, bytes] = {}
    wanted = [1, 13, 14, 15] + ([2] if options.read_photo else [])
    for n in wanted:
        if n not in present and n != 1:
            continue
        try:
            files[n] = session.read_file(dg.dg_file_id(n), name=f"DG{n}", progress=progress)
        except FileNotPresent:
            if n in (1,):
                raise
    td1 = dg.parse_dg1(files[1])
    dg13 = dg.parse_dg13_fields(files[13]) if 13 in files else {}
    face = dg.parse_dg2(files[2]) if 2 in files else None
    step("passive_auth")
    pa = passive_authentication(sod, files, options.csca)
    active = ActiveAuth.NOT_PRESENT
    if 15 in files:
        from .active_auth import active_authentication

        step("active_auth")
        active = active_authentication(session, files[15])
        if active is ActiveAuth.FAILED:  # a chip that cannot prove its key is a clone: never "verified"
            pa = PassiveAuth.FAILED
    log.info("read complete: %d files, %d APDUs, passive auth %s", len(files) + 2, session.apdu_count, pa.value)
    return build_identity(dg1=td1, dg13=dg13, face=face, access=access, passive_auth=pa, active_auth=active)
