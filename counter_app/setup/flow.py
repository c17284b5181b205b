"""The first-run setup as a headless state machine (the Qt wizard only renders it).

    BACKEND ──▶ AGENCY ──▶ OFFICER ──▶ DEVICES ──▶ REVIEW ──▶ DONE
       │ connect(url, certificate, token): agency, counter and officers come from the backend
       └ work_offline(): they are typed (offline start; sync can be configured later)

:meth:`SetupFlow.next` validates the current step and raises a :class:`SetupError` (Vietnamese)
instead of moving on; :meth:`SetupFlow.finish` writes the config TOML and the profile at once.
Nothing is written before ``finish``: a setup abandoned half-way leaves nothing behind.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from .. import config as config_mod
from ..domain.errors import CounterError
from ..domain.organisation import Role, validate_agency_code
from . import backend as backend_mod
from . import devices as device_checks
from .backend import BackendInfo, SetupError

USERNAME_RE = re.compile(r"^[a-z0-9._-]{2,64}$")
COUNTER_RE = re.compile(r"^[0-9A-Za-z._-]{1,32}$")
MIN_PASSWORD = 8


class Step(enum.Enum):
    BACKEND = "backend"
    AGENCY = "agency"
    OFFICER = "officer"
    DEVICES = "devices"
    REVIEW = "review"
    DONE = "done"


ORDER = list(Step)


@dataclass
class SetupDraft:
    """Everything chosen so far (no password: the flow keeps it apart until ``finish``)."""

    online: bool | None = None  # None = not chosen yet
    backend_url: str = ""
    ca_file: str = ""
    token: str = ""
    registration: dict = field(default_factory=dict)
    agency_settings: dict = field(default_factory=dict)
    agency_code: str = ""
    agency_name: str = ""
    counter_code: str = ""
    counter_name: str = ""
    officers: list[tuple[str, str, str]] = field(default_factory=list)  # (username, full name, role)
    officer_username: str = ""
    officer_full_name: str = ""
    officer_role: str = Role.ADMIN.value
    devices: config_mod.DevicesConfig = field(default_factory=config_mod.DevicesConfig)
    token_label: str = ""
    key_label: str = ""
    checks: dict[str, device_checks.DeviceCheck] = field(default_factory=dict)
    offline_validity: timedelta = timedelta(days=7)

    def all_officers(self) -> list[tuple[str, str, str]]:
        others = [o for o in self.officers if o[0] != self.officer_username]
        return [*others, (self.officer_username, self.officer_full_name, self.officer_role)]


def _invalid(message_en: str, message_vi: str) -> SetupError:
    return SetupError(message_en, message_vi)


class SetupFlow:
    def __init__(self, profile, *, config_path: Path | None = None, now: Callable[[], datetime] = datetime.now,
                 connect: Callable[..., BackendInfo] = backend_mod.connect,
                 sign_in_online: Callable[..., dict | None] = backend_mod.sign_in_online) -> None:
        self.profile = profile
        self.config_path = config_path or config_mod.default_path()
        self.base_config = config_mod.load(self.config_path)
        self.now, self._connect, self._sign_in_online = now, connect, sign_in_online
        self.step = Step.BACKEND
        self.draft = SetupDraft(backend_url=self.base_config.backend.url, ca_file=self.base_config.backend.ca_file,
                                devices=self.base_config.devices,
                                offline_validity=timedelta(days=self.base_config.security.offline_validity_days))
        self._info: BackendInfo | None = None
        self._password = ""

    # -- step 1: the backend ------------------------------------------------------------------
    def connect(self, url: str, *, token: str, ca_file: str = "") -> BackendInfo:
        info = self._connect(url, token=token, ca_file=ca_file, timeout=self.base_config.backend.timeout_seconds)
        d = self.draft
        self._info = info
        d.online, d.backend_url, d.ca_file, d.token, d.registration = True, info.url, info.ca_file, info.token, info.me
        d.agency_code, d.counter_code = info.agency_code, info.counter_code
        d.agency_name = d.agency_name or info.me.get("agency_name", "") or info.agency_code
        d.counter_name = d.counter_name or f"Quầy {info.counter_code}"
        d.officers = [(o["username"], o["full_name"], o["role"]) for o in info.officers]
        d.agency_settings = info.agency_settings
        return info

    def work_offline(self, url: str = "") -> None:
        """Start without the backend: agency and counter are typed; sync is configured later."""
        d = self.draft
        self._info = None
        d.online, d.token, d.registration, d.officers, d.agency_settings = False, "", {}, [], {}
        d.backend_url = backend_mod.check_url(url) if url.strip() else ""

    # -- step 2: agency and counter --------------------------------------------------------------
    def set_agency(self, *, agency_code: str, agency_name: str, counter_code: str, counter_name: str) -> None:
        d = self.draft
        if d.online:
            if agency_code.strip().upper() != d.agency_code or counter_code.strip() != d.counter_code:
                raise _invalid("identity differs from the backend's",
                               "Mã cơ quan và mã quầy lấy từ hệ thống của thành phố, không sửa được ở đây.")
        code = validate_agency_code(agency_code)
        if not COUNTER_RE.match(counter_code.strip()):
            raise _invalid("bad counter code", "Mã quầy chỉ gồm chữ, số, dấu chấm hoặc gạch (ví dụ Q01).")
        if not agency_name.strip() or not counter_name.strip():
            raise _invalid("names missing", "Nhập tên cơ quan và tên quầy.")
        d.agency_code, d.agency_name = code, agency_name.strip()
        d.counter_code, d.counter_name = counter_code.strip(), counter_name.strip()

    # -- step 3: the first officer ----------------------------------------------------------------
    def sign_in_officer(self, *, username: str, password: str, full_name: str = "",
                        password_again: str | None = None) -> None:
        """Online: the city checks the password and says who the officer is (an officer of this
        agency). Offline, or a backend without online sign-in: a local administrator account."""
        d = self.draft
        username = username.strip().lower()
        if not USERNAME_RE.match(username):
            raise _invalid("bad username", "Tên đăng nhập gồm 2–64 chữ thường không dấu, số, dấu chấm hoặc gạch.")
        city = None
        if d.online and self._info is not None:
            city = self._sign_in_online(self._info, username=username, password=password)
        if city is not None:
            d.officer_username, d.officer_full_name, d.officer_role = username, city["full_name"], city["role"]
        else:
            known = {o[0]: o for o in d.officers}
            if username in known:
                full_name = full_name.strip() or known[username][1]
            if not full_name.strip():
                raise _invalid("full name missing", "Nhập họ và tên của cán bộ.")
            if len(password) < MIN_PASSWORD:
                raise _invalid("short password", f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.")
            if password_again is not None and password_again != password:
                raise _invalid("passwords differ", "Hai lần nhập mật khẩu không khớp.")
            role = known[username][2] if username in known else Role.ADMIN.value
            d.officer_username, d.officer_full_name, d.officer_role = username, full_name.strip(), role
        self._password = password

    # -- step 4: devices ------------------------------------------------------------------------------
    def set_devices(self, **values) -> config_mod.DevicesConfig:
        """Change device settings (keys of ``[devices]``); types and choices are checked."""
        d = self.draft
        try:
            merged = config_mod.from_dict({"devices": values}, where="setup", base=replace(
                self.base_config, devices=d.devices)).devices
        except CounterError as exc:
            raise _invalid(str(exc), exc.message_vi) from None
        if merged.barcode_mode not in ("wedge", "serial"):
            raise _invalid("bad barcode mode", "Chế độ máy quét mã phải là “bàn phím” hoặc “cổng COM”.")
        if merged.barcode_mode == "serial" and not merged.barcode_port:
            raise _invalid("serial port missing", "Chọn cổng COM của máy quét mã.")
        if merged.card_access_policy not in ("pace_then_bac", "pace_only", "bac_only"):
            raise _invalid("bad access policy", "Chính sách đọc thẻ không hợp lệ.")
        d.devices = merged
        return merged

    def set_signing(self, *, module: str, token_label: str = "", key_label: str = "") -> None:
        self.set_devices(pkcs11_module=module)
        self.draft.token_label, self.draft.key_label = token_label.strip(), key_label.strip()

    def test_device(self, device: str, **kw) -> device_checks.DeviceCheck:
        """Run a device's test action with the current settings; the result is kept for the review."""
        dev, now = self.draft.devices, self.now()
        if device == "idcard":
            result = device_checks.check_card_reader(reader=dev.card_reader, **kw)
        elif device == "barcode":
            result = device_checks.check_barcode(mode=dev.barcode_mode, port=dev.barcode_port,
                                                 baud=dev.barcode_baud, **kw)
        elif device == "scanner":
            result = device_checks.check_scanner(device=dev.scanner_device, **kw)
        elif device in ("printer_a4", "printer_a5", "printer_thermal"):
            size_class = device.removeprefix("printer_")
            result = device_checks.check_printer(size_class=size_class, printer=getattr(dev, device),
                                                 spool_dir=Path(self.profile.root) / "print-tests", now=now, **kw)
        elif device == "signing":
            result = device_checks.check_signing(module=dev.pkcs11_module, token_label=self.draft.token_label,
                                                 key_label=self.draft.key_label, now=now, **kw)
        else:
            raise ValueError(device)
        self.draft.checks[device] = result
        return result

    # -- moving --------------------------------------------------------------------------------------
    def _validate(self) -> None:
        d = self.draft
        if self.step is Step.BACKEND and d.online is None:
            raise _invalid("backend not chosen",
                           "Kết nối với hệ thống của thành phố, hoặc chọn “Làm việc ngoại tuyến”.")
        if self.step is Step.AGENCY:
            self.set_agency(agency_code=d.agency_code, agency_name=d.agency_name, counter_code=d.counter_code,
                            counter_name=d.counter_name)
        if self.step is Step.OFFICER and not (d.officer_username and self._password):
            raise _invalid("no officer", "Cán bộ cần đăng nhập trước khi tiếp tục.")

    def next(self) -> Step:
        if self.step is Step.REVIEW:
            raise _invalid("review is finished by finish()", "Bấm “Hoàn tất” để lưu cấu hình.")
        if self.step is Step.DONE:
            return self.step
        self._validate()
        self.step = ORDER[ORDER.index(self.step) + 1]
        return self.step

    def back(self) -> Step:
        if self.step not in (Step.BACKEND, Step.DONE):
            self.step = ORDER[ORDER.index(self.step) - 1]
        return self.step

    def config(self) -> config_mod.Config:
        d, base = self.draft, self.base_config
        return replace(base, backend=replace(base.backend, url=d.backend_url, ca_file=d.ca_file),
                       counter=replace(base.counter, agency_code=d.agency_code, counter_code=d.counter_code),
                       devices=d.devices)

    def _first_update_check(self, store) -> None:
        """Tell the backend this counter's version now, and keep any announcement for the sign-in
        window. Best effort: the setup never fails because of it."""
        from ..updates import check_store

        try:
            check_store(store, profile_root=self.profile.root, timeout=self.base_config.backend.timeout_seconds)
        except CounterError:
            pass

    def finish(self) -> Path:
        """Write the profile (one transaction) and then the config TOML; mark the profile set up."""
        from ..storage.db import Store
        from .marker import mark_done
        from .profile_setup import write_identity

        if self.step is not Step.REVIEW:
            raise _invalid(f"finish at step {self.step.value}", "Chưa hoàn thành các bước cài đặt.")
        for step in (Step.AGENCY, Step.OFFICER):  # re-check what the review shows
            self.step = step
            self._validate()
        self.step = Step.REVIEW
        try:
            config_mod.with_agency_settings(self.config(), self.draft.agency_settings)
        except CounterError:
            self.draft.agency_settings = {}  # the backend's document is unusable here: the local file wins
        key = self.profile.database_key() if hasattr(self.profile, "database_key") else None  # encrypted at rest
        store = Store.open(self.profile.db_path, backup_dir=self.profile.backup_dir, key=key)
        if key is not None:
            self.profile.keep_secrets(store)  # the counter's token goes to the keyring
        try:
            store.write(lambda s: write_identity(s, self.draft, password=self._password, now=self.now()))
            if self.draft.online:
                self._first_update_check(store)
        finally:
            store.close()
        path = config_mod.save(self.config(), self.config_path)
        if self.draft.agency_settings:
            config_mod.save_agency_settings(self.draft.agency_settings, self.config_path)
        mark_done(self.profile, agency_code=self.draft.agency_code, counter_code=self.draft.counter_code,
                  at=self.now())
        self._password = ""
        self.step = Step.DONE
        return path

