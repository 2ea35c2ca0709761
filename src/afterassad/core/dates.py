"""Date wording shared by every chapter. A date is written no more precisely than it is known."""

from __future__ import annotations

import pandas as pd


def day_month(ts: pd.Timestamp) -> str:
    """'8 Dec'."""
    return f"{ts.day} {ts:%b}"


def long_date(ts: pd.Timestamp) -> str:
    """'8 December 2024'."""
    return f"{ts.day} {ts:%B %Y}"


def with_precision(ts: pd.Timestamp, precision: str) -> str:
    """A date in words at its stated precision: '8 December 2024', 'week of 8 December 2024',
    'December 2024' or '2024'. The contract stores a month or a year as its first day."""
    if pd.isna(ts):
        return "undated"
    if precision == "day":
        return long_date(ts)
    if precision == "week":
        return f"week of {long_date(ts)}"
    if precision == "month":
        return f"{ts:%B %Y}"
    if precision == "year":
        return f"{ts.year}"
    raise ValueError(f"unknown date precision {precision!r}")


def span(start: pd.Timestamp, end: pd.Timestamp | None, precision: str = "day") -> str:
    """'8–14 December 2024', '30 December 2024 – 2 January 2025', or one date if there is no end."""
    if end is None or pd.isna(end) or end == start:
        return with_precision(start, precision)
    if precision != "day":
        return f"{with_precision(start, precision)} to {with_precision(end, precision)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{long_date(end)}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {long_date(end)}"
    return f"{long_date(start)} – {long_date(end)}"


def on_date(ts: pd.Timestamp, precision: str) -> str:
    """A date as it sits in a sentence, with the preposition its precision calls for:
    'on 8 December 2024', 'in the week of 8 December 2024', 'in December 2024', 'in 2024'."""
    words = with_precision(ts, precision)
    return {"day": "on ", "week": "in the ", "month": "in ", "year": "in "}[precision] + words
