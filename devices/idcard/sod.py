"""EF.SOD (Document Security Object): CMS SignedData over the LDS Security Object (9303-10 §4.6.2).

Parsed with asn1crypto; ``LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm,
dataGroupHashValues SEQUENCE OF DataGroupHash }``.
"""

from __future__ import annotations

from dataclasses import dataclass

import asn1crypto.tsp  # noqa: F401  (registers CMS attribute OIDs before asn1crypto caches its lookup;
#                                 without it a later PAdES signature fails with 'signing_certificate_v2')
from asn1crypto import algos, cms, core, x509

from . import tlv
from .errors import CardDataError, bad_data

LDS_SECURITY_OBJECT = "2.23.136.1.1.1"


class DataGroupHash(core.Sequence):
    _fields = [("dataGroupNumber", core.Integer), ("dataGroupHashValue", core.OctetString)]


class DataGroupHashValues(core.SequenceOf):
    _child_spec = DataGroupHash


class LdsVersionInfo(core.Sequence):
    _fields = [("ldsVersion", core.PrintableString), ("unicodeVersion", core.PrintableString)]


class LdsSecurityObject(core.Sequence):
    _fields = [
        ("version", core.Integer),
        ("hashAlgorithm", algos.DigestAlgorithm),
        ("dataGroupHashValues", DataGroupHashValues),
        ("ldsVersionInfo", LdsVersionInfo, {"optional": True}),
    ]


@dataclass(frozen=True)
class SecurityObject:
    hash_algorithm: str  # "sha256", …
    hashes: dict[int, bytes]
    econtent: bytes
    signer: cms.SignerInfo
    certificates: list[x509.Certificate]
    digest_algorithm: str  # of the signer info


def _bad() -> CardDataError:
    return bad_data("EF.SOD", "chữ ký dữ liệu (EF.SOD)")


def parse_sod(data: bytes) -> SecurityObject:
    try:
        tag, inner, _ = tlv.read_tlv(data)
        if tag != 0x77:
            raise _bad()
        info = cms.ContentInfo.load(inner)
        if info["content_type"].native != "signed_data":
            raise _bad()
        signed = info["content"]
        encap = signed["encap_content_info"]
        if encap["content_type"].dotted != LDS_SECURITY_OBJECT:
            raise _bad()
        econtent = encap["content"].contents
        lds = LdsSecurityObject.load(econtent)
        algo = lds["hashAlgorithm"]["algorithm"].native
        hashes = {int(h["dataGroupNumber"].native): bytes(h["dataGroupHashValue"].native)
                  for h in lds["dataGroupHashValues"]}
        signers = list(signed["signer_infos"])
        if len(signers) != 1:
            raise _bad()
        certs = [c.chosen for c in signed["certificates"] if c.name == "certificate"] \
            if signed["certificates"].native is not None else []
        return SecurityObject(algo, hashes, econtent, signers[0], certs,
                              signers[0]["digest_algorithm"]["algorithm"].native)
    except CardDataError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, IndexError):
        raise _bad() from None
