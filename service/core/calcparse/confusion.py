"""Which cell of a pasted 2x2 confusion matrix is which count, when the message says so.

A grid alone is ambiguous: books put the actual class in the rows and the positives first,
scikit-learn's `confusion_matrix` puts the actual class in the rows and the negatives first (its
labels sorted, 0 before 1), some slides put the prediction in the rows. So the layout is read
only from what the message states: the cells named ("[[TN, FP], [FN, TP]]"), or which axis holds
the actual class ("rows = actual", "pred on rows", "y axis = predicted") together with the order
of the classes ("(pos, neg)", "negative class first", "labels=[1,0]"), for both axes or each.
scikit-learn or MATLAB named as the source gives their axes and, unless told otherwise, their
order (negatives first). Anything less is None: the dialogue then asks for the counts by name.
"""

from __future__ import annotations

import itertools
import re

_NAME = r"(tp|fp|tn|fn)"
# "[[TN, FP], [FN, TP]]", "[[tn fp][fn tp]]", "[[TP FN],[FP TN]]"
_CELL_NAMES = re.compile(rf"\[\s*+\[\s*+{_NAME}\s*+,?\s*+{_NAME}\s*+\]\s*+,?\s*+\[\s*+{_NAME}"
                         rf"\s*+,?\s*+{_NAME}\s*+\]\s*+\]")
# what an axis holds: the actual class or the prediction
_HOLDS = re.compile(r"(actual|true|truth|real|gold|ground[\s-]truth)|(pred)")
_ROWS = r"(?:\brows?\b|\by[\s-]?axis\b|down the side|\bvertical\w*)"
_COLUMNS = r"(?:\bcol(?:umn)?s?\b|\bx[\s-]?axis\b|across the top|\bhorizontal\w*)"
_AXIS = re.compile(rf"({_ROWS})|{_COLUMNS}")
_TOOL = re.compile(r"sklearn|scikit|confusion_matrix\s*+\(|confusionmat|matlab")
# the order of the classes along an axis
_POSITIVE = r"(?:pos\w*+|p|1|yes|\+|spam|sick)"
_NEGATIVE = r"(?:neg\w*+|n|0|no|-|ham|healthy)"
_NEGATIVE_CLASS = re.compile(_NEGATIVE)
_POSITIVE_FIRST = re.compile(
    rf"[(\[]\s*+{_POSITIVE}\s*+[,/ ]\s*+{_NEGATIVE}\s*+[)\]]|positive(?: class)? first|"
    rf"\border\s*+:?\s*+{_POSITIVE}\s*+[,/]\s*+{_NEGATIVE}\b|"
    r"\bpos\w* on (?:top|the left)|class 1 then class 0|labels\s*+=\s*+\[\s*+1\s*+,\s*+0\s*+\]")
_NEGATIVE_FIRST = re.compile(
    rf"[(\[]\s*+{_NEGATIVE}\s*+[,/ ]\s*+{_POSITIVE}\s*+[)\]]|negative(?: class)? first|"
    rf"\border\s*+:?\s*+{_NEGATIVE}\s*+[,/]\s*+{_POSITIVE}\b|"
    r"\bneg\w* on (?:top|the left)|class 0 then class 1|labels\s*+=\s*+\[\s*+0\s*+,\s*+1\s*+\]|"
    r"default (?:label )?order")
# a pasted matrix, as matrices.py reads one (rows in brackets inside brackets)
_BRACKETED = re.compile(r"\[\s*+\[[^\[\]]*+\](?:\s*+[,;]?\s*+\[[^\[\]]*+\]){0,8}\s*+\]")
# a 2x2 table with labelled rows and columns, its whitespace collapsed as the parser sees it:
# "pred yes pred no actual yes 88 12 actual no 17 183", "| pred 0 | pred 1 true 0 | 950 | 30 ..."
_AXIS_WORD = r"(actual\w*+|act|true|truth|real|pred\w*+|test)"
_ACTUAL_WORD = re.compile(r"act|true|truth|real")
_CLASS_WORD = r"(yes|no|pos\w*+|neg\w*+|1|0|\+|-|spam|ham)"
_LABEL = rf"(?:{_AXIS_WORD}\s*+:?\s*+)?{_CLASS_WORD}"
_SEP = r"[\s|:]*+"
_COUNT = r"(\d{1,7}+)(?!\w|\.\d)"
_TABLE = re.compile(rf"{_LABEL}{_SEP}{_LABEL}{_SEP}{_LABEL}{_SEP}{_COUNT}{_SEP}{_COUNT}{_SEP}"
                    rf"{_LABEL}{_SEP}{_COUNT}{_SEP}{_COUNT}")
