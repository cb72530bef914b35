"""Layers given as a table, as homework sheets print them: a Markdown table or text columns.

    | Layer | Type    | Kernel | Stride | Padding | Filters |        layer  kernel  stride  pad
    |-------|---------|--------|--------|---------|---------|        conv1  7x7     2       3
    | 1     | conv    | 3x3    | 1      | 1       | 32      |        pool1  3x3     2       1
    | 2     | maxpool | 2x2    | 2      | 0       | -       |

A header names at least two of the settings (kernel, stride, padding, filters, in and out
channels); each row after it with as many cells is a layer, its type from a type column or its
name ("pool1"). Read from the message as written, before whitespace is collapsed: the columns
are its line breaks and runs of spaces. Only the first table is read, and at most MAX_ROWS rows.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

MAX_LINES = 60   # lines of a message looked at for a table
MAX_ROWS = 12    # layers in a table: a homework network, not a whole model
MIN_LINES = 3    # a header and two rows
# Column names, as sheets write them, to the setting each holds
_COLUMNS = (
    ("kernel", re.compile(r"^(?:kernel(?:[\s_]?size)?|k|filter size|window|size)$")),
    ("stride", re.compile(r"^(?:strides?|s)$")),
    ("padding", re.compile(r"^(?:pad(?:ding)?|p)$")),
    ("in_channels", re.compile(r"^(?:in[\s_]?(?:ch|channels?)|c[\s_]?in|input channels)$")),
    ("out_channels", re.compile(r"^(?:out[\s_]?(?:ch|channels?)|c[\s_]?out|output channels|"
                                r"filters|#\s*filters|channels|number of filters)$")),
    ("type", re.compile(r"^(?:type|operation|op|kind)$")),
    ("name", re.compile(r"^(?:layer|name|#|no\.?)$")),
)
_SETTINGS = frozenset({"kernel", "stride", "padding", "in_channels", "out_channels"})
_CELL_SPLIT = re.compile(r"\t|\s{2,}+")
_SEPARATOR_ROW = re.compile(r"^[\s|:+-]*+$")
_SIZE_CELL = re.compile(r"^(\d{1,4}+)(?:\s*+[x×*]\s*+(\d{1,4}+))?$")
_POOL = re.compile(r"pool")
_CONV = re.compile(r"conv")


@dataclass
class TableLayer:
    """One row: a convolution or a pool, and the settings its cells give."""

    name: str
    pool: bool
    settings: dict = field(default_factory=dict)


def read_table(raw: str) -> list[TableLayer] | None:
    """The layers of the first table of layers in a message as written, or None without one
    (fewer than two rows, a row that names neither a conv nor a pool, or a size cell that is not
    a size)."""
    lines = list(itertools.islice(raw.splitlines(), MAX_LINES))
    if len(lines) < MIN_LINES:
        return None   # most messages are one line: no cell of them is looked at
    for number, line in enumerate(lines):
        header = _columns(_cells(line))
        if header is None:
            continue
        rows = []
        for row_line in lines[number + 1:number + 2 + MAX_ROWS]:
            if _SEPARATOR_ROW.match(row_line) and row_line.strip():
                continue   # Markdown's |---|---|
            cells = _cells(row_line)
            if len(cells) != len(header):
                break
            rows.append(cells)
        layers = [_layer(header, cells) for cells in rows]
        if len(layers) < 2 or any(layer is None for layer in layers):
            return None
        return layers
    return None


def _cells(line: str) -> list[str]:
    """A line's cells: between bars in Markdown, else between tabs or runs of spaces."""
    line = line.strip()
    if "|" in line:
        return [cell.strip().lower() for cell in line.strip("|").split("|")]
    return [cell.strip().lower() for cell in _CELL_SPLIT.split(line) if cell.strip()]


def _columns(cells: list[str]) -> list[str] | None:
    """What each cell of a header line holds, or None for a line that is no header of layers
    (an unknown column is None and read past)."""
    if len(cells) < 3:
        return None
    names = [next((name for name, pattern in _COLUMNS if pattern.match(cell)), None)
             for cell in cells]
    if len(_SETTINGS.intersection(names)) < 2 or "kernel" not in names:
        return None
    return names


def _layer(header: list[str], cells: list[str]) -> TableLayer | None:
    """A row as a layer, or None when it is neither a conv nor a pool or a cell is unreadable."""
    kind = " ".join(cell for name, cell in zip(header, cells, strict=True)
                    if name in ("type", "name"))
    pool = bool(_POOL.search(kind))
    if not pool and not _CONV.search(kind) and "type" in header:
        return None
    layer = TableLayer(kind, pool)
    for name, cell in zip(header, cells, strict=True):
        if name not in _SETTINGS or cell in ("", "-", "–", "n/a", "none"):
            continue
        size = _SIZE_CELL.match(cell)
        if size is None:
            return None
        height, width = int(size[1]), int(size[2] or size[1])
        layer.settings[name] = height if height == width else [height, width]
    return layer if "kernel" in layer.settings else None
