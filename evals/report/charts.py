"""Inline SVG charts for report.html: metric bars against thresholds, and per-question latency."""

from __future__ import annotations

from html import escape

PASS, FAIL, PLAIN, GRID = "#2e7d32", "#c62828", "#1565c0", "#d0d0d0"


def metric_bars(values: dict[str, float], labels: dict[str, str], thresholds: dict[str, float],
                previous: dict[str, float] | None = None) -> str:
    """One horizontal bar per rate in [0, 1]: green at or above its threshold, red below, blue when
    ungated; a black tick marks the threshold and a grey diamond the previous run's value."""
    rates = {k: v for k, v in values.items() if 0.0 <= v <= 1.0}
    if not rates:
        return ""
    left, width, row = 250, 360, 22
    height = row * len(rates) + 30
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {left + width + 60} {height}" width="{left + width + 60}" '
             f'height="{height}" font-family="sans-serif" font-size="12">']
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = left + tick * width
        parts.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 22}" stroke="{GRID}"/>'
                     f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle" fill="#555">{tick:g}</text>')
    for n, (key, value) in enumerate(rates.items()):
        y = 6 + n * row
        minimum = thresholds.get(key)
        colour = PLAIN if minimum is None else PASS if value >= minimum else FAIL
        title = f"{key} = {value:.4f}" + (f" (threshold {minimum:.4f})" if minimum is not None else "")
        parts.append(f'<text x="{left - 8}" y="{y + 13}" text-anchor="end">{escape(_short(labels.get(key, key)))}</text>'
                     f'<rect x="{left}" y="{y}" width="{value * width:.1f}" height="16" fill="{colour}">'
                     f'<title>{escape(title)}</title></rect>'
                     f'<text x="{left + value * width + 4:.1f}" y="{y + 13}" fill="#222">{value:.3f}</text>')
        if minimum is not None and minimum <= 1.0:
            x = left + minimum * width
            parts.append(f'<line x1="{x:.1f}" y1="{y - 2}" x2="{x:.1f}" y2="{y + 18}" stroke="#000" stroke-width="2">'
                         f'<title>threshold {minimum:.4f}</title></line>')
        before = (previous or {}).get(key)
        if before is not None and 0.0 <= before <= 1.0:
            x = left + before * width
            parts.append(f'<path d="M{x:.1f} {y + 3} l5 5 l-5 5 l-5 -5 z" fill="#9e9e9e" stroke="#fff">'
                         f'<title>previous run {before:.4f}</title></path>')
    parts.append("</svg>")
    return "".join(parts)


def latency_bars(points: list[tuple[str, float]], unit: str = "ms") -> str:
    """Vertical bars, one per question in dataset order, with the median as a dashed line."""
    points = [(name, value) for name, value in points if value is not None]
    if not points:
        return ""
    top = max(value for _, value in points) or 1.0
    bar, gap, height, base = 14, 3, 140, 20
    width = 50 + len(points) * (bar + gap)
    median = sorted(v for _, v in points)[len(points) // 2]
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height + base + 10}" width="{width}" '
             f'height="{height + base + 10}" font-family="sans-serif" font-size="10">',
             f'<text x="2" y="12" fill="#555">{top:,.0f} {unit}</text>']
    for n, (name, value) in enumerate(points):
        h = value / top * (height - 20)
        x = 50 + n * (bar + gap)
        parts.append(f'<rect x="{x}" y="{height - h:.1f}" width="{bar}" height="{h:.1f}" fill="{PLAIN}">'
                     f'<title>{escape(name)}: {value:,.0f} {unit}</title></rect>')
    y = height - median / top * (height - 20)
    parts.append(f'<line x1="48" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="#ef6c00" stroke-dasharray="4 3">'
                 f'<title>median {median:,.0f} {unit}</title></line>'
                 f'<text x="2" y="{y + 4:.1f}" fill="#ef6c00">median</text>'
                 f'<line x1="48" y1="{height}" x2="{width}" y2="{height}" stroke="#555"/>'
                 f'<text x="50" y="{height + base}" fill="#555">questions in dataset order (hover for id and time)</text>')
    parts.append("</svg>")
    return "".join(parts)


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
