"""Encryption at rest (SQLCipher, key from the keyring) and the keyring policy."""

import sqlite3

import keyring.backends.fail
import pytest

from counter_app.security.keystore import DB_KEY, KeyringUnavailable, MemoryKeyring, SecretStore
from counter_app.storage import migrate
from counter_app.storage.db import DatabaseLocked, Store
from counter_app.storage.models import SettingRow


def test_database_unreadable_without_the_key(tmp_path):
    keys = SecretStore(backend=MemoryKeyring(), namespace="p1")
    key = keys.database_key()
    assert len(key) == 32 and keys.database_key() == key, "created once, then read back"
    db = tmp_path / "counter.sqlite"
    store = Store.open(db, key=key)
    store.write(lambda s: s.add(SettingRow(key="applicant", value="Nguyễn Văn A 001090123456")))
    store.close()
    raw = db.read_bytes()
    assert b"SQLite format 3" not in raw[:16] and b"001090123456" not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db).execute("SELECT * FROM setting").fetchall()
    with pytest.raises(DatabaseLocked) as err:
        Store.open(db, key=bytes(32))
    assert "khóa giải mã" in err.value.message_vi
    again = Store.open(db, key=key)
    with again.read() as s:
        assert s.get(SettingRow, "applicant").value.startswith("Nguyễn Văn A")
    again.close()


def test_encrypted_migration_backup_stays_encrypted(tmp_path):
    key = bytes(range(32))
    db = tmp_path / "c.sqlite"
    from counter_app.storage.db import make_engine
    migrate.upgrade(make_engine(db, key=key), revision="0001")
    Store.open(db, key=key).close()
    backups = list((tmp_path / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    assert b"SQLite format 3" not in backups[0].read_bytes()[:16]
    engine = make_engine(backups[0], key=key)
    assert migrate.current_revision(engine) == "0001"


def test_insecure_keyring_refused_unless_admin_allows():
    fail = keyring.backends.fail.Keyring()
    store = SecretStore(backend=fail)
    assert not store.secure
    with pytest.raises(KeyringUnavailable) as err:
        store.set(DB_KEY, "x")
    assert "kho khóa" in err.value.message_vi
    allowed = SecretStore(backend=fail, allow_insecure=True)
    with pytest.raises(KeyringUnavailable):  # allowed, but the fail backend still cannot store
        allowed.set(DB_KEY, "x")


def test_namespaces_keep_profiles_apart():
    backend = MemoryKeyring()
    a, b = SecretStore(backend=backend, namespace="a"), SecretStore(backend=backend, namespace="b")
    assert a.database_key() != b.database_key()
    a.delete(DB_KEY)
    assert a.get(DB_KEY) is None and b.get(DB_KEY) is not None
