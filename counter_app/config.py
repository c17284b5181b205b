"""The counter's configuration: one TOML file in the platform's config folder.

``%LOCALAPPDATA%\\quay-mot-cua\\config.toml`` on Windows, ``~/.config/quay-mot-cua/config.toml`` on
Linux, or ``$QMC_CONFIG``. Every key is documented in ``docs/configuration.md`` (a test
checks that the two agree). Per-agency settings synced from the backend override the
agency keys (:func:`agency_keys`) at run time (:func:`with_agency_settings`). Secrets never
live here (OS keyring or the encrypted profile).
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import platformdirs

from .domain.errors import ConfigurationError

APP = "quay-mot-cua"


@dataclass(frozen=True)
class BackendConfig:
    url: str = ""  # city backend base URL, e.g. https://motcua.hanoi.example/api/v1 ("" = offline only)
    ca_file: str = ""  # pinned CA or server certificate (PEM) for TLS
    timeout_seconds: float = 10.0


@dataclass(frozen=True)
class CounterConfig:
    agency_code: str = ""  # e.g. 000.00.01.H26 (set by the first-run setup)
    counter_code: str = ""  # e.g. Q01
    lookup_url_pattern: str = ""  # public lookup page, "{code}" and "{digits}" replaced (receipt QR)


@dataclass(frozen=True)
class DevicesConfig:
    card_reader: str = ""  # PC/SC reader name; "" = first reader with a card
    card_access_policy: str = "pace_then_bac"  # pace_then_bac | pace_only | bac_only
    barcode_mode: str = "wedge"  # wedge (USB keyboard) | serial
    barcode_port: str = ""  # COM3, /dev/ttyACM0
    barcode_baud: int = 9600
    scanner_device: str = ""  # SANE/TWAIN device; "" = ask
    hot_folder: str = ""  # folder a network copier scans into
    printer_a5: str = ""  # receipts and slips
    printer_a4: str = ""  # tracking book, letters
    printer_thermal: str = ""  # queue tickets (ESC/POS)
    pkcs11_module: str = ""  # the signing token's vendor PKCS#11 library


@dataclass(frozen=True)
class SecurityConfig:
    offline_validity_days: int = 7
    max_failures: int = 5
    lockout_minutes: int = 15
    idle_lock_minutes: int = 10
    allow_insecure_keyring: bool = False  # documented fallback, an admin's explicit choice
    retention_days: int = 0  # purge local copies of returned, synced dossiers' files after this (0 = keep)
    retention_personal_fields: bool = False  # the purge also blanks ID number, phone, e-mail, addresses
    prints_keep_days: int = 7  # saved/failed form PDFs in <profile>/prints are deleted after this (≥ 1)

    def __post_init__(self) -> None:
        if self.prints_keep_days < 1:
            raise ValueError("“security.prints_keep_days” phải từ 1 trở lên (tệp PDF biểu mẫu không được giữ mãi)")


@dataclass(frozen=True)
class SyncConfig:
    interval_seconds: int = 30
    warn_offline_hours: int = 24
    block_offline_hours: int = 72
    block_unsynced_dossiers: int = 2000
    block_catalog_age_days: int = 14


@dataclass(frozen=True)
class QueueConfig:
    areas: str = ""  # service areas this counter calls, comma-separated (resources/rules/queue.toml); "" = all
    rating_scale: int = 3  # 3 (Rất hài lòng / Hài lòng / Không hài lòng) or 5 levels
    speech: bool = True  # speak calls on the calling display (espeak-ng, when installed)
    customer_screen: bool = False  # open the customer-facing window on the second screen
    panel: bool = False  # show the queue panel docked in the main window (F5 shows it anyway)


@dataclass(frozen=True)
class UiConfig:
    language: str = "vi"  # vi | en
    large_type: bool = False


@dataclass(frozen=True)
class LoggingConfig:
    level: str = "INFO"
    max_bytes: int = 5_000_000
    keep_files: int = 10


#: Who can deliver a notice to the citizen (docs/notifications.md); "outbox" only keeps the folder.
NOTIFY_PROVIDERS = ("email", "sms", "zalo", "outbox")


@dataclass(frozen=True)
class NotifyConfig:
    providers: str = ""  # comma-separated: email, sms, zalo, outbox; "" = log only (docs/notifications.md)
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"  # starttls | ssl | none
    smtp_username: str = ""  # "" = no login; the password is the keyring secret notify-smtp-password
    smtp_sender: str = ""  # From: address, e.g. motcua@phuong.hanoi.gov.vn
    sms_url: str = ""  # the SMS gateway's JSON endpoint (API key: keyring secret notify-sms-api-key)
    zalo_url: str = "https://business.openapi.zalo.me/message/template"
    zalo_template_id: str = ""  # the approved ZNS template (token: keyring secret notify-zalo-access-token)
    zalo_code_param: str = "ma_ho_so"  # template parameter receiving the dossier code
    zalo_status_param: str = "trang_thai"  # template parameter receiving the short status
    max_attempts: int = 10
    timeout_seconds: float = 15.0

    def __post_init__(self) -> None:
        names = self.provider_list()
        unknown = [n for n in names if n not in NOTIFY_PROVIDERS]
        if unknown:
            raise ValueError(f"nhà cung cấp gửi thông báo không biết “{unknown[0]}” trong “notify.providers” "
                             f"(dùng: {', '.join(NOTIFY_PROVIDERS)})")
        if self.smtp_security not in ("starttls", "ssl", "none"):
            raise ValueError("“notify.smtp_security” phải là starttls, ssl hoặc none")
        needed = {"email": ("smtp_host", "smtp_sender"), "sms": ("sms_url",), "zalo": ("zalo_url", "zalo_template_id")}
        for name in names:
            missing = [k for k in needed.get(name, ()) if not getattr(self, k).strip()]
            if missing:
                raise ValueError(f"“notify.providers” có “{name}” nhưng thiếu “notify.{missing[0]}”")
        if self.max_attempts < 1 or self.timeout_seconds <= 0:
            raise ValueError("“notify.max_attempts” và “notify.timeout_seconds” phải lớn hơn 0")

    def provider_list(self) -> tuple[str, ...]:
        """The configured providers, in order, without blanks or repeats."""
        return tuple(dict.fromkeys(n.strip().lower() for n in self.providers.split(",") if n.strip()))


@dataclass(frozen=True)
class Config:
    backend: BackendConfig = field(default_factory=BackendConfig)
    counter: CounterConfig = field(default_factory=CounterConfig)
    devices: DevicesConfig = field(default_factory=DevicesConfig)
    security: SecurityConfig = field(default_factory=SecurityConfig)
    sync: SyncConfig = field(default_factory=SyncConfig)
    queue: QueueConfig = field(default_factory=QueueConfig)
    ui: UiConfig = field(default_factory=UiConfig)
    logging: LoggingConfig = field(default_factory=LoggingConfig)
    notify: NotifyConfig = field(default_factory=NotifyConfig)


def default_path() -> Path:
    env = os.environ.get("QMC_CONFIG")
    return Path(env) if env else platformdirs.user_config_path(APP, appauthor=False) / "config.toml"


def all_keys() -> list[str]:
    """``section.key`` for every setting (what docs/configuration.md must document)."""
    return [f"{s.name}.{k.name}" for s in fields(Config) for k in fields(s.default_factory())]


def _bad(path: Path, detail: str) -> ConfigurationError:
    return ConfigurationError(f"{path}: {detail}", f"Tệp cấu hình {path.name} có lỗi: {detail}. "
                                                   "Sửa tệp theo tài liệu docs/configuration.md hoặc xóa dòng đó.")


def _checked(where: Path | str, sec: str, key: str, value: object, default: object) -> object:
    """``value`` for ``sec.key`` if its type fits, else a :class:`ConfigurationError` naming it."""
    kind = next((f.type for f in fields(default) if f.name == key), None)
    if kind is None:
        raise _bad(Path(str(where)), f"khóa không biết “{sec}.{key}”")
    expected = {"str": str, "int": int, "float": (int, float), "bool": bool}[kind]
    if not isinstance(value, expected) or (kind == "int" and isinstance(value, bool)):
        raise _bad(Path(str(where)), f"“{sec}.{key}” phải là {kind}")
    return float(value) if kind == "float" else value


def from_dict(data: dict, *, where: Path | str = "config.toml", base: Config | None = None) -> Config:
    """Sections over ``base`` (default: all defaults). Unknown keys and wrong types are errors."""
    data = dict(data)
    base = base or Config()
    sections = {}
    for sec in fields(Config):
        raw = data.pop(sec.name, {})
        current = getattr(base, sec.name)
        if not isinstance(raw, dict):
            raise _bad(Path(str(where)), f"“{sec.name}” phải là một mục")
        values = {key: _checked(where, sec.name, key, value, current) for key, value in raw.items()}
        try:
            sections[sec.name] = replace(current, **values)
        except ValueError as exc:  # a section's own checks (e.g. notify.providers)
            raise _bad(Path(str(where)), str(exc)) from None
    if data:
        raise _bad(Path(str(where)), f"mục không biết “{next(iter(data))}”")
    return Config(**sections)


def load(path: Path | None = None) -> Config:
    """Read the file (missing file = all defaults), then the agency's settings on top
    (:func:`agency_path`). Unknown keys and wrong types in the file are errors."""
    path = path or default_path()
    if not path.exists():
        return _with_agency_file(Config(), path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise _bad(path, f"không đọc được ({exc})") from exc
    return _with_agency_file(from_dict(data, where=path), path)


def agency_path(path: Path | None = None) -> Path:
    """The agency's settings as last received from the backend, beside the config file."""
    return (path or default_path()).with_name("agency-settings.json")


