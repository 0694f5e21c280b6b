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


POPULATION = ("(10) Dân số trung bình năm 2018 trên 7§.346 người, đạt 100%KH; Tỷ lệ tăng dân số tự nhiên 1,2%, "
              "đạt 104%KH; mức giảm sinh 0,6%o, đạt 75% kế hoạch (0,8%o); tuôi thọ trung bình 71 tuổi, đạt "
              "100%KH.")


def test_number_with_a_misread_head_is_not_read_as_its_tail():
    found = extract_indicators(POPULATION)
    # "7§.346 người" is 78.346 with its 8 misread: "346 người" would be a wrong figure
    assert not any(i.value == 346 for i in found)
    assert [i.text for i in extract_indicators("Diện tích l.200 ha, trong đó lúa 1.200 ha.")] == ["1.200 ha"]
    assert [i.text for i in extract_indicators("Có 5 xã.3 thôn đạt chuẩn.")] == ["5 xã", "3 thôn"]


def test_per_mille_typed_as_percent_o():
    found = {i.text: i for i in extract_indicators(POPULATION)}
    assert (found["0,6%o"].value, found["0,6%o"].unit, found["0,6%o"].kind) == (0.6, "‰", "percent")
    assert found["0,6%o"].label == "mức giảm sinh"
    assert found["75%"].reference == "kế hoạch" and found["104%"].reference == "kế hoạch"
