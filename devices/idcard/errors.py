"""Errors of the ID-card reader. Messages never contain personal data (ID numbers, CAN, MRZ)."""

from __future__ import annotations

from counter_app.domain.errors import ConfigurationError, CounterError, ValidationError


class IdCardError(CounterError):
    code = "idcard"


class ReaderUnavailableError(IdCardError):
    code = "idcard_no_reader"


class NoCardError(IdCardError):
    code = "idcard_no_card"


class CardRemovedError(IdCardError):
    """The card left the reader during the read: nothing of it is kept; the officer retries."""

    code = "idcard_removed"


class AccessDeniedError(IdCardError):
    """BAC or PACE failed: wrong CAN/MRZ, or the card refused."""

    code = "idcard_access_denied"


class CardProtocolError(IdCardError):
    """The card answered something the standard does not allow (or a secure-messaging MAC failed)."""

    code = "idcard_protocol"


class CardDataError(ValidationError):
    """A data group, MRZ or key input is malformed."""

    code = "idcard_bad_data"


class CscaStoreError(ConfigurationError):
    code = "idcard_csca"


def removed() -> CardRemovedError:
    return CardRemovedError(
        "card removed during read",
        "Thẻ đã bị rút ra khi đang đọc. Không có dữ liệu nào được giữ lại — đặt lại thẻ lên đầu đọc "
        "và đọc lại.")


def bad_data(what_en: str, what_vi: str) -> CardDataError:
    return CardDataError(f"malformed {what_en}", f"Dữ liệu {what_vi} trên thẻ không đúng định dạng. "
                         "Thử đọc lại; nếu vẫn lỗi, nhập thông tin bằng tay và báo cán bộ kỹ thuật.")


def protocol(what: str) -> CardProtocolError:
    return CardProtocolError(
        f"card protocol error: {what}",
        "Thẻ trả lời không đúng chuẩn (có thể do đặt thẻ lệch hoặc thẻ lỗi). Đặt lại thẻ và đọc lại.")
