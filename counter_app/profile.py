"""A profile: the data folder of one counter installation (database, backups, settings).

The default folder comes from platformdirs (``%LOCALAPPDATA%\\quay-mot-cua`` on Windows,
``~/.local/share/quay-mot-cua`` on Linux); ``$QMC_DATA_DIR`` or ``--data-dir`` overrides it.
A *demo* profile lives in a throw-away folder and is filled with demo data.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

import platformdirs

from .domain.organisation import AgencyLevel, Role

if TYPE_CHECKING:  # SQLAlchemy and the models load on first use: the sign-in window opens before them
    from .services.dossiers import CounterContext
    from .storage.db import Store

APP_NAME = "quay-mot-cua"

#: Demo identity. The agency ID pattern is real (H26 = Hà Nội, domain.md §2.1); the unit is not.
DEMO_AGENCY = ("000.00.01.H26", "Trung tâm Phục vụ hành chính công phường Demo (DỮ LIỆU MẪU)")
DEMO_COUNTER = ("Q01", "Quầy số 1")
DEMO_OFFICERS = [
    ("canbo01", "Nguyễn Thị Lan", Role.OFFICER),
    ("lanhdao01", "Trần Văn Minh", Role.SUPERVISOR),
    ("quantri", "Lê Quốc Huy", Role.ADMIN),
]


@dataclass
class Profile:
    root: Path
    demo: bool = False
    #: SQLCipher with a key kept in the OS keyring (:meth:`database_key`); the installed app's
    #: profile (:meth:`default`) is encrypted, throw-away demo profiles are not.
    encrypted: bool = False

    @classmethod
    def default(cls, data_dir: Path | str | None = None) -> "Profile":
        chosen = data_dir or os.environ.get("QMC_DATA_DIR")
        return cls(Path(chosen) if chosen else platformdirs.user_data_path(APP_NAME, appauthor=False),
                   encrypted=True)

    @classmethod
    def throwaway_demo(cls) -> "Profile":
        return cls(Path(tempfile.mkdtemp(prefix="qmc-demo-")), demo=True)

    @property
    def db_path(self) -> Path:
        return self.root / "counter.sqlite"

    @property
    def backup_dir(self) -> Path:
        return self.root / "backups"

    @property
    def log_dir(self) -> Path:
        return self.root / "logs"

    def database_key(self) -> bytes | None:
        """The profile's SQLCipher key (created on first use), or None for an unencrypted profile.

        Raises ``KeyringUnavailable`` when the OS has no secure keyring and no admin chose the
        documented fallback (``security.allow_insecure_keyring``, docs/configuration.md)."""
        if not self.encrypted:
            return None
        from .security.keystore import profile_secrets

        return profile_secrets(self.root).database_key()

    def file_key(self) -> bytes | None:
        """The key that opens ``db_path`` as it is on disk now: None for an unencrypted profile or a
        not yet converted plaintext file (tools that open the file directly: ``counter-app db``)."""
        from .storage.db import is_plaintext

        if not self.encrypted or is_plaintext(self.db_path):
            return None
        return self.database_key()

    def keep_secrets(self, store) -> None:
        """An encrypted profile's store keeps the counter's sync token in the OS keyring (moved
        there from the database if an older version or another tool wrote it there)."""
        from .security.keystore import profile_secrets
        from .sync.state import move_secrets_to_keyring

        store.keep_secrets_in(profile_secrets(self.root))
        store.write(move_secrets_to_keyring)

    def protect_attachments(self) -> None:
        """Seal the profile's new digitised files with its attachment key (encrypted profiles)."""
        if self.encrypted:
            from .security.keystore import profile_secrets
            from .services import attachment_store

            attachment_store.use_key(self.root, profile_secrets(self.root).attachment_key())
            sealed = attachment_store.seal_existing(self.root)  # files from before encryption was on
            if sealed:
                logging.getLogger(__name__).info("sealed %d digitised files written before encryption", sealed)

    def open_store(self) -> Store:
        """Open and migrate the store; a profile with no agency yet gets the demo data.
        An encrypted profile's older unencrypted database (and backups) are encrypted first."""
        from .services.catalog import catalog_size, demo_catalog_path, import_catalog, read_catalog_file
        from .storage.db import DatabaseInUse, Store, encrypt_plaintext, is_plaintext
        from .storage.models import SettingRow

        key = self.database_key()
        if key is not None:
            for path in [self.db_path, *sorted(self.backup_dir.glob("*.sqlite"))]:
                try:
                    encrypt_plaintext(path, key)
                except DatabaseInUse:  # another window/command has it open: encrypted at a later start
                    logging.getLogger(__name__).warning("%s in use: left unencrypted for now", path.name)
            if is_plaintext(self.db_path):
                key = None
            self.protect_attachments()
        store = Store.open(self.db_path, backup_dir=self.backup_dir, key=key)
        if key is not None:
            self.keep_secrets(store)
        with store.read() as s:
            configured = s.get(SettingRow, "agency_code") is not None
            has_catalog = catalog_size(s) > 0
        if not configured:
            store.write(seed_demo_identity)
        if not has_catalog:
            procedures, _ = read_catalog_file(demo_catalog_path())
            store.write(lambda s: import_catalog(s, procedures))
        if self.demo and not configured:  # a fresh throw-away demo: two weeks of sample dossiers
            from . import clock
            from .demo_dossiers import seed_sample_dossiers

            seed_sample_dossiers(store, self.context(store), now=clock.now())
        return store

    def context(self, store: Store) -> CounterContext:
        """This counter's context. In a ``counter-app`` command it is the officer who signed in for
        it (:mod:`counter_app.cli_auth`); a command that did not sign in gets none (raises).
        Elsewhere (the app before sign-in, demo data, tests) the profile's configured officer."""
        from sqlalchemy import select

        from . import cli_auth
        from .services.dossiers import CounterContext
        from .storage.models import OfficerRow, SettingRow

        signed_in = cli_auth.signed_in_officer()
        if signed_in is None and cli_auth.in_command():
            raise cli_auth.not_signed_in()
        with store.read() as s:
            def get(key: str) -> str:
                row = s.get(SettingRow, key)
                return row.value if row else ""
            if signed_in is not None:
                return CounterContext(get("agency_code"), get("counter_code"), signed_in.username, signed_in.role)
            officer = s.scalar(select(OfficerRow.role).where(OfficerRow.username == get("officer")))
            role = Role(officer) if officer else Role.OFFICER
            return CounterContext(get("agency_code"), get("counter_code"), get("officer"), role)

    def discard(self) -> None:
        if self.demo:
            shutil.rmtree(self.root, ignore_errors=True)


