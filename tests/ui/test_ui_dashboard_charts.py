"""Dashboard charts (F8): received / returned per day over two weeks, and the on-time share."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from counter_app.domain.applicant import Applicant, ApplicantKind
from counter_app.domain.status import DossierStatus
from counter_app.services.reception import ReceptionFlow
from ui.widgets.chart import BarChart, Segment, Series, ShareBar, bar_heights, nice_top, share_widths

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("largest", "top"), [(0, 1), (1, 1), (2, 2), (3, 5), (7, 10), (10, 10), (11, 20),
                                              (48, 50), (51, 100), (120, 200)])
def test_axis_top_is_a_round_number_at_least_the_largest(largest, top):
    assert nice_top(largest) == top


def test_bar_and_share_geometry_is_proportional():
    assert bar_heights((0, 1, 2, 5), top=5, height=100) == [0, 20, 40, 100]
    assert bar_heights((0, 0), top=0, height=100) == [0, 0]
    assert share_widths((1, 1, 2), width=400) == [100, 100, 200]
    assert share_widths((0, 0), width=400) == [0, 0]


def _at(workspace, when: datetime) -> None:
    workspace.now = lambda: when


def _receive(workspace, name: str, number: str) -> str:
    proc = workspace.procedure(workspace.search("khai sinh")[0].code)
    flow = ReceptionFlow()
    flow.identify(Applicant(ApplicantKind.INDIVIDUAL, name, id_number=number))
    flow.choose_procedure(proc)
    flow.mark_all_complete()
    flow.to_outcome()
    flow.receive()
    return workspace.store.write(workspace.record_reception_op(flow)).value.code


def _move(workspace, code: str, *targets: DossierStatus) -> None:
    for target in targets:
        workspace.store.write(workspace.change_status_op(code, target))


def test_charts_draw_the_last_two_weeks_and_the_on_time_share(qtbot, window, workspace, pinned_now):
    day = pinned_now.date()
    at = lambda days_ago, hour: datetime.combine(day - timedelta(days=days_ago), datetime.min.time()).replace(  # noqa: E731
        hour=hour)
    _at(workspace, at(4, 9))
    open_late = _receive(workspace, "Lê Văn Em", "001090000005")  # never resolved: overdue by today
    _at(workspace, at(3, 9))
    on_time, late = _receive(workspace, "Phạm Thị Ánh", "001090000001"), _receive(workspace, "Đỗ Văn Bình",
                                                                                   "001090000002")
    _at(workspace, at(3, 10))
    _move(workspace, on_time, DossierStatus.PROCESSING, DossierStatus.RESOLVED)
    _at(workspace, at(1, 10))
    _move(workspace, late, DossierStatus.PROCESSING, DossierStatus.RESOLVED)
    _at(workspace, at(0, 9))
    _receive(workspace, "Vũ Thị Cúc", "001090000003")
    _move(workspace, on_time, DossierStatus.RETURNED)
    due = {code: workspace.dossier_detail(code).summary.due_at for code in (open_late, on_time, late)}
    assert due[open_late] < at(0, 9) and due[late] < at(1, 10) and due[on_time] >= at(3, 10)  # the premise

    dash = window.dashboard
    window.show_page(dash)
    dash.refresh()
    chart = dash.flow_chart
    assert len(chart.categories) == 14 and chart.categories[-1] == f"{day:%d/%m}"
    assert chart.categories[0] == f"{day - timedelta(days=13):%d/%m}"
    received, returned = (s.values for s in chart.series)
    assert received[-5:] == (1, 2, 0, 0, 1) and sum(received) == 4
    assert returned[-1] == 1 and sum(returned) == 1
    assert received[-1] == int(dash.tiles["received"].number.text())  # today's bars are today's tiles
    assert returned[-1] == int(dash.tiles["returned"].number.text())
    assert chart.top == 2
    shares = {s.name: s.value for s in dash.timeliness_chart.segments}
    assert shares == {"Đúng hạn": 1, "Trễ hạn": 1, "Quá hạn, chưa xong": 1}
    # The report's rate: on time / resolved (1 of 2); the open dossier past its date is counted beside it.
    assert dash.timeliness_chart.labels() == ["Đúng hạn: 1 (50%)", "Trễ hạn: 1 (50%)", "Quá hạn, chưa xong: 1"]
    # It renders offscreen, at the size the page gives it.
    qtbot.waitUntil(lambda: chart.painted > 0 and dash.timeliness_chart.painted > 0, timeout=3000)
    image = dash.grab().toImage()
    assert not image.isNull() and chart.height() >= chart.minimumHeight()
    plot = chart.plot_rect()
    assert bar_heights(received, top=chart.top, height=plot.height())[-4] == pytest.approx(plot.height())


def test_empty_charts_say_so(qtbot):
    bars, share = BarChart(), ShareBar()
    qtbot.addWidget(bars)
    qtbot.addWidget(share)
    bars.set_data(["01/12", "02/12"], [Series("Tiếp nhận", "#B81C24", (0, 0))])
    share.set_data([Segment("Đúng hạn", "#1E7B34", 0)], empty_text="Chưa có hồ sơ")
    assert bars.top == 1 and share.labels() == ["Đúng hạn: 0"]
    bars.resize(400, 200)
    share.resize(400, 64)
    bars.grab()
    share.grab()
    assert bars.painted and share.painted
