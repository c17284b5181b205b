"""The CSCA store (chứng thư gốc của cơ quan cấp thẻ): a folder of certificates or ICAO master lists.

An admin imports files into ``<profile>/csca/``: DER/PEM certificates (.cer .crt .der .pem) or an
ICAO master list (.ml, CMS SignedData whose content is ``CscaMasterList { version, certList }``).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from asn1crypto import cms, core
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.exceptions import InvalidSignature

from .errors import CscaStoreError

log = logging.getLogger(__name__)
_CERT_SUFFIXES = {".cer", ".crt", ".der", ".pem"}


class _CertSet(core.SetOf):
    _child_spec = ax509.Certificate


class CscaMasterList(core.Sequence):
    _fields = [("version", core.Integer), ("certList", _CertSet)]


def certificates_from_file(path: Path) -> list[x509.Certificate]:
    data = path.read_bytes()
    try:
        if path.suffix.lower() == ".ml":
            info = cms.ContentInfo.load(data)
            content = info["content"]["encap_content_info"]["content"].contents
            return [x509.load_der_x509_certificate(c.dump()) for c in CscaMasterList.load(content)["certList"]]
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except (ValueError, TypeError, KeyError) as exc:
        raise CscaStoreError(f"{path.name}: not a certificate or master list ({type(exc).__name__})",
                             f"Tệp {path.name} không phải chứng thư số hay danh sách CSCA (master list) hợp lệ."
                             ) from None


class CscaStore:
    def __init__(self, certificates: list[x509.Certificate]) -> None:
        self.certificates = certificates

    @classmethod
    def load(cls, folder: Path) -> "CscaStore":
        certs: list[x509.Certificate] = []
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix.lower() in _CERT_SUFFIXES | {".ml"}:
                    try:
                        certs.extend(certificates_from_file(path))
                    except CscaStoreError as exc:
                        log.warning("CSCA store: skipping %s", exc)
        return cls(certs)

    def __len__(self) -> int:
        return len(self.certificates)

    def verifies(self, document_signer: x509.Certificate) -> bool:
        """True when a CSCA in the store issued and signed this document signer certificate."""
        for ca in self.certificates:
            if ca.subject != document_signer.issuer:
                continue
            try:
                document_signer.verify_directly_issued_by(ca)
                return True
            except (InvalidSignature, ValueError, TypeError):
                continue
        return False


def import_file(source: Path, folder: Path) -> int:
    """Copy a certificate or master list into the store folder; returns how many certificates it holds."""
    count = len(certificates_from_file(source))
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, folder / source.name)
    return count
