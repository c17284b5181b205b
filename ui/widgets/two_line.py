"""An item delegate that paints a main text and, under it, a smaller muted second text.

Used by the search hits (``code — name`` / field) and the checklist (component / note).
The model gives the second text under :data:`SECONDARY_ROLE`; both lines wrap, and the
row height follows the text and the font size (large type).
"""

from __future__ import annotations

from PyQt6.QtCore import QModelIndex, QRect, QSize, Qt
from PyQt6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PyQt6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

SECONDARY_ROLE = Qt.ItemDataRole.UserRole + 100

_PAD_X, _PAD_Y, _GAP = 10, 7, 2
_WRAP = int(Qt.TextFlag.TextWordWrap)
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class TwoLineDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        main = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, main.pointSizeF() * 0.9))
        return main, small

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        width = option.rect.width()
        if width <= 0 and option.widget is not None:
            width = option.widget.viewport().width()
        return max(80, width - 2 * _PAD_X)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        main, small = self._fonts(opt)
        width = self._text_width(opt)
        height = QFontMetrics(main).boundingRect(QRect(0, 0, width, 100_000), _WRAP, opt.text).height()
        secondary = index.data(SECONDARY_ROLE)
        if secondary:
            height += _GAP + QFontMetrics(small).boundingRect(QRect(0, 0, width, 100_000), _WRAP, secondary).height()
        return QSize(width + 2 * _PAD_X, height + 2 * _PAD_Y)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        main, small = self._fonts(opt)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = opt.palette.color(QPalette.ColorRole.PlaceholderText)
        rect = opt.rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)

        painter.save()
        painter.setFont(main)
        painter.setPen(ink)
        used = painter.boundingRect(rect, _WRAP | _TOP_LEFT, text)
        painter.drawText(rect, _WRAP | _TOP_LEFT, text)
        secondary = index.data(SECONDARY_ROLE)
        if secondary:
            painter.setFont(small)
            painter.setPen(ink if selected else muted)
            painter.drawText(rect.adjusted(0, used.height() + _GAP, 0, 0), _WRAP | _TOP_LEFT, secondary)
        painter.restore()
