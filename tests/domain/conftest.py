from datetime import datetime

import pytest

from counter_app.domain.applicant import Applicant, ApplicantKind, Contact, Submitter
from counter_app.domain.dossier import Channel, Dossier
from counter_app.domain.legal_basis import LegalBasis


@pytest.fixture
def sample_dossier() -> Dossier:
    a = Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Văn A", id_number="001090123456")
    return Dossier("000.00.01.H26-261127-0001", "1.001193", "Đăng ký khai sinh", a, Submitter.same_as(a),
                   Contact(), Channel.IN_PERSON, LegalBasis.TT03_2025, datetime(2026, 11, 27, 9, 0))
