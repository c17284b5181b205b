"""Providers that tell the citizen (gửi thông báo cho công dân): e-mail, SMS, Zalo ZNS.

Each provider is a :class:`~counter_app.services.results.Notifier`: ``send(notice) -> bool``
never raises. Underneath, :meth:`deliver` raises :class:`DeliveryError` with a Vietnamese
message for the officer, so the outbox delivery (:mod:`counter_app.notify_delivery`) can
record why a notice is still waiting. Credentials come from the profile's keyring
(``counter-app notices secret NAME``), never from the configuration file.

Logging rule: a log line names the provider, the dossier code and the *masked* recipient
(:func:`~counter_app.services.results.mask_phone`, ``mask_email``) — never the phone, the
address, the text or a secret.
"""

from __future__ import annotations

import abc
import logging
import re
import smtplib
import ssl
import uuid
from email.message import EmailMessage
from email.utils import make_msgid

from .config import NotifyConfig
from .domain.errors import CounterError
from .services.results import Notice, mask_email, mask_phone

log = logging.getLogger(__name__)

#: Keyring secrets of the providers (per profile).
SMTP_PASSWORD = "notify-smtp-password"
SMS_API_KEY = "notify-sms-api-key"
ZALO_ACCESS_TOKEN = "notify-zalo-access-token"
SECRETS = (SMTP_PASSWORD, SMS_API_KEY, ZALO_ACCESS_TOKEN)


class DeliveryError(Exception):
    """A provider did not accept a notice. ``permanent``: retrying cannot help (bad recipient)."""

    def __init__(self, message_en: str, message_vi: str, *, permanent: bool = False) -> None:
        super().__init__(message_en)
        self.message_vi = message_vi
        self.permanent = permanent


_VN_MOBILE = re.compile(r"84[35789]\d{8}")


def normalise_phone(phone: str) -> str | None:
    """Vietnamese mobile number in international form without "+" (``0912345678`` → ``84912345678``).

    Spaces, dots and dashes are ignored; anything else that is not a 10-digit mobile number → None."""
    raw = re.sub(r"[\s.\-()]", "", phone or "")
    if raw.startswith("+"):
        raw = raw[1:]
    elif raw.startswith("0"):
        raw = "84" + raw[1:]
    return raw if _VN_MOBILE.fullmatch(raw) else None


class _Provider(abc.ABC):
    """``send`` over ``deliver``: a refusal or an outage is logged (masked) and returns False."""

    name = "provider"

    @abc.abstractmethod
    def deliver(self, notice: Notice) -> None:
        """Hand ``notice`` to the provider; raises :class:`DeliveryError` when it is not accepted."""

    def send(self, notice: Notice) -> bool:
        try:
            self.deliver(notice)
        except DeliveryError as exc:
            log.warning("%s notice for %s not sent: %s", self.name, notice.dossier_code, exc)
            return False
        return True

    def _secret(self, secrets, name: str, what_vi: str) -> str:
        try:
            value = secrets.get(name) if secrets is not None else None
        except CounterError as exc:  # no usable keyring: the officer's message says why
            raise DeliveryError(f"keyring unusable: {exc.code}", exc.message_vi) from exc
        if not value:
            raise DeliveryError(f"keyring secret {name} missing",
                                f"Chưa lưu {what_vi} (counter-app notices secret {name}).")
        return value


class SmtpNotifier(_Provider):
    """Gửi thư điện tử: the notice as an e-mail (subject, text, every attachment) over SMTP."""

    name = "email"

    def __init__(self, cfg: NotifyConfig, secrets) -> None:
        self.cfg, self.secrets = cfg, secrets

    def message(self, notice: Notice) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = self.cfg.smtp_sender
        msg["To"] = notice.email.strip()
        msg["Subject"] = notice.subject_vi or f"Thông báo về hồ sơ {notice.dossier_code}"
        msg["Message-ID"] = make_msgid(domain=self.cfg.smtp_sender.rpartition("@")[2] or None)
        msg.set_content(notice.text_vi)
        for att in notice.attachments:
            main, _, sub = (att.content_type or "application/octet-stream").partition("/")
            msg.add_attachment(att.data, maintype=main, subtype=sub or "octet-stream", filename=att.name)
        return msg

    def deliver(self, notice: Notice) -> None:
        if "@" not in notice.email:
            raise DeliveryError("no e-mail address", "Hồ sơ không có địa chỉ thư điện tử.", permanent=True)
        cfg, timeout = self.cfg, self.cfg.timeout_seconds
        try:
            if cfg.smtp_security == "ssl":
                client = smtplib.SMTP_SSL(cfg.smtp_host, cfg.smtp_port, timeout=timeout,
                                          context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(cfg.smtp_host, cfg.smtp_port, timeout=timeout)
            with client:
                if cfg.smtp_security == "starttls":
                    client.starttls(context=ssl.create_default_context())
                if cfg.smtp_username:
                    client.login(cfg.smtp_username, self._secret(self.secrets, SMTP_PASSWORD, "mật khẩu máy chủ thư"))
                client.send_message(self.message(notice))
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError("recipient refused", "Máy chủ thư từ chối địa chỉ người nhận.", permanent=True) from exc
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError("smtp login refused", "Máy chủ thư từ chối đăng nhập; kiểm tra tài khoản, "
                                                      "mật khẩu.") from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"smtp failed: {type(exc).__name__}",
                                f"Không gửi được thư điện tử qua {cfg.smtp_host}: máy chủ thư không trả lời "
                                "hoặc từ chối. Sẽ thử lại sau.") from exc
        log.info("email notice for %s sent to %s", notice.dossier_code, mask_email(notice.email))


