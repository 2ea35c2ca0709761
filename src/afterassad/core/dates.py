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


def on_date(ts: pd.Timestamp, precision: str, end: pd.Timestamp | None = None) -> str:
    """A date as it sits in a sentence, with the preposition its precision calls for:
    'on 8 December 2024', 'in the week of 8 December 2024', 'in December 2024', 'in 2024'; a span
    the sources give only as its two ends reads 'between 8 and 21 February 2026'."""
    if end is not None and not pd.isna(end) and with_precision(end, precision) != with_precision(ts, precision):
        if precision == "week":  # a span of weeks reads as its days
            precision = "day"
        if precision != "day":
            return f"between {with_precision(ts, precision)} and {with_precision(end, precision)}"
        if (ts.year, ts.month) == (end.year, end.month):
            return f"between {ts.day} and {long_date(end)}"
        if ts.year == end.year:
            return f"between {ts.day} {ts:%B} and {long_date(end)}"
        return f"between {long_date(ts)} and {long_date(end)}"
    words = with_precision(ts, precision)
    return {"day": "on ", "week": "in the ", "month": "in ", "year": "in "}[precision] + words


def by_date(row) -> str:
    """The latest a fact can be, as a sentence's "by ..." names it: the end of the span the sources
    give (date_end), or the date itself, at the row's precision."""
    end = row.get("date_end")
    last = row["date"] if end is None or pd.isna(end) else end
    return with_precision(last, row["date_precision"])