def _with_agency_file(cfg: Config, path: Path) -> Config:
    """The agency's keys on top; an unreadable or unusable document is ignored (the file applies)."""
    agency = agency_path(path)
    if not agency.exists():
        return cfg
    try:
        return with_agency_settings(cfg, json.loads(agency.read_text(encoding="utf-8")))
    except (ValueError, ConfigurationError):
        import logging

        logging.getLogger(__name__).warning("agency settings ignored: %s is unusable", agency.name)
        return cfg


def save_agency_settings(doc: dict, path: Path | None = None) -> Path:
    """Keep the agency's document (checked) beside the config file; :func:`load` merges it."""
    check_agency_settings(doc)
    target = agency_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, target)
    return target


def dumps(cfg: Config) -> str:
    """The TOML text of ``cfg``, every key written (``config init`` and the first-run setup)."""
    lines = ["# Quầy Một cửa — cấu hình quầy. Mọi khóa: docs/configuration.md", ""]
    for section in fields(cfg):
        lines.append(f"[{section.name}]")
        for key in fields(getattr(cfg, section.name)):
            value = getattr(getattr(cfg, section.name), key.name)
            rendered = json.dumps(value, ensure_ascii=False) if not isinstance(value, bool) else str(value).lower()
            lines.append(f"{key.name} = {rendered}")
        lines.append("")
    return "\n".join(lines)


