"""Calculations read from free text (see slots.py): this face re-exports what code outside the
package uses.
"""

from service.core.calcparse.slots import (
    SLOT_QUESTIONS,
    CalcRequest,
    fill,
    find_matrix,
    find_slots,
    parse_calculation,
)

__all__ = ["SLOT_QUESTIONS", "CalcRequest", "fill", "find_matrix", "find_slots",
           "parse_calculation"]
