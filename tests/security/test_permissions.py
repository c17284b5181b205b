"""The authorisation matrix: role × action, every denial checked."""

import pytest

from counter_app.domain.organisation import Role
from counter_app.security.permissions import FOUR_EYES, PERMISSIONS, Action, PermissionDenied, allowed, require

EXPECTED = {
    Role.OFFICER: {Action.RECEIVE_DOSSIER, Action.REQUEST_SUPPLEMENT, Action.REFUSE_DOSSIER, Action.CANCEL_DOSSIER,
                   Action.REPRINT_RECEIPT, Action.HANDOFF_BATCH, Action.EXTEND_DEADLINE, Action.RETURN_RESULT,
                   Action.WITHDRAW_DOSSIER, Action.COLLECT_FEE, Action.REFUND_FEE, Action.VIEW_PERSONAL_DATA},
    Role.ADMIN: {Action.EDIT_CALENDAR, Action.IMPORT_CATALOG, Action.MANAGE_OFFICERS, Action.CONFIGURE_COUNTER,
                 Action.VERIFY_AUDIT},
}
EXPECTED[Role.SUPERVISOR] = EXPECTED[Role.OFFICER] | {Action.APPROVE, Action.EXPORT_PERSONAL_DATA,
                                                      Action.EDIT_CALENDAR, Action.VERIFY_AUDIT}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_matrix(role, action):
    if action in EXPECTED[role]:
        assert allowed(role, action)
        require(role, action)
    else:
        assert not allowed(role, action)
        with pytest.raises(PermissionDenied) as err:
            require(role, action)
        assert action.label_vi in err.value.message_vi


def test_table_is_the_single_source():
    assert {r: set(a) for r, a in PERMISSIONS.items()} == EXPECTED
    assert Action.APPROVE not in PERMISSIONS[Role.OFFICER], "officers never approve"
    assert FOUR_EYES == {Action.HANDOFF_BATCH, Action.REFUSE_DOSSIER, Action.EXTEND_DEADLINE,
                         Action.REPRINT_RECEIPT, Action.CANCEL_DOSSIER, Action.WITHDRAW_DOSSIER, Action.REFUND_FEE}
