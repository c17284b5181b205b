"""Basic Access Control (BAC), ICAO 9303-11 §4.3: keys from the MRZ, 3DES mutual authentication."""

from __future__ import annotations

import os
from dataclasses import dataclass

from . import crypto
from .errors import AccessDeniedError
from .mrz import MrzKey
from .sm import SecureMessaging


@dataclass(frozen=True, slots=True)
class BacKeys:
    k_enc: bytes
    k_mac: bytes


def document_keys(key: MrzKey) -> BacKeys:
    seed = crypto.bac_seed(key.information)
    return BacKeys(crypto.kdf(seed, crypto.ENC), crypto.kdf(seed, crypto.MAC))


def denied() -> AccessDeniedError:
    return AccessDeniedError(
        "BAC mutual authentication failed",
        "Thẻ không chấp nhận khoá truy cập từ MRZ (số giấy tờ, ngày sinh, ngày hết hạn). "
        "Kiểm tra lại ba thông tin này ở mặt sau thẻ rồi đọc lại.")


class BacTerminal:
    """Terminal side of BAC: build EXTERNAL AUTHENTICATE data, check the answer, derive session keys."""

    def __init__(self, key: MrzKey, *, rnd_ifd: bytes | None = None, k_ifd: bytes | None = None) -> None:
        self.keys = document_keys(key)
        self.rnd_ifd = rnd_ifd or os.urandom(8)
        self.k_ifd = k_ifd or os.urandom(16)
        self.rnd_ic = b""

    def authenticate_data(self, rnd_ic: bytes) -> bytes:
        if len(rnd_ic) != 8:
            raise denied()
        self.rnd_ic = rnd_ic
        e_ifd = crypto.des3_encrypt(self.keys.k_enc, self.rnd_ifd + rnd_ic + self.k_ifd)
        return e_ifd + crypto.retail_mac(self.keys.k_mac, crypto.pad(e_ifd))

    def session(self, resp_data: bytes) -> SecureMessaging:
        if len(resp_data) != 40:
            raise denied()
        e_ic, m_ic = resp_data[:32], resp_data[32:]
        if crypto.retail_mac(self.keys.k_mac, crypto.pad(e_ic)) != m_ic:
            raise denied()
        r = crypto.des3_decrypt(self.keys.k_enc, e_ic)
        if r[:8] != self.rnd_ic or r[8:16] != self.rnd_ifd:
            raise denied()
        k_ic = r[16:32]
        seed = bytes(a ^ b for a, b in zip(self.k_ifd, k_ic))
        ssc = self.rnd_ic[4:] + self.rnd_ifd[4:]
        return SecureMessaging(crypto.kdf(seed, crypto.ENC), crypto.kdf(seed, crypto.MAC), ssc, cipher="3DES")