_MARKDOWN_RULE = re.compile(r"\|(?:\s*+:?-{3,}+:?\s*+\|)++")
_POSITIVE_LABEL = re.compile(r"yes|pos\w*|1|\+")
_NEGATIVE_LABEL = re.compile(r"no|neg\w*|0|-")
_NAMED_POSITIVE = re.compile(r"\b(\w++|\+)\s*+(?:=|is)\s*+(?:the\s++)?positive|"
                             r"positive\s*+(?:class\s*+)?(?:=|is)\s*+(\w++)")
# four counts in a row after a stated layout: "58 | 14 22 | 406", "120, 40, 30, 310"
_FOUR_NUMBERS = re.compile(r"(?<![\w.])(\d{1,7}+)[\s,|/;]++(\d{1,7}+)[\s,|/;]++(\d{1,7}+)"
                           r"[\s,|/;]++(\d{1,7}+)(?!\w|\.\d)")
# an axis's first row or column named with its class: "row 1 = actual positive", "col 1:
# predicted neg"; rewritten as "rows = actual (pos, neg)" for the readers below
_FIRST_OF_AXIS = re.compile(
    r"\b(row|col(?:umn)?)\s*+(?:1|one)\s*+(?:=|:|is)\s*+(?:the\s++)?(actual\w*+|true|real|"
    r"pred\w*+)\s++(?:class\s++)?(pos\w*+|neg\w*+|yes|no|spam|ham|sick|healthy)\b")
_POS_LABEL_ZERO = re.compile(r"pos_label\s*+=\s*+0\b")
# "0 = defective", "0: spam", "0 is cat": the class label 0 names
_LABEL_ZERO_NAMED = re.compile(r"(?<![\w.])0\s*+(?:=|:|is)\s*+([a-z]++)\b")
# labels in an order of digits: "[0, 1]", "(1, 0)", "labels=[0,1]"
_DIGIT_ORDER = re.compile(r"[(\[]\s*+([01])\s*+[,/ ]\s*+[01]\s*+[)\]]")
_REACH = 40  # characters around an axis's name read for what it holds and its order
# "rows = actual", "rows: true label", "rows are predicted": the word right after names it
_JUST_AFTER = re.compile(r"\s*+(?:(?:=|:|are|is|hold|holds|show|shows)\s*+)?(?:the\s++)?")
# "actual down the side", "pred on rows": the word names the axis right after it
_JUST_BEFORE = re.compile(r"\w*+\s*+(?:(?:on|in|as|along)\s++)?(?:the\s++)?")


def cell_names(text: str) -> list[str] | None:
    """The counts of a 2x2 grid's cells in reading order (row by row), e.g. ["tn", "fp",
    "fn", "tp"] for scikit-learn's layout; None when the message does not settle it."""
    named = _CELL_NAMES.search(text)
    if named:
        names = list(named.groups())
        return names if len(set(names)) == 4 else None
    text = _FIRST_OF_AXIS.sub(_axis_with_order, text)
    axes = _axes(text)
    rows_actual = axes.get("rows")
    if rows_actual is None and "columns" in axes:
        rows_actual = not axes["columns"]
    elif "columns" in axes and axes["columns"] == rows_actual:
        return None  # both axes said to hold the same thing
    tool = _TOOL.search(text) is not None
    if rows_actual is None:
        if not tool:
            return None
        rows_actual = True  # scikit-learn and MATLAB: rows are the true class
    # the grid's own brackets ("[[1, 0], ...]") are not an order of classes
    zero_positive = _label_zero_positive(text)
    if zero_positive:
        # "labels [0, 1]" lists the positive class first when 0 is the positive one
        text = _DIGIT_ORDER.sub(lambda m: "(pos, neg)" if m.group(1) == "0" else "(neg, pos)",
                                text)
    row_order, column_order = _orders(
        _BRACKETED.sub(" ", text),
        default=("positive" if zero_positive else "negative") if tool else None)
    if row_order is None or column_order is None:
        return None
    return _cells(rows_actual, row_order, column_order)


