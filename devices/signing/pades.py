"""PAdES signatures on digitised PDFs with pyHanko, and their validation.

Signing appends an incremental update (the scanned pages are not rewritten), PAdES
baseline B-B with SHA-256. ``validate`` reports the three facts an officer or a processing
department needs: the bytes are *intact*, the signature is mathematically *valid*, and the
signer's certificate chains to a *trusted* root (the CA roots configured for the counter).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from .errors import NotAPdfError, SigningError


@dataclass(frozen=True)
class SignatureCheck:
    field: str
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_file: bool
    signer: str  # the certificate subject's common name (the officer — shown, not logged)
    signed_at: datetime | None

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted and self.covers_whole_file


def sync_asn1_oid_maps() -> None:
    """Make asn1crypto's OID name maps consistent before pyHanko uses them.

    asn1crypto builds each OID class's reverse map (name → OID) lazily, once. Modules such as
    ``asn1crypto.tsp`` (imported by pyHanko) add names such as ``signing_certificate_v2`` to the
    forward map without touching a reverse map that was already built. So if another part of the
    app (the ID-card reader's CMS code) used CMS attributes first, pyHanko fails with
    "invalid literal for int() … 'signing_certificate_v2'". Adding the missing names fixes that.
    """
    import asn1crypto.tsp  # noqa: F401 — make sure its registrations happened
    from asn1crypto import core

    pending = [core.ObjectIdentifier]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        reverse = cls.__dict__.get("_reverse_map")
        forward = cls.__dict__.get("_map")
        if reverse is not None and forward:
            for oid, name in forward.items():
                reverse.setdefault(name, oid)


def sign_with_signer(pdf: bytes, signer, *, reason: str, location: str, field_name: str | None = None) -> bytes:
    """Sign ``pdf`` with any pyHanko signer (PKCS#11 in production).

    ``field_name`` None: the next free ``ChuKySoN`` field, so a signed copy can be countersigned.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError as PyHankoSigningError

    sync_asn1_oid_maps()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        taken = {name for name, _, _ in fields.enumerate_sig_fields(writer, filled_status=None)}
    except (PdfReadError, ValueError, KeyError, TypeError):
        raise NotAPdfError() from None
    if field_name is None:
        field_name = next(f"ChuKySo{n}" for n in range(1, len(taken) + 2) if f"ChuKySo{n}" not in taken)
    meta = signers.PdfSignatureMetadata(field_name=field_name, subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256", reason=reason or None, location=location or None)
    try:
        return signers.PdfSigner(meta, signer=signer).sign_pdf(writer).getvalue()
    except PyHankoSigningError as exc:
        raise SigningError(f"pyHanko could not sign: {exc}",
                           "Không ký được tệp PDF (tệp có thể đã bị khóa hoặc trường chữ ký đã được ký). "
                           "Quét/tạo lại bản số hóa rồi ký lại.") from None


def validate(pdf: bytes, *, trust_roots: list) -> list[SignatureCheck]:
    """Check every signature in ``pdf``; ``trust_roots`` are asn1crypto/cryptography/DER certificates.

    No network: revocation data is not fetched (the counter may be offline).
    """
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    sync_asn1_oid_maps()
    roots = [_as_asn1(c, asn1_x509) for c in trust_roots]
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError):
        raise NotAPdfError() from None
    checks = []
    for sig in embedded:
        status = validate_pdf_signature(sig, ValidationContext(trust_roots=roots, allow_fetching=False))
        cert = status.signing_cert
        cn = cert.subject.native.get("common_name", "") if cert is not None else ""
        checks.append(SignatureCheck(
            field=sig.field_name, intact=bool(status.intact), valid=bool(status.valid),
            trusted=bool(status.trusted), covers_whole_file=status.coverage.name == "ENTIRE_FILE",
            signer=cn, signed_at=status.signer_reported_dt))
    return checks


def _as_asn1(cert, asn1_x509):
    if isinstance(cert, asn1_x509.Certificate):
        return cert
    if isinstance(cert, (bytes, bytearray)):
        return asn1_x509.Certificate.load(bytes(cert))
    from cryptography.hazmat.primitives.serialization import Encoding

    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