def save(cfg: Config, path: Path | None = None) -> Path:
    """Write ``cfg`` atomically (a crash mid-write leaves the old file whole)."""
    path = path or default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(dumps(cfg), encoding="utf-8")
    os.replace(tmp, path)
    return path


#: Keys an agency sets for all its counters (``GET /v1/app/settings``, merged over the local file).
AGENCY_SECTIONS = ("security", "sync")
AGENCY_EXTRA_KEYS = ("counter.lookup_url_pattern",)


def agency_keys() -> list[str]:
    return [k for k in all_keys() if k.split(".")[0] in AGENCY_SECTIONS or k in AGENCY_EXTRA_KEYS]


def check_agency_settings(doc: object) -> dict:
    """Validate a per-agency settings document (``{"sync": {"interval_seconds": 60}}``)."""
    where = "agency-settings"
    if not isinstance(doc, dict):
        raise _bad(Path(where), "phải là một mục")
    allowed = set(agency_keys())
    for sec, values in doc.items():
        for key in (values if isinstance(values, dict) else {"": None}):
            if f"{sec}.{key}" not in allowed:
                raise _bad(Path(where), f"khóa “{sec}.{key}” không do cơ quan cấu hình")
    from_dict(doc, where=where)  # types
    return doc


def with_agency_settings(cfg: Config, doc: dict | None) -> Config:
    """``cfg`` with the agency's settings on top (they win over the local file)."""
    return from_dict(check_agency_settings(doc), where="agency-settings", base=cfg) if doc else cfg