def _label_zero_positive(text: str) -> bool:
    """Whether the message makes label 0 the positive class ("0 = defective ... positive =
    defective", "0 is the positive class", "pos_label=0"): a tool's order, label 0 first, then
    lists the positives first."""
    positive = _positive_class(text)
    return positive == "0" or _POS_LABEL_ZERO.search(text) is not None or (
        positive is not None and any(named.group(1) == positive
                                     for named in _LABEL_ZERO_NAMED.finditer(text)))


def _axis_with_order(match: re.Match) -> str:
    """"row 1 = actual positive" -> "rows = actual (pos, neg)"."""
    axis, holds, first = match.groups()
    order = "(neg, pos)" if _NEGATIVE_CLASS.fullmatch(first) else "(pos, neg)"
    return f"{'rows' if axis == 'row' else 'columns'} = {holds} {order}"


def _cells(rows_actual: bool, row_order: str, column_order: str) -> list[str]:
    """The count each cell holds, row by row, for a layout."""
    cells = []
    for row in _classes(row_order):
        for column in _classes(column_order):
            actual, predicted = (row, column) if rows_actual else (column, row)
            cells.append(("t" if actual == predicted else "f") + predicted[0])
    return cells


def read_counts(text: str, grid: list[list[float]] | None) -> dict[str, int] | None:
    """TP, FP, TN and FN from a confusion matrix the message lays out: a table with labelled
    rows and columns ("pred yes pred no / actual yes 88 12 / actual no 17 183"), or a grid
    (`grid`, or four numbers in a row after the layout: "rows = predicted, positive first:
    58 | 14 / 22 | 406") with its layout stated (see `cell_names`). None when no layout is
    settled or a count is not a whole number."""
    table = _table(text)
    if table is not None:
        names, values = table
    else:
        names = cell_names(text)
        if names is None:
            return None
        if grid is not None:
            values = [value for row in grid for value in row] if len(grid) == 2 else []
        else:
            run = _FOUR_NUMBERS.search(_BRACKETED.sub(" ", text))
            values = [float(n) for n in run.groups()] if run else []
    if len(values) != 4 or not all(v >= 0 and float(v).is_integer() for v in values):
        return None
    return {name: int(value) for name, value in zip(names, values, strict=True)}


def has_table(text: str) -> bool:
    """Whether the text holds a 2x2 table of counts with labelled rows and columns."""
    return _find_table(text) is not None


def _find_table(text: str) -> re.Match | None:
    """A labelled 2x2 table, markdown rules ("|---|---|") left out, its classes named as the
    positive one and the other when the message says which is positive (`_as_positive`)."""
    return _TABLE.search(_as_positive(_MARKDOWN_RULE.sub(" ", text)))


# "predicted cat", "actual dog": a table's label, an axis and a class named by its word
_CLASS_LABEL = re.compile(r"\b(actual|true|pred\w*+)\s*+:?\s*+([a-z]{2,20}+)\b")
_CLASS_WORD_ANYWHERE = re.compile(r"\b[a-z]{2,20}+\b")


def _as_positive(text: str) -> str:
    """The text with a table's two classes relabelled "pos" and "neg" when the message names
    one of them the positive class ("cat = positive class", "| predicted cat | predicted dog
    |"); unchanged otherwise, or when the labels name more or fewer than two classes."""
    positive = _positive_class(text)
    if positive is None or _POSITIVE_LABEL.fullmatch(positive) or \
            _NEGATIVE_LABEL.fullmatch(positive):
        return text
    classes = {m[2] for m in itertools.islice(_CLASS_LABEL.finditer(text), 8)}
    if len(classes) != 2 or positive not in classes:
        return text
    # every mention of the two classes as a word: a header may list both after one axis word
    # ("predicted: spam ham")
    return _CLASS_WORD_ANYWHERE.sub(lambda m: m[0] if m[0] not in classes else
                                    "pos" if m[0] == positive else "neg", text)


