from datetime import datetime

import pytest

from counter_app.domain.errors import IllegalTransition
from counter_app.domain.status import TRANSITIONS, DossierStatus, check_transition

S = DossierStatus


def test_national_codes_are_one_to_ten_and_unique():
    codes = sorted(s.national_code for s in S if s.national_code is not None)
    assert codes == list(range(1, 11))
    assert S.from_national_code(2) is S.RECEIVED
    assert S.DRAFT.national_code is None and S.CANCELLED.national_code is None
    with pytest.raises(ValueError):
        S.from_national_code(11)


@pytest.mark.parametrize("current,target", [
    (S.DRAFT, S.RECEIVED), (S.DRAFT, S.SUPPLEMENT_REQUESTED), (S.DRAFT, S.REFUSED),
    (S.SUPPLEMENT_REQUESTED, S.RECEIVED), (S.RECEIVED, S.PROCESSING), (S.PROCESSING, S.SUPPLEMENT_REQUESTED),
    (S.SUPPLEMENT_REQUESTED, S.PROCESSING), (S.PROCESSING, S.RESOLVED), (S.RESOLVED, S.RETURNED),
])
def test_legal_moves(current, target):
    check_transition(current, target)


@pytest.mark.parametrize("current,target", [
    (S.DRAFT, S.RETURNED), (S.REFUSED, S.RECEIVED), (S.RETURNED, S.PROCESSING),
    (S.RECEIVED, S.RETURNED), (S.RESOLVED, S.PROCESSING), (S.CANCELLED, S.RECEIVED),
    (S.RECEIVED, S.DRAFT),
])
def test_illegal_moves_are_refused_with_a_vietnamese_message(current, target):
    with pytest.raises(IllegalTransition) as err:
        check_transition(current, target)
    assert current.label_vi in err.value.message_vi and target.label_vi in err.value.message_vi
    assert err.value.code == "illegal_transition"


def test_terminal_states_allow_nothing():
    terminal = {s for s in S if s.is_terminal}
    assert terminal == {S.REFUSED, S.WITHDRAWN, S.STOPPED, S.RETURNED, S.CANCELLED}
    for s in S:
        assert S.DRAFT not in TRANSITIONS[s], "nothing goes back to draft"


def test_every_status_reachable_from_draft_or_registered():
    seen, todo = set(), [S.DRAFT, S.REGISTERED]
    while todo:
        s = todo.pop()
        if s not in seen:
            seen.add(s)
            todo.extend(TRANSITIONS[s])
    assert seen == set(S)


def test_dossier_move_records_history(sample_dossier):
    d = sample_dossier
    change = d.move_to(S.RECEIVED, at=datetime(2026, 11, 27, 9, 0), officer="canbo01")
    assert d.status is S.RECEIVED and d.history == [change]
    with pytest.raises(IllegalTransition):
        d.move_to(S.RETURNED, at=datetime(2026, 11, 27, 9, 1), officer="canbo01")
    assert d.status is S.RECEIVED and len(d.history) == 1
