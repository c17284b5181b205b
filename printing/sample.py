"""The built-in sample dossier (``counter-app print FORM --sample``), made from the core's
domain classes and the demo catalog. Every name in it is invented (DỮ LIỆU MẪU).

The applicant's name and address are deliberately long, so renders show wrapping.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from counter_app.domain.applicant import Applicant, ApplicantKind, Contact, IdentitySource, Submitter
from counter_app.domain.dossier import Channel, Dossier, Handoff, HandoffResult, ReceivedComponent, StatusChange
from counter_app.domain.legal_basis import LegalBasis
from counter_app.domain.status import DossierStatus

from .data import AgencyBlock, FormContext, QueueTicket, ResultInfo

SAMPLE_PROCEDURE = "1.004873"  # Cấp Giấy xác nhận tình trạng hôn nhân (demo catalog)
AGENCY_CODE = "000.00.01.H26"
RECEIVED = {LegalBasis.TT03_2025: datetime(2026, 11, 27, 9, 15), LegalBasis.TT01_2018: datetime(2025, 6, 10, 9, 15)}
UNIT = "Bộ phận Tiếp nhận và Trả kết quả"
DEPT = "Phòng Văn hóa – Xã hội (công chức Tư pháp – Hộ tịch)"
NAMES = ["Công Tôn Nữ Thị Phương Thảo", "Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Quốc Việt",
         "Phạm Thị Thu Hường", "Đặng Quang Huy", "Vũ Thị Ánh Tuyết", "Hoàng Minh Đức"]


def _procedure(code: str = SAMPLE_PROCEDURE):
    from counter_app.services.catalog import demo_catalog_path, read_catalog_file

    procedures, _demo = read_catalog_file(demo_catalog_path())
    return {p.code: p for p in procedures}[code], procedures


def sample_dossier(basis: LegalBasis = LegalBasis.TT03_2025, *, seq: int = 1, procedure=None,
                   name: str = NAMES[0]) -> Dossier:
    from counter_app.services.calendar_service import calendar_for

    proc = procedure or _procedure()[0]
    received = RECEIVED[basis] + timedelta(minutes=7 * (seq - 1))
    due = calendar_for(None, agency_code=None, basis=basis).due_at(received, proc.limit)
    applicant = Applicant(ApplicantKind.INDIVIDUAL, name, id_number="001190012345",
                          address="Số 18, ngách 12/4, ngõ 105 phố Nguyễn Phong Sắc, tổ dân phố số 7, "
                                  "phường Nghĩa Đô, thành phố Hà Nội", source=IdentitySource.CHIP)
    components = [ReceivedComponent(c.name, c.originals, c.copies, c.mandatory, c.originals, c.copies, i)
                  for i, c in enumerate(proc.components) if c.mandatory or i < 4]
    code = f"{AGENCY_CODE}-{received:%y%m%d}-{seq:04d}"
    give = received + timedelta(hours=1)
    handoffs = [
        Handoff(1, UNIT, DEPT, "Nguyễn Thị Lan", give, "Phạm Văn Bình", give + timedelta(minutes=20),
                result=HandoffResult.ON_TIME),
        Handoff(2, DEPT, "Lãnh đạo UBND phường", "Phạm Văn Bình", give + timedelta(days=1),
                "Trần Văn Minh", give + timedelta(days=1, minutes=30), result=HandoffResult.EARLY),
        Handoff(3, "Lãnh đạo UBND phường", UNIT, "Trần Văn Minh", give + timedelta(days=1, hours=3),
                "Nguyễn Thị Lan", give + timedelta(days=1, hours=3, minutes=5), result=HandoffResult.EARLY,
                note="Đã ký kết quả"),
    ]
    return Dossier(code=code, procedure_code=proc.code, procedure_name=proc.name, applicant=applicant,
                   submitter=Submitter.same_as(applicant),
                   contact=Contact(phone="0912 345 678", email="phuongthao.ctn@example.vn", address=applicant.address),
                   channel=Channel.IN_PERSON, legal_basis=basis, received_at=received, status=DossierStatus.RECEIVED,
                   counting_start=received, due_at=due, components=components, handoffs=handoffs,
                   history=[StatusChange(DossierStatus.DRAFT, DossierStatus.RECEIVED, received, "canbo01")])


def sample_context(form: str, basis: LegalBasis = LegalBasis.TT03_2025) -> FormContext:
    """A filled context for ``form``: every field of the form has a value."""
    proc, procedures = _procedure()
    d = sample_dossier(basis, procedure=proc)
    ctx = FormContext(dossier=d, agency=AgencyBlock.from_settings(), issued_at=d.received_at,
                      officer_name="Nguyễn Thị Lan", processing_unit=DEPT, register_book=f"01/{d.received_at:%Y}",
                      register_seq="0001", limit=proc.limit)
    if form == "supplement":
        ctx.supplement_items = ["Bản sao Giấy chứng tử của vợ/chồng trước (bản sao có chứng thực)",
                                "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân: bổ sung chữ ký của người yêu cầu"]
        ctx.reasons = ["Hồ sơ chưa đủ thành phần theo quy định"]
    elif form == "refusal":
        ctx.reasons = ["Người yêu cầu không thường trú trên địa bàn phường, không thuộc thẩm quyền giải quyết",
                       "Đã được cấp Giấy xác nhận tình trạng hôn nhân còn giá trị sử dụng"]
    elif form == "apology":
        ctx.reasons = ["Cần xác minh thêm thông tin về tình trạng hôn nhân tại nơi cư trú trước đây"]
        ctx.new_due_at = d.due_at + timedelta(days=3) if d.due_at else None
        ctx.issued_at = d.due_at - timedelta(days=1) if d.due_at else d.received_at
    elif form == "stop":
        ctx.reasons = ["Người yêu cầu đề nghị rút hồ sơ bằng văn bản ngày 28/11/2026"]
    elif form == "result":
        ctx.result = ResultInfo("Giấy xác nhận tình trạng hôn nhân", NAMES[0], "Thẻ căn cước", "001190012345",
                                d.due_at or d.received_at)
        ctx.issued_at = d.due_at or d.received_at
    elif form == "register":
        others = [p for p in procedures if p.components][:12]
        ctx.register_rows = [sample_dossier(basis, seq=i + 1, procedure=others[i % len(others)],
                                            name=NAMES[i % len(NAMES)]) for i in range(36)]
    elif form == "ticket":
        ctx.ticket = QueueTicket("A-027", "Quầy số 1", "Hộ tịch", d.received_at, waiting=4)
    return ctx
