"""The wizard's pages other than devices: backend, agency and counter, officer, review."""

from __future__ import annotations

from PyQt6.QtWidgets import QCheckBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from counter_app.setup import Step

from .wizard import FlowPage
from ..labels import error_text


def _line(name: str, *, secret: bool = False) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class BackendPage(FlowPage):
    step = Step.BACKEND

    def __init__(self, flow, background, parent=None) -> None:
        super().__init__(flow, background, parent)
        self.setTitle(self.tr("1. Hệ thống một cửa của thành phố"))
        self.setSubTitle(self.tr("Địa chỉ máy chủ, chứng thư được ghim và mã xác thực của quầy do quản trị hệ "
                                 "thống cấp. Không có mạng: chọn làm việc ngoại tuyến."))
        self.url = _line(self.tr("Địa chỉ máy chủ"))
        self.url.setPlaceholderText(self.tr("https://motcua.hanoi.gov.vn"))
        self.url.setText(flow.draft.backend_url)
        self.ca_file = _line(self.tr("Tệp chứng thư (PEM)"))
        self.ca_file.setText(flow.draft.ca_file)
        browse = QPushButton(self.tr("Chọn tệp…"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.token = _line(self.tr("Mã xác thực của quầy"), secret=True)
        self.connect_button = QPushButton(self.tr("&Kết nối và kiểm tra"))
        self.connect_button.clicked.connect(self.connect_backend)
        self.offline = QCheckBox(self.tr("Làm việc &ngoại tuyến (cấu hình đồng bộ sau)"))
        self.result = QLabel()
        self.result.setObjectName("CheckResult")
        self.result.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Địa chỉ &máy chủ"), self.url)
        ca_label = QLabel(self.tr("&Chứng thư được ghim"))
        ca_label.setBuddy(self.ca_file)
        form.addRow(ca_label, ca_row)
        form.addRow(self.tr("Mã &xác thực quầy"), self.token)
        self.body.addLayout(form)
        self.body.addWidget(self.connect_button)
        self.body.addWidget(self.result)
        self.body.addWidget(self.offline)
        self.finish_layout()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chứng thư máy chủ"), "", "PEM (*.pem *.crt *.cer)")
        if path:
            self.ca_file.setText(path)

    def connect_backend(self) -> None:
        self.result.setText(self.tr("Đang kết nối…"))
        url, token, ca = self.url.text(), self.token.text(), self.ca_file.text().strip()
        self.background.run(lambda: self.flow.connect(url, token=token, ca_file=ca), self._connected, self._failed)

    def _connected(self, info) -> None:
        self.offline.setChecked(False)
        self.result.setProperty("ok", True)
        self.result.setText(self.tr("✓ Đã kết nối: cơ quan {agency}, quầy {counter}, {n} cán bộ.").format(
            agency=info.agency_code, counter=info.counter_code, n=len(info.officers)))

    def _failed(self, message: str) -> None:
        self.result.setProperty("ok", False)
        self.result.setText("✗ " + message)

    def apply(self) -> None:
        if self.offline.isChecked():
            self.flow.work_offline(self.url.text())


class AgencyPage(FlowPage):
    step = Step.AGENCY

    def __init__(self, flow, background, parent=None) -> None:
        super().__init__(flow, background, parent)
        self.setTitle(self.tr("2. Cơ quan và quầy"))
        self.setSubTitle(self.tr("Cơ quan (Bộ phận Một cửa) và quầy mà máy này phục vụ."))
        self.agency_code = _line(self.tr("Mã định danh cơ quan"))
        self.agency_code.setPlaceholderText(self.tr("000.00.01.H26"))
        self.agency_name = _line(self.tr("Tên cơ quan"))
        self.counter_code = _line(self.tr("Mã quầy"))
        self.counter_code.setPlaceholderText(self.tr("Q01"))
        self.counter_name = _line(self.tr("Tên quầy"))
        form = QFormLayout()
        form.addRow(self.tr("&Mã định danh cơ quan"), self.agency_code)
        form.addRow(self.tr("&Tên cơ quan"), self.agency_name)
        form.addRow(self.tr("Mã &quầy"), self.counter_code)
        form.addRow(self.tr("Tên q&uầy"), self.counter_name)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.body.addLayout(form)
        self.body.addWidget(self.source)
        self.finish_layout()

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        d = self.flow.draft
        for edit, value in ((self.agency_code, d.agency_code), (self.agency_name, d.agency_name),
                            (self.counter_code, d.counter_code), (self.counter_name, d.counter_name)):
            edit.setText(value)
        for edit in (self.agency_code, self.counter_code):
            edit.setReadOnly(bool(d.online))
        self.source.setText(self.tr("Mã cơ quan và mã quầy lấy từ hệ thống của thành phố.") if d.online else
                            self.tr("Làm việc ngoại tuyến: nhập mã theo quyết định của cơ quan."))
        (self.agency_name if d.online else self.agency_code).setFocus()

    def apply(self) -> None:
        self.flow.set_agency(agency_code=self.agency_code.text(), agency_name=self.agency_name.text(),
                             counter_code=self.counter_code.text(), counter_name=self.counter_name.text())


class OfficerPage(FlowPage):
    step = Step.OFFICER

    def __init__(self, flow, background, parent=None) -> None:
        super().__init__(flow, background, parent)
        self.setTitle(self.tr("3. Cán bộ đăng nhập"))
        self.setSubTitle(self.tr("Cán bộ đầu tiên sử dụng quầy này."))
        self.username = _line(self.tr("Tên đăng nhập"))
        self.full_name = _line(self.tr("Họ và tên"))
        self.password = _line(self.tr("Mật khẩu"), secret=True)
        self.password_again = _line(self.tr("Nhập lại mật khẩu"), secret=True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Tên đăng nhập"), self.username)
        self.form.addRow(self.tr("&Họ và tên"), self.full_name)
        self.form.addRow(self.tr("&Mật khẩu"), self.password)
        self.form.addRow(self.tr("&Nhập lại mật khẩu"), self.password_again)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.body.addLayout(self.form)
        self.body.addWidget(self.hint)
        self.finish_layout()

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        online = bool(self.flow.draft.online)
        self.hint.setText(self.tr("Đăng nhập bằng tài khoản của cán bộ trên hệ thống của thành phố.") if online else
                          self.tr("Tạo tài khoản quản trị của quầy (mật khẩu ít nhất 8 ký tự). Cán bộ khác được "
                                  "thêm khi quầy đồng bộ với hệ thống của thành phố."))
        self.username.setFocus()

    def apply(self) -> None:
        again = self.password_again.text() if self.password_again.text() or not self.flow.draft.online else None
        try:
            self.flow.sign_in_officer(username=self.username.text(), password=self.password.text(),
                                      full_name=self.full_name.text(), password_again=again)
        finally:
            self.password_again.clear()


class ReviewPage(FlowPage):
    step = Step.REVIEW

    def __init__(self, flow, background, parent=None) -> None:
        super().__init__(flow, background, parent)
        self.setTitle(self.tr("5. Kiểm tra lại và lưu"))
        self.setSubTitle(self.tr("Bấm “Hoàn tất” để lưu cấu hình; sau đó màn hình đăng nhập mở ra."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("SetupSummary")
        self.body.addWidget(self.summary)
        self.finish_layout()

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        d = self.flow.draft
        lines = [
            self.tr("Máy chủ: {url}").format(url=d.backend_url or self.tr("(ngoại tuyến)")),
            self.tr("Cơ quan: {code} — {name}").format(code=d.agency_code, name=d.agency_name),
            self.tr("Quầy: {code} — {name}").format(code=d.counter_code, name=d.counter_name),
            self.tr("Cán bộ: {name} ({user})").format(name=d.officer_full_name, user=d.officer_username),
        ]
        for key, check in sorted(d.checks.items()):
            mark = "✓" if check.ok else "✗"
            lines.append(f"{mark} {check.message_vi}")
        if not d.checks:
            lines.append(self.tr("Chưa kiểm tra thiết bị nào (có thể kiểm tra sau ở trang Chẩn đoán, F12)."))
        self.summary.setText("\n".join(lines))

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        from counter_app.domain.errors import CounterError

        try:
            self.flow.finish()
        except CounterError as exc:
            self.show_error(error_text(exc))
            return False
        return True
