"""Favourite procedures in the reception wizard's procedure step: star with Ctrl+D, pick with Alt+n."""

from __future__ import annotations

import pytest
from PyQt6.QtCore import Qt
from test_ui_reception import CARD_QR, officer, receive_standard, wait_done, wizard  # noqa: F401 (fixtures)

from counter_app.services import favourites
from counter_app.services.reception import Step
from ui.widgets.hit_model import CODE_ROLE

pytestmark = pytest.mark.gui
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def starred(workspace) -> list[str]:
    with workspace.store.read() as s:
        return favourites.favourite_codes(s, workspace.context.officer)


def test_star_a_search_hit_then_pick_it_first_with_alt_1(qtbot, wizard, officer, workspace):  # noqa: F811
    page = wizard
    officer.scan(CARD_QR)
    assert page.flow.step is Step.PROCEDURE
    assert not page.procedure.favourite_row.isVisible() and not page.procedure.recent_row.isVisible()
    officer.type("khai sinh", into=page.search.query)
    qtbot.waitUntil(lambda: page.search.hit_count() > 1, timeout=2000)
    first = page.search.current_code()
    officer.key(Qt.Key.Key_Down)  # the second hit, from the search box
    second = page.search.current_code()
    assert second != first
    assert page.procedure.star_button.text().startswith("☆")
    officer.key(Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: len(page.favourite_buttons) == 1, timeout=5000)
    assert starred(workspace) == [second]
    assert page.procedure.favourite_row.isVisible()
    assert page.favourite_buttons[0].text().startswith("Alt+1: ")
    # Favourites come first in the results too; the star follows the highlighted hit.
    assert page.search.model.index(0).data(CODE_ROLE) == second
    assert page.search.current_code() == second
    assert page.procedure.star_button.text().startswith("★")
    # Receive one dossier of the other procedure: it becomes "recent", numbered after the favourite.
    page.search.query.clear()
    code = receive_standard(qtbot, page, officer)
    assert code
    officer.key(Qt.Key.Key_Return)  # next citizen
    officer.inputs = 0
    officer.scan(CARD_QR)
    recent_codes = [b.toolTip().split(" — ")[0] for b in page.recent_buttons]
    assert [b.toolTip().split(" — ")[0] for b in page.favourite_buttons] == [second]
    assert second not in recent_codes
    if recent_codes:
        assert page.recent_buttons[0].text().startswith("Alt+2: ")
    officer.key(Qt.Key.Key_1, ALT)
    assert page.flow.step is Step.CHECKLIST and page.flow.procedure.code == second
    officer.key(Qt.Key.Key_Return, CTRL)
    officer.key(Qt.Key.Key_Return)
    wait_done(qtbot, page)
    officer.key(Qt.Key.Key_Return)
    assert officer.inputs == 5  # QR, Alt+1, Ctrl+Enter, Enter (receive), Enter (next citizen)


def test_unstar_and_favourites_are_per_officer(qtbot, wizard, officer, workspace):  # noqa: F811
    page = wizard
    officer.scan(CARD_QR)
    officer.type("khai sinh", into=page.search.query)
    qtbot.waitUntil(lambda: page.search.hit_count() > 0, timeout=2000)
    code = page.search.current_code()
    page.procedure.star_button.click()
    qtbot.waitUntil(lambda: starred(workspace) == [code], timeout=5000)
    with workspace.store.read() as s:
        assert favourites.favourite_codes(s, "someone-else") == []
    qtbot.waitUntil(lambda: len(page.favourite_buttons) == 1, timeout=5000)
    officer.key(Qt.Key.Key_D, CTRL)  # the same hit is still highlighted: unstar
    qtbot.waitUntil(lambda: not page.favourite_buttons, timeout=5000)
    assert starred(workspace) == [] and not page.procedure.favourite_row.isVisible()
    assert page.flow.step is Step.PROCEDURE and page.error.text() == ""
