"""The files of a simulated Vietnamese chip ID card: EF.COM, DG1 (TD1 MRZ), DG13, DG2 (a drawn face), EF.SOD.

EF.SOD is a real CMS SignedData over the data-group hashes, signed by a document signer of a
throw-away CSCA made here (:func:`make_pki`): pass ``pki.csca`` to the reader's CSCA store and
passive authentication succeeds, as with a real card. Demo and test data only: the person is
made up.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from asn1crypto import algos, cms, core
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from .. import datagroups as dg
from ..mrz import check_digit
from ..sod import LDS_SECURITY_OBJECT, LdsSecurityObject
from ..tlv import encode as T  # noqa: N812 (the TLV constructor reads best short)


@dataclass
class Person:
    """A made-up citizen; ``dg13`` holds the Vietnamese fields by their DG13 number."""

    id_number: str = "001090123456"
    surname: str = "NGUYEN"
    given: str = "VAN<AN"
    dob: str = "900101"
    expiry: str = "300101"
    sex: str = "M"
    dg13: dict = field(default_factory=lambda: {
        1: "001090123456", 2: "Nguyễn Văn An", 3: "01/01/1990", 4: "Nam", 5: "Việt Nam", 6: "Kinh",
        7: "Không", 8: "Xã Đông Hội, Huyện Đông Anh, Hà Nội",
        9: "Số 12 Phố Hàng Bạc, Phường Hàng Đào, Quận Hoàn Kiếm, Hà Nội",
        10: "Nốt ruồi C:1cm trên trước mép phải", 11: "15/04/2021", 12: "01/01/2030",
        13: ["Nguyễn Văn Bình", "Trần Thị Cúc"], 14: ["Lê Thị Dung"], 15: "012345678",
    })

    @property
    def document_number(self) -> str:
        return self.id_number[-9:]

    @property
    def can(self) -> str:
        """The card access number: the last 6 digits of the ID number on Vietnamese cards."""
        return self.id_number[-6:]

    def mrz(self) -> str:
        doc = self.document_number
        l1 = f"IDVNM{doc}{check_digit(doc)}{self.id_number}".ljust(30, "<")
        l2 = f"{self.dob}{check_digit(self.dob)}{self.sex}{self.expiry}{check_digit(self.expiry)}VNM".ljust(29, "<")
        l2 += check_digit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])
        l3 = f"{self.surname}<<{self.given}".ljust(30, "<")
        return l1 + l2 + l3


def _integer(n: int) -> bytes:
    return T(0x02, n.to_bytes(max(1, (n.bit_length() + 8) // 8), "big"))


def dg1(person: Person) -> bytes:
    return T(0x61, T(0x5F1F, person.mrz().encode("ascii")))


def _utf8(s: str) -> bytes:
    return T(0x0C, s.encode("utf-8"))


def dg13(values: dict) -> bytes:
    items = []
    for n in sorted(values):
        v = values[n]
        text = _utf8
        body = _integer(n) + (T(0x30, b"".join(text(s) for s in v)) if isinstance(v, list) else text(v))
        items.append(T(0x30, body))
    oid = T(0x06, bytes.fromhex("28CF06010008"))  # 1.0.10646.1.0.8
    return T(0x6D, T(0x30, _integer(1) + oid + T(0x31, b"".join(items))))


def portrait_jpeg() -> bytes:
    """A drawn grey portrait (ICAO-like framing), about 6 KB."""
    from PIL import Image, ImageDraw

    im = Image.new("L", (240, 320), 225)
    draw = ImageDraw.Draw(im)
    draw.ellipse((60, 50, 180, 200), fill=170)  # face
    draw.rectangle((100, 190, 140, 230), fill=170)  # neck
    draw.pieslice((20, 220, 220, 420), 180, 360, fill=90)  # shoulders
    draw.chord((55, 40, 185, 130), 180, 360, fill=40)  # hair
    for x in (95, 145):
        draw.ellipse((x - 8, 110, x + 8, 122), fill=60)
    draw.arc((95, 150, 145, 175), 20, 160, fill=80, width=3)
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=70)
    return buf.getvalue()


def dg2(image: bytes) -> bytes:
    """ISO 19794-5 facial record (simplified but well formed) around ``image``."""
    record = b"FAC\x00010\x00" + (14 + 20 + 12 + len(image)).to_bytes(4, "big") + b"\x00\x01"
    record += (20 + 12 + len(image)).to_bytes(4, "big") + bytes(16) + bytes(12)
    bio_header = T(0xA1, T(0x80, b"\x01\x01") + T(0x87, b"\x01\x01") + T(0x88, b"\x00\x08"))
    return T(0x75, T(0x7F61, _integer(1) + T(0x7F60, bio_header + T(0x5F2E, record + image))))


def com(dg_tags: bytes) -> bytes:
    return T(0x60, T(0x5F01, b"0107") + T(0x5F36, b"040000") + T(0x5C, dg_tags))


@dataclass
class Pki:
    csca: x509.Certificate
    ds: x509.Certificate
    ds_key: ec.EllipticCurvePrivateKey


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(subject: str, issuer: str, key, issuer_key, *, ca: bool) -> x509.Certificate:
    now = datetime.now(timezone.utc)
    return (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
            .sign(issuer_key, hashes.SHA256()))


def make_pki(name: str = "Demo CSCA Viet Nam (khong co gia tri)") -> Pki:
    """A throw-away CSCA and document signer (EC P-256): fast, and never trusted outside the demo."""
    csca_key = ec.generate_private_key(ec.SECP256R1())
    ds_key = ec.generate_private_key(ec.SECP256R1())
    csca = _cert(name, name, csca_key, csca_key, ca=True)
    return Pki(csca, _cert("Demo Document Signer", name, ds_key, csca_key, ca=False), ds_key)


def make_sod(files: dict[int, bytes], pki: Pki) -> bytes:
    """EF.SOD (tag 77): SHA-256 hashes of ``files`` (DG number → bytes) signed by the document signer."""
    lds = LdsSecurityObject({
        "version": 0, "hashAlgorithm": {"algorithm": "sha256"},
        "dataGroupHashValues": [{"dataGroupNumber": n, "dataGroupHashValue": hashlib.sha256(d).digest()}
                                for n, d in sorted(files.items())],
    })
    econtent = lds.dump()
    signed_attrs = cms.CMSAttributes([
        {"type": "content_type", "values": [LDS_SECURITY_OBJECT]},
        {"type": "message_digest", "values": [hashlib.sha256(econtent).digest()]},
    ])
    signature = pki.ds_key.sign(signed_attrs.dump(), ec.ECDSA(hashes.SHA256()))
    ds = ax509.Certificate.load(pki.ds.public_bytes(serialization.Encoding.DER))
    signed = cms.SignedData({
        "version": "v3", "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
        "encap_content_info": {"content_type": LDS_SECURITY_OBJECT, "content": core.ParsableOctetString(econtent)},
        "certificates": [ds],
        "signer_infos": [{
            "version": "v1",
            "sid": cms.SignerIdentifier({"issuer_and_serial_number": {"issuer": ds.issuer,
                                                                       "serial_number": ds.serial_number}}),
            "digest_algorithm": {"algorithm": "sha256"}, "signed_attrs": signed_attrs,
            "signature_algorithm": {"algorithm": "sha256_ecdsa"}, "signature": signature,
        }],
    })
    return T(0x77, cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump())


def card_files(person: Person, pki: Pki, *, photo: bytes | None = None) -> dict[int, bytes]:
    """File id → content of the card's LDS application."""
    dgs = {1: dg1(person), 13: dg13(person.dg13), 2: dg2(photo if photo is not None else portrait_jpeg())}
    files = {dg.dg_file_id(n): data for n, data in dgs.items()}
    files[dg.EF_COM] = com(bytes([0x61, 0x75, 0x6D]))
    files[dg.EF_SOD] = make_sod(dgs, pki)
    return files
