"""Drawing a graphical model: DOT for Graphviz users, an SVG drawn here (pure Python, no
Graphviz binary), and the graph in words for chat. Latents on the top row, observed variables
shaded on the bottom row; p's arrows solid, q's dashed, as in the lecture notes."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from service.core.graphical.reading import DISTRIBUTIONS, ROLES


def _split_name(name: str) -> tuple[str, str]:
    """"x1" -> ("x", "1"); "h_t" -> ("h", "t"); "mu" -> ("mu", "")."""
    letters = name.rstrip("0123456789")
    if letters != name and letters.isalpha():
        return letters, name[len(letters):]
    base, _, sub = name.partition("_")
    return base, sub


def to_dot(nodes: list[dict], edges: list[dict]) -> str:
    """Return Graphviz DOT: latents ranked above observed nodes, q's edges dashed and unranked."""
    def label(name: str) -> str:
        base, sub = _split_name(name)
        text = escape(base) + (f"<sub>{escape(sub)}</sub>" if sub else "")
        return f"<<i>{text}</i>>"

    def quoted(name: str) -> str:
        return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph graphical_model {", "  node [shape=circle, fontname=\"Times-Italic\"];"]
    for observed in (False, True):
        row = [quoted(n["name"]) for n in nodes if n["observed"] is observed]
        if row:
            lines.append("  { rank=same; " + "; ".join(row) + "; }")
    for node in nodes:
        shade = ", style=filled, fillcolor=\"#d0d0d0\"" if node["observed"] else ""
        lines.append(f"  {quoted(node['name'])} [label={label(node['name'])}{shade}];")
    for edge in edges:
        extra = ", constraint=false" if edge["style"] == "dashed" else ""
        lines.append(f"  {quoted(edge['from'])} -> {quoted(edge['to'])} "
                     f"[style={edge['style']}{extra}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


RADIUS = 26
SPACING = 120       # between neighbouring nodes of a row
ROW_GAP = 150       # between the latent and the observed row
MARGIN = 50
CURVE = 22          # how far a dashed (q) edge bows to its right, so opposite edges part
SPAN_CURVE = 36     # extra bow per skipped node when an edge runs along a row


def _positions(nodes: list[dict], min_width: float) -> tuple[dict, float, float]:
    """Return ({name: (x, y, row)}, width, height): latents on row 0, observed on row 1, centred."""
    rows = [row for row in ([n["name"] for n in nodes if not n["observed"]],
                            [n["name"] for n in nodes if n["observed"]]) if row]
    widest = max((len(row) for row in rows), default=1)
    width = max(2 * MARGIN + 2 * RADIUS + SPACING * (widest - 1), min_width)
    positions = {}
    for r, row in enumerate(rows):
        start = width / 2 - SPACING * (len(row) - 1) / 2
        for c, name in enumerate(row):
            positions[name] = (start + SPACING * c, MARGIN + RADIUS + ROW_GAP * r, r)
    height = 2 * MARGIN + 2 * RADIUS + ROW_GAP * (max(len(rows), 1) - 1)
    return positions, width, height


def _edge_path(start: tuple[float, float, int], end: tuple[float, float, int],
               dashed: bool, rows: int) -> str:
    """Return an SVG path from circle edge to circle edge: straight, or a gentle curve."""
    (x0, y0, r0), (x1, y1, r1) = start, end
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length  # the normal to the right of the direction of travel
    bow = CURVE if dashed else 0.0
    skipped = round(abs(dx) / SPACING) - 1 if r0 == r1 else 0
    if skipped > 0:
        # along a row, bow away from the other row so the edge clears the nodes it passes
        outward = -1.0 if r0 == 0 and rows > 1 else 1.0
        sign = 1.0 if ny * outward > 0 else -1.0
        bow = sign * (SPAN_CURVE * skipped + abs(bow))
    cx = (x0 + x1) / 2 + nx * bow * 2
    cy = (y0 + y1) / 2 + ny * bow * 2

    def rim(x: float, y: float, tx: float, ty: float) -> tuple[float, float]:
        d = math.hypot(tx - x, ty - y) or 1.0
        return x + (tx - x) / d * RADIUS, y + (ty - y) / d * RADIUS

    sx, sy = rim(x0, y0, cx, cy)
    ex, ey = rim(x1, y1, cx, cy)
    if bow == 0:
        return f"M {sx:.1f} {sy:.1f} L {ex:.1f} {ey:.1f}"
    return f"M {sx:.1f} {sy:.1f} Q {cx:.1f} {cy:.1f} {ex:.1f} {ey:.1f}"


def _label(name: str, x: float, y: float) -> str:
    base, sub = _split_name(name)
    inner = escape(base)
    if sub:
        inner += f'<tspan baseline-shift="sub" font-size="14">{escape(sub)}</tspan>'
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" dominant-baseline="central" '
            f'font-family="Times New Roman, serif" font-style="italic" font-size="22">'
            f"{inner}</text>")


def to_svg(nodes: list[dict], edges: list[dict]) -> str:
    """Return a standalone SVG drawing of the graph.

    Latents on the top row, observed nodes (shaded) on the bottom row; p's edges solid and
    straight, q's dashed and bowed slightly to the right of their direction, so that an edge
    and its opposite never overlap; a legend names the conventions used.
    """
    dists = [d for d in DISTRIBUTIONS if any(e["distribution"] == d for e in edges)]
    legend_items = len(dists) + (1 if any(n["observed"] for n in nodes) else 0)
    positions, width, graph_height = _positions(nodes, 300 if legend_items else 0)
    rows = len({p[2] for p in positions.values()}) or 1
    height = graph_height + (28 * legend_items + 10 if legend_items else 0)
    names = ", ".join(n["name"] for n in nodes)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-label="Directed graphical model over {escape(names)}">',
        f"<title>Graphical model: {escape(names)}</title>",
        '<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#222"/></marker></defs>',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
    ]
    for edge in edges:
        dashed = edge["style"] == "dashed"
        path = _edge_path(positions[edge["from"]], positions[edge["to"]], dashed, rows)
        dash = ' stroke-dasharray="7 5"' if dashed else ""
        parts.append(f'<path class="edge {escape(edge["distribution"])}" d="{path}" fill="none" '
                     f'stroke="#222" stroke-width="1.6"{dash} marker-end="url(#arrowhead)">'
                     f"<title>{escape(edge['from'])} to {escape(edge['to'])} "
                     f"({escape(edge['distribution'])})</title></path>")
    for node in nodes:
        x, y, _ = positions[node["name"]]
        fill = "#d0d0d0" if node["observed"] else "#ffffff"
        kind = "observed" if node["observed"] else "latent"
        parts.append(f'<g class="node {kind}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{RADIUS}" '
                     f'fill="{fill}" stroke="#222" stroke-width="1.6"/>'
                     f'{_label(node["name"], x, y)}</g>')
    y = graph_height
    for dist in dists:
        dash = ' stroke-dasharray="7 5"' if DISTRIBUTIONS[dist] == "dashed" else ""
        parts.append(f'<path d="M 20 {y:.0f} L 60 {y:.0f}" stroke="#222" stroke-width="1.6"'
                     f'{dash} marker-end="url(#arrowhead)"/>'
                     f'<text x="70" y="{y:.0f}" dominant-baseline="central" '
                     f'font-family="sans-serif" font-size="13">{dist}: {ROLES[dist]} '
                     f"({DISTRIBUTIONS[dist]})</text>")
        y += 28
    if any(n["observed"] for n in nodes):
        parts.append(f'<circle cx="40" cy="{y:.0f}" r="9" fill="#d0d0d0" stroke="#222" '
                     f'stroke-width="1.2"/><text x="70" y="{y:.0f}" dominant-baseline="central" '
                     'font-family="sans-serif" font-size="13">observed (shaded)</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def describe(graph: dict) -> str:
    """Return the graph in words (Markdown): each distribution's arrows, and the shaded nodes."""
    lines = []
    for dist in graph.get("distributions", []):
        arrows = [f"${_latex(e['from'])} \\to {_latex(e['to'])}$" for e in graph["edges"]
                  if e["distribution"] == dist["name"]]
        lines.append(f"- **{dist['name']}** ({dist['role']}, {dist['style']} arrows): "
                     + (", ".join(arrows) if arrows else "no arrows"))
    observed = [f"${_latex(n['name'])}$" for n in graph["nodes"] if n["observed"]]
    latent = [f"${_latex(n['name'])}$" for n in graph["nodes"] if not n["observed"]]
    lines.append(f"- Observed (shaded, bottom row): {', '.join(observed) or 'none'}; "
                 f"latent (top row): {', '.join(latent) or 'none'}.")
    return "\n".join(lines)


def _latex(name: str) -> str:
    base, sub = _split_name(name)
    return f"{base}_{{{sub}}}" if sub else base
