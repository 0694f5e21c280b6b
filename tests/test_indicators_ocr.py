"""Figures in OCR text of scanned reports: the unambiguous misreadings are read, no digit is invented.

The sentences are Tesseract 5 (vie, 300 dpi) output of ../shared/realdocs' 2018 socio-economic report
(krongno-237-tb-ubnd-ket-qua-thuc-hien-chi-tieu-ktxh-nam-2018.pdf, pages 1-3), lines joined.
"""
from __future__ import annotations

from extract.indicators import extract_indicators

PRODUCTION = ("(1) Giá trị sản xuất (Theo giá hh) đạt 7.906,7 tỷ đồng, đạt 106%KH. Trong đó: Nông, lâm "
              "nghiệp đạt: 4.512,3 tỷ đông, đạt I10%KH; công nghiệp - xây dựng đạt: 1.485,1 tỷ đông, đạt "
              "102%KH; Thương mại, dịch vụ đạt: 1.909,3 tỷ đông, đạt 102%KH.")
AGRICULTURE = ("(3) Chỉ tiêu về nông nghiệp: Tổng diện tích gieo trồng đạt 62.372/52.786 ha, đạt 1182KH; "
               "Tông sản lượng lương thực đạt 168.604/138.197 tân, đạt 122%KH; Giá trị sản xuât trên lha "
               "canh tác đạt 75,11/77,64 triệu đông, đạt 97%KH; Hệ sô sử dụng đât cây hàng năm đạt l,7 lân, "
               "đạt 100%KH.")
LIVESTOCK = ("(19) Tổng đàn gia súc ước đạt 25,3 ngàn con, đạt 101%KH; Tổng đàn gia cầm ước đạt 455,5 ngàn "
             "con, đạt I00,3%KH.")


def _by_text(text: str) -> dict[str, object]:
    found = extract_indicators(text)
    for ind in found:
        assert text[ind.start:ind.end] == ind.text
    return {ind.text: ind for ind in found}


def test_scale_word_then_misread_dong_is_money_in_dong():
    found = _by_text(PRODUCTION)
    assert found["7.906,7 tỷ đồng"].value == 7_906_700_000_000
    for text, value in (("4.512,3 tỷ đông", 4_512_300_000_000), ("1.485,1 tỷ đông", 1_485_100_000_000),
                        ("1.909,3 tỷ đông", 1_909_300_000_000)):
        assert (found[text].value, found[text].unit, found[text].kind) == (value, "đồng", "money")
    assert found["4.512,3 tỷ đông"].label == "nông, lâm nghiệp"
    assert found["7.906,7 tỷ đồng"].label.startswith("giá trị sản xuất")  # "(1)" is numbering


def test_dong_variants_and_per_units():
    found = _by_text("Kinh phí hỗ trợ 1,2 triệu đổng/hộ; thu 245,3 tỷ dồng.")
    assert (found["1,2 triệu đổng/hộ"].value, found["1,2 triệu đổng/hộ"].unit) == (1_200_000, "đồng/hộ")
    assert found["245,3 tỷ dồng"].unit == "đồng"
    # alone, "đông" is a word (east, winter), not money
    assert [i.text for i in extract_indicators("Phía đông có 1.000 người dân, 3 mùa đông.")] == ["1.000 người dân"]


def test_percent_of_plan_glued():
    found = extract_indicators(PRODUCTION)
    assert [(i.value, i.unit, i.reference) for i in found if i.kind == "percent"] == \
        [(106, "%", "kế hoạch"), (102, "%", "kế hoạch"), (102, "%", "kế hoạch")]
    spaced = extract_indicators("Sản lượng đạt 95,5% KH; tăng 5%CK.")
    assert [(i.text, i.reference) for i in spaced] == [("95,5%", "kế hoạch"), ("5%", "cùng kỳ")]
    assert extract_indicators("Đạt 106%KH.")[0].label is None  # the plan is no label


def test_letter_for_digit_is_never_repaired():
    # "I10%KH" (110%), "I00,3%KH" (100,3%), "1182KH" (118%KH), "l,7 lân" (1,7 lần): a digit would be invented
    assert [i.text for i in extract_indicators(PRODUCTION)] == [
        "7.906,7 tỷ đồng", "106%", "4.512,3 tỷ đông", "1.485,1 tỷ đông", "102%", "1.909,3 tỷ đông", "102%"]
    livestock = _by_text(LIVESTOCK)
    assert set(livestock) == {"25,3 ngàn con", "101%", "455,5 ngàn con"}
    assert livestock["455,5 ngàn con"].estimate is True
    assert [i.text for i in extract_indicators(AGRICULTURE)] == [
        "62.372/52.786 ha", "122%", "75,11/77,64 triệu đông", "97%", "100%"]


def test_ambiguous_unit_misreadings_stay_unread():
    agriculture = _by_text(AGRICULTURE)
    # "tân" is a word ("new"), "lha" may be "1ha" or "ha": neither is read as a unit
    assert not any(t.endswith("tân") for t in agriculture)
    assert not any("lha" in i.text or i.unit == "ha" and "lha" in t for t, i in agriculture.items())
    assert agriculture["62.372/52.786 ha"].unit == "ha"
    assert (agriculture["75,11/77,64 triệu đông"].unit, agriculture["75,11/77,64 triệu đông"].value) == \
        ("đồng", 75_110_000)
    assert extract_indicators("Diện tích cà phê 22.500 lha.") == []


def test_tan_misread_with_breve_is_tonnes():
    [ind] = extract_indicators("Sản lượng lương thực đạt 58.300 tắn.")
    assert (ind.text, ind.value, ind.unit, ind.kind) == ("58.300 tắn", 58300, "tấn", "measure")
