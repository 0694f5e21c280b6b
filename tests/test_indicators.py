"""extract_indicators on whole texts: the seed article, spans, robustness, speed."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from extract import extract_indicators as exported
from extract.indicators import extract_indicators

SEED = Path(__file__).parent / "data" / "seed"
TITLE = "Minh Long tổ chức Hội nghị sơ kết công tác cải cách hành chính 06 tháng đầu năm 2023"


def _seed_body() -> str:
    raw = (SEED / "minh-long-2023-08-18.txt").read_text(encoding="utf-8")
    start = raw.index("Sáng ngày 02/8/2023")
    return raw[start:raw.index("\n\nHà Trinh")]


def test_seed_article_figures():
    body = _seed_body()
    expected = json.loads((SEED / "minh-long-2023-08-18.expected.json").read_text(encoding="utf-8"))
    found = extract_indicators(body, title=TITLE)
    for ind in found:
        assert body[ind.start:ind.end] == ind.text
    remaining = list(found)
    for exp in expected["indicators"]:
        match = next((i for i in remaining if i.text == exp["text"]), None)
        if match is None:
            assert exp.get("optional"), f"missing {exp['text']}"
            continue
        remaining.remove(match)
        assert (match.value, match.total, match.unit, match.kind) == \
            (exp["value"], exp["total"], exp["unit"], exp["kind"]), exp["text"]
        assert match.estimate is exp.get("estimate", False), exp["text"]
        if "label_contains" in exp:
            assert exp["label_contains"] in (match.label or ""), (exp["text"], match.label)
        assert match.period and "tháng" in match.period
    assert remaining == [], [i.text for i in remaining]


def test_seed_figure_fields_from_design():
    found = extract_indicators(_seed_body(), title=TITLE)
    first = next(i for i in found if i.text == "2.358 hồ sơ")
    assert first.period == "6 tháng đầu năm 2023"
    assert "tiếp nhận và xử lý hồ sơ" in first.label
    assert first.sentence.startswith("Thực hiện việc tiếp nhận") and first.sentence.endswith("2.358 hồ sơ.")
    d = first.to_dict()
    assert d["value"] == 2358 and isinstance(d["value"], int) and d["unit"] == "hồ sơ"


def test_whole_page_chrome_gives_no_figures():
    raw = (SEED / "minh-long-2023-08-18.txt").read_text(encoding="utf-8")
    chrome = raw[:raw.index("Sáng ngày 02/8/2023")] + raw[raw.index("\n\nHà Trinh"):]
    assert extract_indicators(chrome) == []


def test_headline_period_is_the_fallback():
    found = extract_indicators("Huyện đã cấp 250 tài khoản người dùng.", title="Sơ kết công tác quý I/2023")
    assert [i.period for i in found] == ["quý I/2023"]
    assert extract_indicators("Huyện đã cấp 250 tài khoản người dùng.")[0].period is None


def test_period_carries_within_a_paragraph_only():
    text = ("Trong 9 tháng năm 2023, huyện chú trọng cải cách. Đã cấp 250 tài khoản.\n\n"
            "Đã cấp thêm 30 tài khoản.")
    found = extract_indicators(text)
    assert [i.period for i in found] == ["9 tháng năm 2023", None]


def test_spans_are_exact_on_messy_text():
    text = ("  Tổng thu\u00a0đạt 1.536,246 tỷ  đồng;\n\ncó 18 phòng,  ban, đơn vị và 05/05 xã.\t"
            "Tỷ lệ đạt 53,2 %.  Diện tích 943ha, năng suất 46.8 tạ/ha…")
    found = extract_indicators(text)
    assert [i.text for i in found] == ["1.536,246 tỷ  đồng", "18 phòng,  ban, đơn vị", "05/05 xã",
                                       "53,2 %", "943ha", "46.8 tạ/ha"]
    for ind in found:
        assert text[ind.start:ind.end] == ind.text
    assert found[1].unit == "phòng, ban, đơn vị"


def test_typos_never_crash():
    text = ("Sản lượng 1,187,93 tấn. Tỷ lệ 0 68%. Giá ,5 đồng. 1.2.3.4 ha. 5// xã. %%% 12 / / 3. "
            "đạt 9999999999999999999999999 tỷ đồng. ... 1 - - 2 ha. 7,  xã")
    for ind in extract_indicators(text):
        assert text[ind.start:ind.end] == ind.text
    assert extract_indicators("") == []
    assert extract_indicators("Không có con số nào trong văn bản này.") == []


def test_package_exports_the_function():
    assert exported is extract_indicators


def test_one_megabyte_text_is_fine():
    unit = _seed_body() + "\n\n"
    text = unit * (1_000_000 // len(unit) + 1)
    t0 = time.process_time()  # CPU time: the machine may be shared
    found = extract_indicators(text)
    elapsed = time.process_time() - t0
    per_copy = len(extract_indicators(unit))
    assert len(found) == per_copy * (1_000_000 // len(unit) + 1)
    assert found[-1].end <= len(text) and text[found[-1].start:found[-1].end] == found[-1].text
    assert elapsed < 20, elapsed


def test_concurrent_first_calls_share_one_model_load():
    # a fresh process, so the segmentation model is not loaded yet when the threads start
    code = (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "from extract.indicators import nlp as indicator_nlp\n"
        "from extract.indicators import extract_indicators\n"
        "texts = ['Xã có %d giếng khoan và %d vườn cây ăn quả.' % (i, i + 1) for i in range(1, 9)]\n"
        "with ThreadPoolExecutor(8) as pool:\n"
        "    results = list(pool.map(extract_indicators, texts))\n"
        "print(sorted(len(r) for r in results), indicator_nlp._tokenize is not None)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{[2] * 8} True"  # the segmentation model was used
