"""figures_from_table: one figure per numeric cell, labelled by its row, with the column's period and the
row's (or header's, or caption's) unit. The rows follow the 2018 socio-economic report of
../shared/realdocs (krongno-237), laid out as the appendix tables of such reports are."""
from __future__ import annotations

import unicodedata

from extract.indicators import figures_from_table

REPORT = [
    ["STT", "Chỉ tiêu", "ĐVT", "KH 2018", "TH 2018", "So sánh TH/KH (%)"],
    ["I", "CHỈ TIÊU KINH TẾ", "", "", "", ""],
    ["1", "Giá trị sản xuất (giá hiện hành)", "Tỷ đồng", "7.450", "7.906,7", "106"],
    ["2", "Tổng sản lượng lương thực", "Tấn", "138.197", "168.604", "122"],
    ["3", "Thu nhập bình quân đầu người", "Triệu đồng/người/năm", "42,8", "43,25", "101"],
    ["4", "Tỷ lệ hộ nghèo", "%", "9", "8,69", "-"],
    ["5", "- Dân số trung bình", "Người", "78.346", "78.346", "100"],
]


def _cells(found):
    return {(i.row, i.column): i for i in found}


def test_report_table_cells():
    found = figures_from_table(REPORT, caption="Biểu 01: Kết quả thực hiện các chỉ tiêu KT-XH năm 2018")
    cells = _cells(found)
    assert len(found) == 14  # 5 rows × 3 columns, minus the "-" cell; the STT column and section row give none
    production = cells[(2, 4)]
    assert (production.text, production.start, production.end) == ("7.906,7", 0, 7)
    assert (production.value, production.unit, production.kind) == (7_906_700_000_000, "đồng", "money")
    assert production.label == "giá trị sản xuất (giá hiện hành)"
    assert production.period == "thực hiện 2018"
    assert cells[(2, 3)].period == "kế hoạch 2018" and cells[(2, 3)].value == 7_450_000_000_000
    plan = cells[(2, 5)]
    assert (plan.value, plan.unit, plan.kind, plan.reference) == (106, "%", "percent", "kế hoạch")
    assert plan.period == "năm 2018"  # a comparison column names no period: the caption's
    assert (cells[(3, 4)].value, cells[(3, 4)].unit, cells[(3, 4)].kind) == (168604, "tấn", "measure")
    assert (cells[(4, 4)].value, cells[(4, 4)].unit) == (43_250_000, "đồng/người/năm")
    assert (cells[(5, 4)].value, cells[(5, 4)].kind) == (8.69, "percent")
    assert (5, 5) not in cells
    assert (cells[(6, 3)].unit, cells[(6, 3)].kind, cells[(6, 3)].label) == ("người", "count", "dân số trung bình")
    assert "Giá trị sản xuất" in production.sentence and "7.906,7" in production.sentence
    assert production.to_dict()["row"] == 2 and production.to_dict()["column"] == 4


def test_cells_with_their_own_units_and_signs():
    rows = [["Chỉ tiêu", "6 tháng đầu năm 2019", "Cùng kỳ", "Ước TH năm 2019", "Tăng/giảm (%)"],
            ["Hồ sơ tiếp nhận", " 2.358 hồ sơ", "2.100 hồ sơ", "4.800 hồ sơ", "+12,3"],
            ["Tỷ lệ giải quyết đúng hạn", "98,5%", "97 %", "99%", "−1,5"]]
    cells = _cells(figures_from_table(rows))
    first = cells[(1, 1)]
    assert (first.text, first.start, first.end) == ("2.358 hồ sơ", 1, 12)  # offsets in the cell as given
    assert (first.value, first.unit, first.kind, first.label) == (2358, "hồ sơ", "count", "hồ sơ tiếp nhận")
    assert first.period == "6 tháng đầu năm 2019"
    assert cells[(1, 2)].period == "cùng kỳ"
    assert cells[(1, 3)].period == "ước thực hiện năm 2019" and cells[(1, 3)].estimate is True
    assert first.estimate is False
    assert (cells[(1, 4)].text, cells[(1, 4)].value, cells[(1, 4)].change) == ("12,3", 12.3, "tăng")
    assert (cells[(2, 4)].value, cells[(2, 4)].change, cells[(2, 4)].unit) == (1.5, "giảm", "%")
    assert cells[(2, 4)].period is None
    assert (cells[(2, 2)].text, cells[(2, 2)].value) == ("97 %", 97)


def test_units_from_header_and_caption_and_row_numbers_without_header():
    by_header = figures_from_table([["Xã", "Diện tích lúa (ha)", "Năng suất (tạ/ha)"],
                                    ["Đắk Sôr", "1.250", "58,5"], ["Nam Đà", "980", "60"]])
    assert [(i.label, i.value, i.unit) for i in by_header] == [
        ("đắk Sôr", 1250, "ha"), ("đắk Sôr", 58.5, "tạ/ha"), ("nam Đà", 980, "ha"), ("nam Đà", 60, "tạ/ha")]
    no_header = figures_from_table([["1", "Diện tích lúa", "1.250"], ["2", "Diện tích ngô", "540"]],
                                   caption="Kết quả sản xuất năm 2019 (ĐVT: ha)")
    assert [(i.column, i.label, i.value, i.unit, i.period) for i in no_header] == [
        (2, "diện tích lúa", 1250, "ha", "năm 2019"), (2, "diện tích ngô", 540, "ha", "năm 2019")]


def test_numbered_labels_unknown_units_and_odd_cells():
    rows = [["TT", "Nội dung", "Đơn vị tính", "Số lượng"],
            ["1.", "1. Công trình hoàn thành", "Công trình/dự án", "12"],
            ["2.", "Kinh phí", "", "n/a"],
            [None, "Ghi chú", "", ""],
            ["3.", "Xã đạt chuẩn nông thôn mới", "", "12/12"]]
    found = figures_from_table(rows)
    assert [(i.row, i.label, i.value, i.unit, i.kind) for i in found] == [
        (1, "công trình hoàn thành", 12, "công trình/dự án", "count"),
        (4, "xã đạt chuẩn nông thôn mới", 12, "", "ratio")]
    assert found[1].total == 12
    assert figures_from_table([["Đạt chuẩn", "9/11 xã"], ["Tháng", "6/2019"]])[0].unit == "xã"
    assert len(figures_from_table([["Đạt chuẩn", "9/11 xã"], ["Tháng", "6/2019"]])) == 1
    assert figures_from_table([]) == [] and figures_from_table([["Chỉ tiêu", "Năm 2018"]]) == []


def test_nfd_cells_keep_offsets():
    cell = unicodedata.normalize("NFD", "1.536 hộ nghèo")
    [ind] = figures_from_table([[unicodedata.normalize("NFD", "Hộ nghèo"), cell]])
    assert cell[ind.start:ind.end] == ind.text and ind.unit == "hộ nghèo" and ind.value == 1536


def test_number_cells_from_a_spreadsheet():
    rows = [["Chỉ tiêu", "ĐVT", "Năm 2018"], ["Giá trị sản xuất", "tỷ đồng", 7906.7], ["Dân số", "người", 78346],
            ["Diện tích", "ha", 123.456], ["Năng suất", "tạ/ha", 58.0], ["Lỗi", "ha", float("nan")],
            ["Cờ", "ha", True]]
    found = figures_from_table(rows)
    assert [(i.text, i.value, i.unit) for i in found] == [
        ("7906,7", 7_906_700_000_000, "đồng"), ("78346", 78346, "người"), ("123,456", 123.456, "ha"),
        ("58", 58, "tạ/ha")]
    assert all(i.period == "năm 2018" for i in found)