def _table(text: str) -> tuple[list[str], list[float]] | None:
    """The cells' counts and values of a labelled 2x2 table, or None."""
    found = _find_table(text)
    if found is None:
        return None
    groups = found.groups()
    # per label: (axis word, class word); then the values
    columns = [groups[0:2], groups[2:4]]
    rows = [groups[4:6], groups[8:10]]
    values = [float(groups[6]), float(groups[7]), float(groups[10]), float(groups[11])]
    row_axis = _axis_of(rows)
    column_axis = _axis_of(columns)
    if row_axis is None and column_axis is None or row_axis == column_axis:
        return None
    rows_actual = row_axis == "actual" if row_axis else column_axis == "predicted"
    # classes relabelled by name are "pos" and "neg" now; others may still be named positive
    positive = _positive_class(text) if _as_positive(text) == text else None
    row_first, column_first = (_is_positive(rows[0][1], positive),
                               _is_positive(columns[0][1], positive))
    if None in (row_first, column_first) or \
            _is_positive(rows[1][1], positive) is not (not row_first) or \
            _is_positive(columns[1][1], positive) is not (not column_first):
        return None  # a class that is neither, or both labels of one axis the same class
    return _cells(rows_actual, "positive" if row_first else "negative",
                  "positive" if column_first else "negative"), values


def _axis_of(labels) -> str | None:
    words = {("actual" if _ACTUAL_WORD.match(axis) else "predicted")
             for axis, _ in labels if axis}
    return words.pop() if len(words) == 1 else None


def _positive_class(text: str) -> str | None:
    """The class a message names positive ("spam = positive", "1 is the positive class")."""
    found = _NAMED_POSITIVE.search(text)
    return found.group(1) or found.group(2) if found else None


def _is_positive(label: str, positive: str | None) -> bool | None:
    if positive is not None:
        return label == positive
    if _POSITIVE_LABEL.fullmatch(label):
        return True
    return False if _NEGATIVE_LABEL.fullmatch(label) else None


def _axes(text: str) -> dict[str, bool]:
    """For "rows" and "columns", whether the message says it holds the actual class (True) or
    the prediction (False): the word right after the axis's name ("rows = actual"), else the
    word right before it ("pred on rows", "actual down the side"), else the first such word
    after it before the next axis is named, else the last one before it."""
    mentions = list(_AXIS.finditer(text))
    said: dict[str, bool] = {}
    for number, axis in enumerate(mentions):
        end = mentions[number + 1].start() if number + 1 < len(mentions) else len(text)
        start = mentions[number - 1].end() if number else 0
        before = [m for m in _HOLDS.finditer(text, max(start, axis.start() - _REACH),
                                             axis.start())]
        after = _HOLDS.search(text, axis.end(), min(end, axis.end() + _REACH))
        attached = after and _JUST_AFTER.fullmatch(text, axis.end(), after.start())
        adjacent = before and _JUST_BEFORE.fullmatch(text, before[-1].end(), axis.start())
        holds = (after if attached else before[-1] if adjacent else
                 after or (before[-1] if before else None))
        name = "rows" if axis.group(1) else "columns"
        if holds is not None and name not in said:
            said[name] = holds.group(1) is not None
    return said


def _orders(text: str, default: str | None) -> tuple[str | None, str | None]:
    """The order of the classes along the rows and along the columns ("positive" first or
    "negative" first): each axis's own statement, else one for both, else `default`."""
    both = _order(text) or default
    row_order = column_order = None
    mentions = list(_AXIS.finditer(text))
    for number, axis in enumerate(mentions):
        end = mentions[number + 1].start() if number + 1 < len(mentions) else len(text)
        order = _order(text[axis.end():min(end, axis.end() + _REACH + 20)])
        if axis.group(1):
            row_order = row_order or order
        else:
            column_order = column_order or order
    return row_order or both, column_order or both


def _order(text: str) -> str | None:
    positive, negative = _POSITIVE_FIRST.search(text), _NEGATIVE_FIRST.search(text)
    if positive and negative:
        return "positive" if positive.start() < negative.start() else "negative"
    return "positive" if positive else "negative" if negative else None


def _classes(order: str) -> tuple[str, str]:
    """The two classes in order, as the letter each count ends with ("p"ositive, "n"egative)."""
    return ("p", "n") if order == "positive" else ("n", "p")
