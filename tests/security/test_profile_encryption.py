"""The installed app's profile (``Profile.default``): SQLCipher with a key generated on first run and
kept in the OS keyring; no secure keyring → refused unless the admin chose the documented fallback."""

from __future__ import annotations

import sqlite3
import stat

import keyring
import keyring.backends.fail
import pytest

from counter_app.profile import Profile
from counter_app.security.keystore import FALLBACK_FILE, KeyringUnavailable, MemoryKeyring
from counter_app.storage.db import DatabaseLocked, Store, is_plaintext
from counter_app.storage.models import OfficerRow, SettingRow


@pytest.fixture
def os_keyring(monkeypatch):
    """A secure OS keyring (in memory) for this test; the admin's fallback switched off."""
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("QMC_ALLOW_INSECURE_KEYRING", raising=False)
    monkeypatch.setenv("QMC_CONFIG", "/nonexistent/config.toml")
    yield backend
    keyring.set_keyring(previous)


def test_default_profile_is_encrypted_with_a_key_kept_in_the_keyring(tmp_path, os_keyring):
    profile = Profile.default(tmp_path / "p")
    store = profile.open_store()
    store.write(lambda s: s.merge(SettingRow(key="note", value="Nguyễn Văn A 001090123456")))
    store.close()
    assert store.encrypted and not is_plaintext(profile.db_path)
    assert b"001090123456" not in profile.db_path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):  # plain sqlite3 cannot read it
        sqlite3.connect(profile.db_path).execute("SELECT * FROM setting").fetchall()
    ns = profile_secrets_ns(profile)
    assert sorted(k for (_svc, k) in os_keyring._data) == [f"{ns}:attachment-key", f"{ns}:database-key"]
    assert not (profile.root / FALLBACK_FILE).exists()  # the key is in the keyring, not beside the file
    again = Profile.default(tmp_path / "p").open_store()  # a restart: the same key from the keyring
    with again.read() as s:
        assert s.get(SettingRow, "note").value.startswith("Nguyễn Văn A")
    again.close()
    os_keyring._data.clear()  # the key is lost: the data is unreadable, and nothing is overwritten
    with pytest.raises(DatabaseLocked):
        Profile.default(tmp_path / "p").open_store()


def profile_secrets_ns(profile: Profile) -> str:
    from counter_app.security.keystore import profile_secrets

    return profile_secrets(profile.root, backend=MemoryKeyring()).namespace


def test_no_secure_keyring_is_refused_with_a_message_unless_the_admin_allows_the_fallback(tmp_path, monkeypatch):
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        monkeypatch.delenv("QMC_ALLOW_INSECURE_KEYRING", raising=False)
        monkeypatch.setenv("QMC_CONFIG", str(tmp_path / "config.toml"))
        profile = Profile.default(tmp_path / "p")
        with pytest.raises(KeyringUnavailable) as err:
            profile.open_store()
        assert "kho khóa an toàn" in err.value.message_vi
        assert not profile.db_path.exists()  # nothing written unencrypted meanwhile
        (tmp_path / "config.toml").write_text("[security]\nallow_insecure_keyring = true\n", encoding="utf-8")
        store = profile.open_store()
        store.close()
        key_file = profile.root / FALLBACK_FILE
        assert not is_plaintext(profile.db_path) and key_file.exists()
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    finally:
        keyring.set_keyring(previous)


def test_an_existing_unencrypted_database_and_its_backups_are_encrypted_once(tmp_path, os_keyring):
    plain = Profile(tmp_path / "p")  # what an older version left: plaintext, with a backup
    plain.open_store().close()
    plain.backup_dir.mkdir(parents=True, exist_ok=True)
    (plain.backup_dir / "counter-manual-1.sqlite").write_bytes(plain.db_path.read_bytes())
    old = plain.open_store()
    with old.read() as s:
        officers = sorted(s.query(OfficerRow.username).all())
    old.close()
    store = Profile.default(tmp_path / "p").open_store()
    with store.read() as s:
        assert sorted(s.query(OfficerRow.username).all()) == officers  # nothing lost
    store.close()
    assert not is_plaintext(plain.db_path)
    assert not is_plaintext(plain.backup_dir / "counter-manual-1.sqlite")
    assert not list(plain.root.glob("*.encrypting"))
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(plain.db_path).execute("SELECT * FROM officer").fetchall()
    backup = Store.open(plain.backup_dir / "counter-manual-1.sqlite", migrate=False,
                        key=Profile.default(tmp_path / "p").database_key())
    with backup.read() as s:  # the backup opens with the profile's key
        assert sorted(s.query(OfficerRow.username).all()) == officers
    backup.close()


