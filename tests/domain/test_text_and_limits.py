import unicodedata

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.domain.text import fold, nfc, search_words
from counter_app.domain.time_limit import LimitKind, TimeLimit


def test_fold_strips_vietnamese_diacritics_including_d_bar():
    assert fold("Đăng ký khai sinh") == "dang ky khai sinh"
    assert fold("Hộ tịch") == "ho tich"
    assert fold(unicodedata.normalize("NFD", "Chứng thực")) == "chung thuc"


def test_search_words_keep_codes_and_drop_punctuation():
    assert search_words("  Hộ-tịch, 1.001193. ") == ["ho", "tich", "1.001193"]


def test_nfc():
    assert nfc(unicodedata.normalize("NFD", "Nguyễn")) == "Nguyễn"


def test_time_limits():
    assert TimeLimit.working_days(5).working_time().total_seconds() == 5 * 8 * 3600
    assert TimeLimit.working_hours(4).working_time().total_seconds() == 4 * 3600
    assert TimeLimit.in_day().working_time() is None
    assert TimeLimit.working_days(0.5).label_vi() == "0.5 ngày làm việc"
    assert TimeLimit(LimitKind.IN_DAY).label_vi() == "Trong ngày"
    with pytest.raises(ValidationError):
        TimeLimit.working_days(0)
    with pytest.raises(ValidationError):
        TimeLimit.working_hours(-1)
