"""The range a figure may lie in, by its unit: one rule for every file and every option.

A share in per cent (unit `%`, or a goal whose indicator ends in `, %`) lies between 0
and 100; any other figure is finite and smaller than `MAX_MAGNITUDE` either way (no count,
rate or population of the agreement comes near it: a larger one is a typo, or a cell of
nines in an export). A unit that says something else than a share ("procentenheter",
"% förändring") is not bounded to 0–100. Pure: no I/O.
"""

from __future__ import annotations

import math

MAX_MAGNITUDE = 1e12
SHARE_UNITS = ("%", "procent", "percent")


def is_share(unit: str | None) -> bool:
    """Whether figures in `unit` are shares in per cent."""
    return unit is not None and unit.strip().lower() in SHARE_UNITS


def indicator_unit(indicator: str | None) -> str | None:
    """The unit a goal's indicator names after its last comma
    ("Andel elever i åk 9 … (ANDTS), %" → "%"), or None."""
    if not indicator or "," not in indicator:
        return None
    return indicator.rsplit(",", 1)[1].strip() or None


def value_range(unit: str | None) -> tuple[float, float]:
    """The lowest and highest figure `unit` allows."""
    if is_share(unit):
        return 0.0, 100.0
    return -MAX_MAGNITUDE, MAX_MAGNITUDE


def in_range(value: float, unit: str | None) -> bool:
    """Whether `value` (a float, or an int of any size) is finite and in `unit`'s range."""
    low, high = value_range(unit)
    try:
        number = float(value)
    except OverflowError:  # (an integer of hundreds of digits)
        return False
    return math.isfinite(number) and low <= number <= high


def is_finite(value: float) -> bool:
    """Not .nan or .inf (an integer always is, however large)."""
    return isinstance(value, int) or math.isfinite(value)


def shown(value: float) -> str:
    """A figure as a message shows it: `100`, `18.5`; a huge one stays short (`1e+400`)."""
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
        return text if len(text) <= 15 else f"{text[0]}.{text[1:4]}e+{len(text) - 1}"
    if (isinstance(value, float) and math.isfinite(value) and value.is_integer()
            and abs(value) < 1e15):
        return str(int(value))
    return f"{value:.6g}"