def test_demo_profiles_stay_unencrypted():
    demo = Profile.throwaway_demo()
    try:
        assert demo.database_key() is None
    finally:
        demo.discard()


def test_keyring_never_picks_our_in_memory_or_file_backends_by_itself():
    """Else a counter without an OS keyring would keep its database key in memory and lose it at exit."""
    from keyring.backend import get_all_keyring

    from counter_app.security.keystore import FileKeyring

    names = {type(b).__name__ for b in get_all_keyring()}
    assert not names & {MemoryKeyring.__name__, FileKeyring.__name__}


def test_a_plaintext_database_in_use_elsewhere_is_not_swapped_under_it(tmp_path, os_keyring):
    plain = Profile(tmp_path / "p")
    other = plain.open_store()  # e.g. the app's window still open on the old database
    with other.read() as s:
        s.get(SettingRow, "agency_code")
    cli = Profile.default(tmp_path / "p").open_store()  # a command started meanwhile
    assert not cli.encrypted and is_plaintext(plain.db_path)  # left as it is: nobody writes into a lost copy
    cli.write(lambda s: s.merge(SettingRow(key="note", value="cả hai đều thấy")))
    with other.read() as s:
        assert s.get(SettingRow, "note").value == "cả hai đều thấy"
    cli.close()
    other.close()
    later = Profile.default(tmp_path / "p").open_store()  # the next start, alone: encrypted now
    assert later.encrypted and not is_plaintext(plain.db_path)
    with later.read() as s:
        assert s.get(SettingRow, "note").value == "cả hai đều thấy"
    later.close()


def test_file_key_opens_the_file_as_it_is_on_disk(tmp_path, os_keyring):
    from counter_app.storage.db import make_engine
    from counter_app.storage.migrate import current_revision, head_revision

    plain = Profile(tmp_path / "p")
    plain.open_store().close()
    profile = Profile.default(tmp_path / "p")
    assert profile.file_key() is None  # still plaintext: opened as such
    profile.open_store().close()  # converted
    key = profile.file_key()
    assert key == profile.database_key()
    assert current_revision(make_engine(profile.db_path, key=key)) == head_revision()
    assert plain.file_key() is None


def test_the_counter_sync_token_lives_in_the_keyring_not_in_the_database(tmp_path, os_keyring):
    from counter_app.sync import state
    from counter_app.storage.models_sync import SyncStateRow

    profile = Profile.default(tmp_path / "p")
    store = profile.open_store()
    store.write(lambda s: (state.put(s, state.SERVER_URL, "https://city.example"),
                           state.put(s, state.TOKEN, "counter-token-123")))
    with store.read() as s:
        assert state.get(s, state.TOKEN) == "counter-token-123"  # what the sync client reads
    store.close()
    ns = profile_secrets_ns(profile)
    assert os_keyring._data[("quay-mot-cua", f"{ns}:counter-token")] == "counter-token-123"

    def raw_rows() -> dict[str, str]:  # the database as another tool with the key sees it
        raw = Store.open(profile.db_path, key=profile.database_key(), migrate=False)
        try:
            with raw.read() as s:
                return {r.key: r.value for r in s.query(SyncStateRow)}
        finally:
            raw.close()

    assert raw_rows()["token"] == state.IN_KEYRING and raw_rows()["server_url"] == "https://city.example"

    # A token an older version (or a tool without the keyring) wrote in the database moves to the keyring.
    raw = Store.open(profile.db_path, key=profile.database_key(), migrate=False)
    raw.write(lambda s: state.put(s, state.TOKEN, "older-token"))
    raw.close()
    assert raw_rows()["token"] == "older-token"
    store = profile.open_store()
    with store.read() as s:
        assert state.get(s, state.TOKEN) == "older-token"
    assert raw_rows()["token"] == state.IN_KEYRING
    assert os_keyring._data[("quay-mot-cua", f"{ns}:counter-token")] == "older-token"
    store.write(lambda s: state.put(s, state.TOKEN, None))  # unregistered: gone from both
    store.close()
    assert ("quay-mot-cua", f"{ns}:counter-token") not in os_keyring._data and "token" not in raw_rows()


def test_an_unencrypted_profile_keeps_its_token_in_its_database(tmp_path):
    from counter_app.sync import state

    store = Profile(tmp_path / "demo", demo=True).open_store()
    store.write(lambda s: state.put(s, state.TOKEN, "demo-token"))
    with store.read() as s:
        assert s.info.get("secrets") is None and state.get(s, state.TOKEN) == "demo-token"
    store.close()
