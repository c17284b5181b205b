"""Errors of the officer's signing token (USB ký số / chữ ký số), each with a Vietnamese message."""

from __future__ import annotations

from counter_app.domain.errors import ConfigurationError, CounterError


class SigningError(CounterError):
    code = "signing_failed"


class TokenModuleError(ConfigurationError):
    code = "token_module"

    def __init__(self, module: str) -> None:
        super().__init__(f"cannot load PKCS#11 module {module}",
                         f"Không nạp được thư viện PKCS#11 “{module}” của USB ký số. Cài phần mềm (driver) "
                         "của nhà cung cấp chữ ký số, rồi chọn đúng đường dẫn thư viện trong Cài đặt.")


class TokenMissingError(SigningError):
    code = "token_missing"

    def __init__(self, label: str | None = None) -> None:
        what = f"“{label}” " if label else ""
        super().__init__(f"no token {label or ''}".strip(),
                         f"Không tìm thấy USB ký số {what}trên máy. Cắm USB ký số vào máy, chờ đèn sáng rồi "
                         "thử lại; nếu vẫn lỗi, kiểm tra tên token trong Cài đặt.")


class WrongPinError(SigningError):
    code = "token_wrong_pin"

    def __init__(self) -> None:
        super().__init__("wrong token PIN",
                         "Mã PIN của USB ký số không đúng. Nhập lại mã PIN; lưu ý USB ký số sẽ bị khóa nếu "
                         "nhập sai nhiều lần.")


class PinLockedError(SigningError):
    code = "token_pin_locked"

    def __init__(self) -> None:
        super().__init__("token PIN locked",
                         "USB ký số đã bị khóa do nhập sai mã PIN nhiều lần. Liên hệ nhà cung cấp chữ ký số "
                         "để mở khóa.")


class PinCancelled(SigningError):
    code = "token_pin_cancelled"

    def __init__(self) -> None:
        super().__init__("PIN entry cancelled", "Đã hủy nhập mã PIN; tài liệu chưa được ký.")


class KeyNotFoundError(SigningError):
    code = "token_key_missing"

    def __init__(self, label: str | None) -> None:
        super().__init__(f"no signing key/certificate {label or ''} on the token".strip(),
                         "Không tìm thấy khóa ký hoặc chứng thư số trên USB ký số"
                         + (f" (nhãn “{label}”)" if label else "")
                         + ". Kiểm tra nhãn khóa trong Cài đặt, hoặc USB ký số đã hết hạn/được cấp lại.")


class NotAPdfError(SigningError):
    code = "not_a_pdf"

    def __init__(self) -> None:
        super().__init__("input is not a readable PDF",
                         "Tệp cần ký không phải là tệp PDF đọc được. Chọn đúng tệp bản số hóa (.pdf).")


class UnsupportedKeyOperation(SigningError):
    """A token-held key only signs: export, decryption and key exchange are refused."""

    code = "token_key_operation"
