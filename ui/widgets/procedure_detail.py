"""Right panel: the chosen procedure — facts, fees, the appointment line and the checklist."""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import (QFormLayout, QFrame, QGridLayout, QLabel, QScrollArea, QStackedWidget, QVBoxLayout,
                             QWidget)

from counter_app.domain.procedure import Procedure

from ..formatting import appointment, money_vnd
from ..workspace import DuePreview
from .checklist import ChecklistModel, ChecklistView
from ..labels import time_limit_label


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("FactLabel")
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("PanelHeading")
    return label


class ProcedureDetail(QFrame):
    """Shows one :class:`Procedure`; the due line is pushed in by the window (it owns the clock)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DetailPanel")
        self.procedure: Procedure | None = None

        self.empty = QLabel(self.tr("Chọn một thủ tục ở bên trái để xem thành phần hồ sơ, "
                                    "thời hạn và ngày hẹn trả."))
        self.empty.setObjectName("EmptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_content(self) -> QWidget:
        self.title = _value_label()
        self.title.setObjectName("ProcedureTitle")
        self.code, self.field, self.agency = _value_label(), _value_label(), _value_label()
        self.limit, self.fees, self.result = _value_label(), _value_label(), _value_label()

        # Short facts two by two; what matters most at the counter (the appointment and
        # the checklist) comes next; fees and the result type last.
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(14)
        self.facts.setVerticalSpacing(6)
        self._fact_pairs = [(_caption(self.tr("Mã thủ tục")), self.code), (_caption(self.tr("Lĩnh vực")), self.field),
                            (_caption(self.tr("Thời hạn giải quyết")), self.limit),
                            (_caption(self.tr("Cơ quan giải quyết")), self.agency)]
        self._fact_columns = 0
        self._arrange_facts(2)

        due_box = QFrame()
        due_box.setObjectName("DueBox")
        self.due = _value_label()
        self.due.setObjectName("DueLine")
        self.due_note = _value_label()
        self.due_note.setObjectName("MutedText")
        self.due_note.hide()
        due_layout = QVBoxLayout(due_box)
        due_layout.setContentsMargins(12, 8, 12, 8)
        due_layout.setSpacing(2)
        due_layout.addWidget(self.due)
        due_layout.addWidget(self.due_note)

        self.checklist_model = ChecklistModel(self)
        self.checklist = ChecklistView()
        self.checklist.setModel(self.checklist_model)
        self.checklist.setAccessibleName(self.tr("Thành phần hồ sơ"))

        more = QFormLayout()
        more.setHorizontalSpacing(14)
        more.setVerticalSpacing(6)
        more.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        more.addRow(_caption(self.tr("Phí, lệ phí")), self.fees)
        more.addRow(_caption(self.tr("Kết quả")), self.result)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addLayout(self.facts)
        layout.addWidget(due_box)
        layout.addWidget(_heading(self.tr("Thành phần hồ sơ")))
        layout.addWidget(self.checklist)
        layout.addLayout(more)
        layout.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return self.scroll

    # ---- filling -------------------------------------------------------------------

    def show_procedure(self, p: Procedure) -> None:
        self.procedure = p
        self.title.setText(p.name)
        self.code.setText(p.code)
        self.field.setText(p.field or "—")
        self.agency.setText(p.processing_agency or "—")
        self.limit.setText(time_limit_label(p.limit))
        self.result.setText(p.result_type or "—")
        self.fees.setText(self._fees_text(p))
        self.checklist_model.set_components(p.components)
        self.scroll.verticalScrollBar().setValue(0)
        self.due.clear()
        self.due_note.clear()
        self.stack.setCurrentIndex(1)
        self._fit_facts_to_width()

    def _fees_text(self, p: Procedure) -> str:
        if not p.fees:
            return self.tr("Không thu phí, lệ phí")
        lines = []
        for fee in p.fees:
            line = self.tr("{name}: {amount}").format(name=fee.name, amount=money_vnd(fee.amount_vnd))
            lines.append(f"{line} ({fee.note})" if fee.note else line)
        return "\n".join(lines)

    def show_due(self, preview: DuePreview) -> None:
        self.due.setText(self.tr("Nếu tiếp nhận lúc này, hẹn trả: {when}").format(when=appointment(preview.due_at)))
        if preview.counting_start > preview.received_at.replace(second=0, microsecond=0):
            self.due_note.setText(self.tr("Thời hạn giải quyết bắt đầu tính từ {when}.").format(
                when=appointment(preview.counting_start)))
            self.due_note.show()
        else:
            self.due_note.clear()
            self.due_note.hide()

    def show_due_error(self, message: str) -> None:
        self.due.setText(self.tr("Chưa tính được ngày hẹn trả."))
        self.due_note.setText(message)
        self.due_note.show()

    def _arrange_facts(self, columns: int) -> None:
        """Facts two by two when the panel is wide enough, else one under the other (large type)."""
        if columns == self._fact_columns:
            return
        for caption, value in self._fact_pairs:
            self.facts.removeWidget(caption)
            self.facts.removeWidget(value)
        for col in range(4):
            self.facts.setColumnStretch(col, 0)
        for i, (caption, value) in enumerate(self._fact_pairs):
            row, col = divmod(i, columns)
            self.facts.addWidget(caption, row, col * 2, Qt.AlignmentFlag.AlignTop)
            self.facts.addWidget(value, row, col * 2 + 1, Qt.AlignmentFlag.AlignTop)
        self.facts.setColumnStretch(1, 2 if columns == 2 else 1)
        if columns == 2:
            self.facts.setColumnStretch(3, 3)
        self._fact_columns = columns

    def _fit_facts_to_width(self) -> None:
        metrics = self.fontMetrics()
        captions = sum(sorted((metrics.horizontalAdvance(c.text()) for c, _ in self._fact_pairs))[-2:])
        values = 2 * metrics.horizontalAdvance("0" * 18)  # room for a code or a short field name
        spacing = 3 * self.facts.horizontalSpacing() + 60  # grid gaps, page margins, scroll bar
        # Our own width, not the scroll viewport's: that one is stale while its page is hidden.
        wide_enough = self.contentsRect().width() >= captions + values + spacing
        self._arrange_facts(2 if wide_enough else 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit_facts_to_width()

    def refit(self) -> None:
        """Re-measure after a font change (large type)."""
        self._fit_facts_to_width()
        self.checklist.refit()
