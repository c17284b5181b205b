"""A real test PKI: CSCA (self-signed) → document signer → EF.SOD (CMS SignedData over the LDS object)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from asn1crypto import algos, cms, core
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from devices.idcard.sod import LDS_SECURITY_OBJECT, LdsSecurityObject
from devices.idcard.tlv import encode


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(subject: str, issuer: str, key, issuer_key, *, ca: bool) -> x509.Certificate:
    now = datetime.now(timezone.utc)
    b = (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
         .public_key(key.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650))
         .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True))
    return b.sign(issuer_key, hashes.SHA256())


@dataclass
class Pki:
    csca: x509.Certificate
    csca_key: object
    ds: x509.Certificate
    ds_key: object

    def csca_der(self) -> bytes:
        return self.csca.public_bytes(serialization.Encoding.DER)


def make_pki(*, rsa_signer: bool = False, name: str = "Test CSCA Viet Nam") -> Pki:
    csca_key = ec.generate_private_key(ec.SECP256R1())
    csca = _cert(name, name, csca_key, csca_key, ca=True)
    ds_key = rsa.generate_private_key(65537, 2048) if rsa_signer else ec.generate_private_key(ec.SECP256R1())
    ds = _cert("Test Document Signer", name, ds_key, csca_key, ca=False)
    return Pki(csca, csca_key, ds, ds_key)


def make_sod(files: dict[int, bytes], pki: Pki, *, hash_name: str = "sha256") -> bytes:
    """EF.SOD (tag 77) with the hashes of ``files`` (DG number → raw file bytes), signed by the DS."""
    lds = LdsSecurityObject({
        "version": 0,
        "hashAlgorithm": {"algorithm": hash_name},
        "dataGroupHashValues": [{"dataGroupNumber": n, "dataGroupHashValue": hashlib.new(hash_name, d).digest()}
                                for n, d in sorted(files.items())],
    })
    econtent = lds.dump()
    signed_attrs = cms.CMSAttributes([
        {"type": "content_type", "values": [LDS_SECURITY_OBJECT]},
        {"type": "message_digest", "values": [hashlib.new(hash_name, econtent).digest()]},
    ])
    to_sign = signed_attrs.dump()
    if isinstance(pki.ds_key, rsa.RSAPrivateKey):
        signature = pki.ds_key.sign(to_sign, padding.PKCS1v15(), hashes.SHA256())
        sig_algo = "sha256_rsa"
    else:
        signature = pki.ds_key.sign(to_sign, ec.ECDSA(hashes.SHA256()))
        sig_algo = "sha256_ecdsa"
    ds = ax509.Certificate.load(pki.ds.public_bytes(serialization.Encoding.DER))
    signed = cms.SignedData({
        "version": "v3",
        "digest_algorithms": [algos.DigestAlgorithm({"algorithm": hash_name})],
        "encap_content_info": {"content_type": LDS_SECURITY_OBJECT, "content": core.ParsableOctetString(econtent)},
        "certificates": [ds],
        "signer_infos": [{
            "version": "v1",
            "sid": cms.SignerIdentifier({"issuer_and_serial_number": {"issuer": ds.issuer,
                                                                       "serial_number": ds.serial_number}}),
            "digest_algorithm": {"algorithm": hash_name},
            "signed_attrs": signed_attrs,
            "signature_algorithm": {"algorithm": sig_algo},
            "signature": signature,
        }],
    })
    return encode(0x77, cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump())


def make_master_list(certs: list[x509.Certificate], pki: Pki) -> bytes:
    """An ICAO CSCA master list (CMS SignedData, content CscaMasterList) — signature not checked on import."""
    from devices.idcard.csca import CscaMasterList

    ml = CscaMasterList({"version": 0, "certList": [
        ax509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in certs]})
    signed = cms.SignedData({
        "version": "v3", "digest_algorithms": [],
        "encap_content_info": {"content_type": "2.23.136.1.1.2", "content": core.ParsableOctetString(ml.dump())},
        "signer_infos": [],
    })
    return cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump()
