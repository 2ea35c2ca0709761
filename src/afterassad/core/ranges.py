"""Arithmetic on low/best/high ranges, shared by the chapters that add up estimates.

A range may lack any of its three values. Adding ranges keeps what is known: the low of a sum is
the sum of the lows, the high the sum of the highs, and the best exists only when every part has
one. A part with no high ("at least seven flights") makes the sum open-ended above.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Range:
    low: float
    best: float | None
    high: float
    open_high: bool = False  # some part gave no upper bound: the true high may be larger

    def __add__(self, other: Range) -> Range:
        best = None if self.best is None or other.best is None else self.best + other.best
        return Range(self.low + other.low, best, self.high + other.high, self.open_high or other.open_high)

    def scale(self, factor: Range) -> Range:
        """Multiply two non-negative ranges (a count by a payload): low by low, high by high."""
        best = None if self.best is None or factor.best is None else self.best * factor.best
        return Range(self.low * factor.low, best, self.high * factor.high, self.open_high or factor.open_high)

    def words(self, unit: str = "", fmt: str = "{:,.0f}") -> str:
        """'7', '7 to 12', 'at least 7', '7 to 12 (best 9)'.

        A range open above reads 'at least' its low; a unit of exactly one is singular ('1 ship', 'at least 1 flight')."""
        if unit and self.low == self.high == 1:  # "1 ship", "at least 1 flight"
            unit = SINGULAR.get(unit, unit[:-1] if unit.endswith("s") else unit)
        u = f" {unit}" if unit else ""
        low, high = fmt.format(self.low), fmt.format(self.high)
        if self.open_high:  # "8,450 to 8,500 or more" bounds nothing above: it says only "at least 8,450"
            return f"at least {low}{u}"
        if self.low == self.high:
            return f"{low}{u}"
        text = f"{low} to {high}{u}"
        if self.best is not None and self.low < self.best < self.high:
            text += f" (best {fmt.format(self.best)})"
        return text


ZERO = Range(0.0, 0.0, 0.0)
SINGULAR = {"people": "person", "tonnes": "tonne"}


def _value(x) -> float | None:
    return None if x is None or pd.isna(x) else float(x)


def from_values(low, best, high) -> Range:
    """A Range from three cells, any of which may be missing (at least one must be present)."""
    low, best, high = _value(low), _value(best), _value(high)
    known = [v for v in (low, best, high) if v is not None]
    if not known:
        raise ValueError("a range needs at least one of low, best, high")
    lo = low if low is not None else min(known)
    hi = high if high is not None else max(known)
    return Range(lo, best, hi, open_high=high is None and best is None)


def from_row(row, prefix: str) -> Range:
    """The range in columns <prefix>_low, <prefix>_best, <prefix>_high of a row."""
    return from_values(row[f"{prefix}_low"], row[f"{prefix}_best"], row[f"{prefix}_high"])


def total(ranges) -> Range:
    out = ZERO
    for r in ranges:
        out = out + r
    return out
