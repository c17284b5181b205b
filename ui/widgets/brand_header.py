"""The brand band at the top of the window: unit title, agency name, demo badge."""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget


class BrandHeader(QFrame):
    """Red band with the gold title "Bộ phận Tiếp nhận và Trả kết quả" (colours in brand.toml)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BrandHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.title = QLabel(self.tr("Bộ phận Tiếp nhận và Trả kết quả"))
        self.title.setObjectName("HeaderTitle")
        self.agency = QLabel()
        self.agency.setObjectName("HeaderSubtitle")
        self.agency.setWordWrap(True)
        self.agency.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.demo_badge = QLabel(self.tr("DỮ LIỆU MẪU"))
        self.demo_badge.setObjectName("DemoBadge")
        self.demo_badge.setToolTip(self.tr(
            "Hồ sơ dùng thử: cơ quan, cán bộ và danh mục thủ tục là dữ liệu mẫu, không dùng để tiếp nhận thật."))
        self.demo_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_badge.hide()

        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.agency)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 14)
        layout.addLayout(titles, 1)
        layout.addWidget(self.demo_badge, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_agency(self, name: str, code: str) -> None:
        self.agency.setText(self.tr("{name} · Mã cơ quan {code}").format(name=name, code=code) if name else code)

    def set_demo(self, demo: bool) -> None:
        self.demo_badge.setVisible(demo)
