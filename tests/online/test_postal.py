"""Postal dossiers: UPU S10 tracking numbers are checked; the flow runs on channel 3."""

from __future__ import annotations

import pytest

from counter_app.domain.dossier import Channel
from counter_app.services.online import TrackingNumberError, flow_for_postal, parse_tracking_number


@pytest.mark.parametrize("text, expected", [
    ("RR473124829GB", "RR473124829GB"),  # the UPU S10 worked example (check digit 9)
    (" rr 4731 2482 9 gb ", "RR473124829GB"),
    ("EE000000005VN", "EE000000005VN"),  # 11 - 0 = 11 → check digit 5
    ("EE000000080VN", "EE000000080VN"),  # 8×7 = 56, 11 - 1 = 10 → check digit 0
])
def test_valid_tracking_numbers(text, expected):
    assert parse_tracking_number(text) == expected


@pytest.mark.parametrize("bad", ["RR473124828GB", "RR47312482GB", "1R473124829GB", "RR473124829G1", "", "EE000000000VN",
                                 "RR４73124829GB"])
def test_invalid_tracking_numbers_say_what_to_do(bad):
    with pytest.raises(TrackingNumberError) as err:
        parse_tracking_number(bad)
    assert "Số hiệu bưu gửi không hợp lệ" in err.value.message_vi


def test_postal_flow_is_channel_3():
    flow, tracking = flow_for_postal("rr473124829gb")
    assert flow.channel is Channel.POSTAL and tracking == "RR473124829GB"
