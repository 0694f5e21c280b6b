"""A figure over time, drawn on the server as inline SVG (no script, no external resource)."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from index.figures import format_number
from web.html import esc

WIDTH, HEIGHT = 760, 300
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 90, 40, 16, 40
# One colour per series (site); colour-blind friendly (Okabe-Ito).
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")
X_TICKS = 6
Y_TICKS = 5


@dataclass
class Point:
    day: date
    value: float
    series: str  # the portal (its name, else its host)
    note: str  # tooltip: article title, period, exact figure


def _nice_step(span: float, count: int) -> float:
    raw = span / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _y_domain(values: list[float]) -> tuple[float, float, float]:
    low, high = min(min(values), 0.0), max(max(values), 0.0)
    if low == high:
        high = low + 1
    step = _nice_step(high - low, Y_TICKS)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def line_chart(points: list[Point], unit: str) -> str:
    """SVG of the points, one line per series, x = date, y = value; '' when there is nothing to draw."""
    if not points:
        return ""
    points = sorted(points, key=lambda p: (p.series, p.day))
    first, last = min(p.day for p in points).toordinal(), max(p.day for p in points).toordinal()
    if first == last:
        first, last = first - 15, last + 15
    y_low, y_high, y_step = _y_domain([p.value for p in points])
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def x(day: date) -> float:
        return MARGIN_LEFT + (day.toordinal() - first) / (last - first) * plot_w

    def y(value: float) -> float:
        return MARGIN_TOP + (y_high - value) / (y_high - y_low) * plot_h

    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="{esc(unit)}" xmlns="http://www.w3.org/2000/svg">']
    tick = y_low
    while tick <= y_high + y_step / 2:
        ty = y(tick)
        parts.append(f'<line class="grid" x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>')
        parts.append(f'<text class="tick" x="{MARGIN_LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">'
                     f'{esc(format_number(round(tick, 6)))}</text>')
        tick += y_step
    for i in range(X_TICKS):
        ordinal = round(first + (last - first) * i / (X_TICKS - 1))
        day = date.fromordinal(ordinal)
        tx = x(day)
        parts.append(f'<line class="axis" x1="{tx:.1f}" x2="{tx:.1f}" y1="{HEIGHT - MARGIN_BOTTOM}" '
                     f'y2="{HEIGHT - MARGIN_BOTTOM + 5}"/>')
        parts.append(f'<text class="tick" x="{tx:.1f}" y="{HEIGHT - MARGIN_BOTTOM + 18}" text-anchor="middle">'
                     f'{day.month:02d}/{day.year}</text>')
    parts.append(f'<line class="axis" x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" '
                 f'y1="{HEIGHT - MARGIN_BOTTOM}" y2="{HEIGHT - MARGIN_BOTTOM}"/>')
    series_names = list(dict.fromkeys(p.series for p in points))
    for index, name in enumerate(series_names):
        colour = PALETTE[index % len(PALETTE)]
        mine = [p for p in points if p.series == name]
        if len(mine) > 1:
            coords = " ".join(f"{x(p.day):.1f},{y(p.value):.1f}" for p in mine)
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{coords}"/>')
        for p in mine:
            parts.append(f'<circle cx="{x(p.day):.1f}" cy="{y(p.value):.1f}" r="4" fill="{colour}">'
                         f'<title>{esc(p.note)}</title></circle>')
    parts.append("</svg>")
    legend = "".join(
        f'<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" '
        f'fill="{PALETTE[i % len(PALETTE)]}"/></svg> {esc(name)}</li>'
        for i, name in enumerate(series_names))
    return "".join(parts) + f'<ul class="legend">{legend}</ul>'


def same_label(a: object, b: object) -> bool:
    """Labels match ignoring case and spacing: the same figure reported in different articles."""
    def norm(s: object) -> str:
        return " ".join(str(s or "").casefold().split())
    return norm(a) == norm(b) != ""


def figure_series(rows, label: str) -> list[Point]:
    """Points for the rows that report ``label`` and have a publication date.

    A label can be reported in several units ("ha" and "%"): only the first unit met is kept, so that
    one axis never mixes them.
    """
    points, unit = [], None
    for row in rows:
        if not same_label(row.get("label"), label):
            continue
        unit = row.get("unit") if unit is None else unit
        if row.get("unit") != unit:
            continue
        published, value = row.get("published"), row.get("value")
        if not isinstance(published, str) or isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        try:
            day = date.fromisoformat(published[:10])
        except ValueError:
            continue
        note = f'{format_number(value)} {row.get("unit") or ""} · {row.get("period") or ""} · {row.get("title") or ""}'
        points.append(Point(day, float(value), row.get("site_name") or row.get("site") or "", note))
    return points
