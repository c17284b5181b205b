"""Checking an online dossier's files at the counter, as a headless state machine.

waiting list → open one → every attached file is downloaded (its SHA-256 proves it intact),
previewed and ticked by the officer as acceptable or not, and files the portal did not place
are put on a checklist line → the outcome step of the same :class:`ReceptionFlow` as at the
desk (receive / supplement / refuse), built from the accepted files only.

Qt-free: the screen renders :attr:`OnlineReview.files` and :meth:`OnlineReview.lines` and
calls these methods; the network calls take a :class:`~counter_app.sync.client.SyncClient`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from ..domain.errors import ValidationError
from ..domain.procedure import Procedure
from .online import OnlineDossier, OnlineFile, flow_from_online
from .reception import ReceptionFlow


class FileCheckError(ValidationError):
    code = "online_file"


#: Files the dossier keeps (the attachments' own types: PDF, JPEG, PNG).
KEPT_MAGIC = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG")
DAMAGED_REASON = "Tệp bị hỏng khi tải về (không khớp mã kiểm tra)"
REJECTED_REASON = "Không đạt yêu cầu"


@dataclass
class FileCheck:
    """One attached file under review: where it goes in the checklist and the officer's tick."""

    file: OnlineFile
    position: int | None  # checklist line it stands for (None: not placed yet)
    accepted: bool | None = None  # None: not checked yet
    intact: bool | None = None  # None: not downloaded yet
    data: bytes | None = field(default=None, repr=False)  # the downloaded bytes (intact or not)
    reason: str = ""  # why the officer rejected it (lý do không đạt)


@dataclass(frozen=True)
class LineState:
    """A checklist line against the files: what the screen lists beside the previews."""

    position: int
    name: str
    mandatory: bool
    files: tuple[str, ...]  # names of the files placed on this line
    covered: bool  # at least one accepted file


def waiting_list(client) -> list[OnlineDossier]:
    """Online dossiers waiting for reception by this counter's agency (city server)."""
    return [OnlineDossier.from_json(body) for body in client.online_dossiers()]


def download(client, file: OnlineFile) -> bytes:
    """The file's content from the city server, checked against its SHA-256."""
    data = client.attachment_content(file.sha256)
    if hashlib.sha256(data).hexdigest() != file.sha256.lower():
        raise FileCheckError(f"sha256 mismatch for an attachment of {len(data)} bytes",
                             f"Tệp “{file.name}” tải về không khớp mã kiểm tra (có thể bị hỏng trên đường "
                             "truyền). Tải lại; nếu vẫn lỗi, báo quản trị hệ thống.")
    return data


class OnlineReview:
    """The officer's check of one online dossier (kiểm tra thành phần hồ sơ trực tuyến)."""

    def __init__(self, online: OnlineDossier, procedure: Procedure) -> None:
        flow, _ = flow_from_online(online, procedure)  # validates procedure and applicant
        self.online, self.procedure = online, procedure
        self._lines = [(c.position, c.name, c.mandatory) for c in flow.checklist]
        positions = {p for p, _, _ in self._lines}
        self.files = [FileCheck(f, f.component if f.component in positions else None) for f in online.files]

    def _check(self, index: int) -> FileCheck:
        if not 0 <= index < len(self.files):
            raise FileCheckError(f"no file #{index}", "Không có tệp này trong hồ sơ.")
        return self.files[index]

    def content_arrived(self, index: int, data: bytes) -> None:
        """A downloaded file: intact or not (a damaged file can only be rejected)."""
        check = self._check(index)
        check.data = data
        check.intact = hashlib.sha256(data).hexdigest() == check.file.sha256.lower()
        if not check.intact:
            check.accepted, check.reason = False, DAMAGED_REASON

    def place(self, index: int, position: int | None) -> None:
        """Put a file on checklist line ``position`` (or take it off with None)."""
        if position is not None and position not in {p for p, _, _ in self._lines}:
            raise FileCheckError(f"no checklist line {position}", "Thủ tục không có thành phần hồ sơ này.")
        self._check(index).position = position

    def tick(self, index: int, accepted: bool, reason: str = "") -> None:
        """The officer's verdict on one file after looking at it (``reason``: why it is rejected)."""
        check = self._check(index)
        if accepted and check.intact is False:
            raise FileCheckError("damaged file accepted", "Tệp bị hỏng khi tải về, không thể chấp nhận.")
        if accepted and check.data is not None and not check.data.startswith(KEPT_MAGIC):
            raise FileCheckError("file type not kept", f"Tệp “{check.file.name}” không phải PDF, JPEG hoặc PNG nên "
                                                       "không lưu vào hồ sơ được; đánh dấu không đạt và yêu cầu "
                                                       "công dân nộp lại đúng định dạng.")
        if accepted and check.position is None:
            raise FileCheckError("file not placed", f"Chọn thành phần hồ sơ mà tệp “{check.file.name}” "
                                                    "thể hiện trước khi chấp nhận.")
        check.accepted = accepted
        check.reason = "" if accepted else (reason.strip()[:300] or REJECTED_REASON)

    @property
    def unchecked(self) -> list[FileCheck]:
        return [c for c in self.files if c.accepted is None]

    def decisions(self) -> tuple[FileCheck, ...]:
        """Every file with its verdict, for :func:`~counter_app.services.channels.receive_online`."""
        return tuple(replace(c) for c in self.files)

    def lines(self) -> list[LineState]:
        out = []
        for position, name, mandatory in self._lines:
            mine = [c for c in self.files if c.position == position]
            out.append(LineState(position, name, mandatory, tuple(c.file.name for c in mine),
                                 any(c.accepted for c in mine)))
        return out

    def to_outcome(self) -> ReceptionFlow:
        """The reception flow at its outcome step, from the accepted files only."""
        if self.unchecked:
            names = ", ".join(c.file.name for c in self.unchecked[:5])
            raise FileCheckError(f"{len(self.unchecked)} file(s) not checked",
                                 f"Còn tệp chưa kiểm tra: {names}. Xem và đánh dấu từng tệp trước khi quyết định.")
        accepted = tuple(replace(c.file, component=c.position) for c in self.files if c.accepted)
        flow, _ = flow_from_online(replace(self.online, files=accepted), self.procedure,
                                   channel=self.online.channel)
        flow.to_outcome()
        return flow