def _post_json(url: str, body: dict, headers: dict[str, str], timeout: float, what_vi: str):
    import httpx

    try:
        return httpx.post(url, json=body, headers=headers, timeout=timeout)
    except httpx.HTTPError as exc:
        raise DeliveryError(f"{what_vi} unreachable: {type(exc).__name__}",
                            f"Không kết nối được cổng {what_vi}; sẽ thử lại sau.") from exc


def _phone_of(notice: Notice, provider: str) -> str:
    phone = normalise_phone(notice.phone)
    if phone is None:
        log.warning("%s notice for %s not sent: %s is not a Vietnamese mobile number", provider,
                    notice.dossier_code, mask_phone(notice.phone))
        raise DeliveryError("invalid phone number", "Số điện thoại của công dân không hợp lệ (cần số di động "
                                                    "Việt Nam, ví dụ 0912345678).", permanent=True)
    return phone


class SmsHttpNotifier(_Provider):
    """Tin nhắn SMS: POST ``{"to", "text", "ref"}`` to the configured gateway (Bearer API key).

    The text only: an SMS carries no attachment. Any 2xx answer means the gateway took it."""

    name = "sms"

    def __init__(self, cfg: NotifyConfig, secrets) -> None:
        self.cfg, self.secrets = cfg, secrets

    def deliver(self, notice: Notice) -> None:
        phone = _phone_of(notice, self.name)
        key = self._secret(self.secrets, SMS_API_KEY, "khóa API của cổng SMS")
        body = {"to": phone, "text": notice.text_vi, "ref": notice.dossier_code}
        answer = _post_json(self.cfg.sms_url, body, {"Authorization": f"Bearer {key}"},
                            self.cfg.timeout_seconds, "SMS")
        if not 200 <= answer.status_code < 300:
            raise DeliveryError(f"sms gateway answered {answer.status_code}",
                                f"Cổng SMS trả lỗi {answer.status_code}; sẽ thử lại sau.")
        log.info("sms notice for %s accepted for %s", notice.dossier_code, mask_phone(notice.phone))


def short_status(notice: Notice) -> str:
    """A status that fits a ZNS status parameter (≤ 30 characters), from what the notice says."""
    text = f"{notice.subject_vi} {notice.text_vi}".lower()
    for words, status in (("từ chối", "Không tiếp nhận"), ("bổ sung", "Cần bổ sung hồ sơ"),
                          ("có kết quả", "Đã có kết quả"), ("tiếp nhận", "Đã tiếp nhận")):
        if words in text:
            return status
    return "Có thông báo mới"


class ZaloZnsNotifier(_Provider):
    """Tin nhắn Zalo (ZNS): an approved template message to the citizen's Zalo phone number.

    Request shape (Zalo Notification Service, "send ZNS by phone number"): POST JSON
    ``{"phone", "template_id", "template_data", "tracking_id"}`` with the OA access token in
    the ``access_token`` header; the answer is ``{"error": 0, "message": ..., "data": {"msg_id": ...}}``
    on success, ``error`` ≠ 0 otherwise. Sources: https://developers.zalo.me/docs/zalo-notification-service/
    (as referenced by the SDK at https://app.unpkg.com/@warriorteam/redai-zalo-sdk@1.32.17/files/docs/ZNS_SERVICE.md),
    and the gateway description at https://docs.etelecom.vn/tich-hop-api/zalo-cloud/zalo-cloud-api/gui-zns.
    The template's parameter names are the agency's (``zalo_code_param``, ``zalo_status_param``)."""

    name = "zalo"

    def __init__(self, cfg: NotifyConfig, secrets) -> None:
        self.cfg, self.secrets = cfg, secrets

    def body(self, notice: Notice, phone: str) -> dict:
        tracking = re.sub(r"[^0-9A-Za-z]", "", notice.dossier_code)[-24:] + "-" + uuid.uuid4().hex[:16]
        data = {self.cfg.zalo_code_param: notice.dossier_code, self.cfg.zalo_status_param: short_status(notice)}
        return {"phone": phone, "template_id": self.cfg.zalo_template_id, "template_data": data,
                "tracking_id": tracking}

    def deliver(self, notice: Notice) -> None:
        phone = _phone_of(notice, self.name)
        token = self._secret(self.secrets, ZALO_ACCESS_TOKEN, "mã truy cập Zalo OA")
        answer = _post_json(self.cfg.zalo_url, self.body(notice, phone),
                            {"access_token": token}, self.cfg.timeout_seconds, "Zalo")
        if answer.status_code != 200:
            raise DeliveryError(f"zalo answered {answer.status_code}",
                                f"Zalo trả lỗi {answer.status_code}; sẽ thử lại sau.")
        try:
            error = answer.json().get("error")
        except (ValueError, AttributeError):
            error = None
        if error != 0:
            raise DeliveryError(f"zalo refused the message: error {error}",
                                f"Zalo không nhận tin (mã lỗi {error}); kiểm tra mẫu tin, mã truy cập, số dư.")
        log.info("zalo notice for %s accepted for %s", notice.dossier_code, mask_phone(notice.phone))


def providers_for(cfg: NotifyConfig, secrets) -> list[_Provider]:
    """The configured delivery providers, in the configured order ("outbox" delivers nothing itself)."""
    kinds = {"email": SmtpNotifier, "sms": SmsHttpNotifier, "zalo": ZaloZnsNotifier}
    return [kinds[n](cfg, secrets) for n in cfg.provider_list() if n in kinds]
