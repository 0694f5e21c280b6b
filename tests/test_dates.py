"""Vietnamese portal date formats and the dates that are not a publication date."""
from __future__ import annotations

import pytest

from extract.dates import find_dates, first_date, parse_structured

FORMATS = [
    ("18/08/2023 16:01", "2023-08-18T16:01:00+07:00"),
    ("12-09-2018 12:43", "2018-09-12T12:43:00+07:00"),
    ("03:14 03/01/2023", "2023-01-03T03:14:00+07:00"),
    ("13:06, 25/02/2024", "2024-02-25T13:06:00+07:00"),
    ("17/06/2024 - 17:59", "2024-06-17T17:59:00+07:00"),
    ("03:06 PM 13/12/2020", "2020-12-13T15:06:00+07:00"),
    ("10:15 AM 13/12/2020", "2020-12-13T10:15:00+07:00"),
    ("(20/07/2012 3:16:17 CH)", "2012-07-20T15:16:17+07:00"),
    ("(20/07/2012 9:05:00 SA)", "2012-07-20T09:05:00+07:00"),
    ("(20/07/2012 12:30:00 SA)", "2012-07-20T00:30:00+07:00"),
    ("Thứ Tư, 30/05/2018, 21:08 (GMT+7)", "2018-05-30T21:08:00+07:00"),
    ("Ngày đăng: 11/07/2024  09:45", "2024-07-11T09:45:00+07:00"),
    ("Cập nhật: 27-01-2022 | 09:08:07", "2022-01-27T09:08:07+07:00"),
    ("ngày 29 tháng 6 năm 2012", "2012-06-29"),
    ("Cập nhật ngày 29 tháng 6 năm 2012 - Số lần xem: 312", "2012-06-29"),
    ("Đăng lúc 15h30 ngày 05.09.2023", "2023-09-05T15:30:00+07:00"),
    ("Văn Hùng (Phú Lương) 17:26, 16/03/2023", "2023-03-16T17:26:00+07:00"),
    ("Thứ Năm - 20/04/2023 15:30", "2023-04-20T15:30:00+07:00"),
    ("02/8/2023", "2023-08-02"),
    ("18 Tháng Tám, 2023", "2023-08-18"),
    ("3 Tháng Năm, 2024", "2024-05-03"),
    ("29 tháng 6, 2012 lúc 10:15", "2012-06-29T10:15:00+07:00"),
    ("Cập nhật lúc 16 giờ 01 ngày 18/08/2023", "2023-08-18T16:01:00+07:00"),
]


@pytest.mark.parametrize("text,iso", FORMATS)
def test_formats(text, iso):
    hit = first_date(text)
    assert hit is not None and hit.iso == iso


@pytest.mark.parametrize("text", [
    "Hôm nay, Thứ Hai ngày 02/02/2026",
    "Hôm nay: 02/02/2026",
    "Mừng Đảng - Mừng Xuân (03/02/1930 - 03/02/2026)",
    "(27/7/1947 - 27/7/2012)",
    "Ngày ban hành: 12/03/2023",
    "Ngày hiệu lực: 01/07/2024",
    "Số lượt truy cập: 16449550",
    "Quyết định số 2553/QĐ-UBND",
    "31/31 thôn; 5/5 xã; 12,6/19 tiêu chí",
    "Ngày 32/13/2023",
    "6 tháng đầu năm 2023",
    "trong 12 tháng năm 2023",
])
def test_not_a_dateline(text):
    assert first_date(text) is None


def test_day_first_always():
    # 05/04 is 5 April, never May 4th.
    assert first_date("05/04/2024").iso == "2024-04-05"


def test_time_only_joins_an_adjacent_date():
    hits = find_dates("Sáng 28/6, lúc 8:00, hội nghị họp; ngày 30/06/2023 kết thúc")
    assert [h.iso for h in hits] == ["2023-06-30"]


def test_range_marks_both_ends():
    hits = find_dates("(03/02/1930 - 03/02/2026)")
    assert len(hits) == 2 and all(h.in_range for h in hits)


@pytest.mark.parametrize("value,local,iso", [
    ("2023-08-18T16:01:00+07:00", True, "2023-08-18T16:01:00+07:00"),
    ("2023-08-18T09:01:00Z", True, "2023-08-18T16:01:00+07:00"),
    ("2023-08-18T09:01:00.000+0000", True, "2023-08-18T16:01:00+07:00"),
    ("2023-08-18 16:01:00", True, "2023-08-18T16:01:00+07:00"),
    ("2023-08-18", True, "2023-08-18"),
    ("2019-05-03T23:30:00+02:00", False, "2019-05-03T23:30:00+02:00"),
    ("18/08/2023 16:01", True, "2023-08-18T16:01:00+07:00"),
    ("not a date", True, None),
    ("", True, None),
])
def test_structured(value, local, iso):
    assert parse_structured(value, local=local) == iso