def seed_demo_identity(session) -> None:
    from datetime import timedelta

    from sqlalchemy import select

    from . import clock
    from .storage.models import AgencyRow, CounterRow, OfficerRow, SettingRow
    from .security.signin import SecurityPolicy, cache_credential

    code, name = DEMO_AGENCY
    if session.scalar(select(AgencyRow).where(AgencyRow.code == code)) is None:
        session.add(AgencyRow(code=code, name=name, level=AgencyLevel.COMMUNE.value))
        session.flush()
        session.add(CounterRow(agency_code=code, code=DEMO_COUNTER[0], name=DEMO_COUNTER[1]))
        for username, full_name, role in DEMO_OFFICERS:
            session.add(OfficerRow(username=username, full_name=full_name, role=role.value, agency_code=code))
        session.flush()
        # Demo passwords (docs/demo.md): cached offline verifiers, so the demo signs in with no server.
        long_validity = SecurityPolicy(offline_validity=timedelta(days=3650))
        for username, _name, _role in DEMO_OFFICERS:
            cache_credential(session, username=username, password=f"demo-{username}", now=clock.now(),
                             policy=long_validity)
    for key, value in (("agency_code", code), ("counter_code", DEMO_COUNTER[0]), ("officer", "canbo01"),
                       ("demo", "1")):
        session.merge(SettingRow(key=key, value=value))
