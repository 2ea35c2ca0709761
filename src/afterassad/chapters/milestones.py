"""Dates every chapter measures from, read from the events table rather than typed in."""

from __future__ import annotations

import pandas as pd


def regime_fall(events: pd.DataFrame) -> pd.Timestamp:
    """The day the regime fell: the first change of control of Damascus in the data."""
    damascus = events[(events["event_type"] == "control_change") & (events["place_id"] == "damascus")]
    if damascus.empty:
        raise ValueError("no change of control of Damascus in the events table")
    return damascus["date"].min()


def offensive_launch(events: pd.DataFrame) -> pd.Timestamp:
    """The day the offensive that ended the regime began: the earliest offensive_launch event."""
    launches = events[events["event_type"] == "offensive_launch"]
    if launches.empty:
        raise ValueError("no offensive_launch event in the events table")
    return launches["date"].min()


def dates_of(events: pd.DataFrame, named: dict[str, str], prefix: str = "d_", in_sentence: bool = False) -> dict[str, str]:
    """The dates the prose names, as precisely as each is known: {prefix + name: date in words} for
    {name: fact id}. `events` has event_id, date and date_precision columns (other fact tables can be
    renamed to match: see dated_facts). With `in_sentence`, each date carries the preposition its
    precision calls for ("on 13 December 2024", "in December 2024"), so a date the sources give only
    to the month never reads as a day. A named fact missing from the data fails loudly rather than leaving a gap."""
    from afterassad.core.dates import on_date, with_precision
    from afterassad.core.text import Plain

    def words(row) -> str:
        # In a sentence, a fact the sources date only between two days reads "between 8 and 21
        # February 2026"; alone, a date names when the fact began (a signature, a first report).
        if in_sentence:
            return on_date(row["date"], row["date_precision"], row.get("date_end"))
        return with_precision(row["date"], row["date_precision"])

    ev = events.set_index("event_id")
    missing = sorted(set(named.values()) - set(ev.index))
    if missing:
        raise KeyError(f"events the prose names are not in the data: {missing}")
    return {f"{prefix}{name}": Plain(words(ev.loc[i])) for name, i in named.items()}


def ends_of(events: pd.DataFrame, named: dict[str, str], prefix: str = "by_") -> dict[str, str]:
    """The latest each named fact can be, as a sentence's "by ..." names it: the end of the span the
    sources give, or the date itself (dates.by_date)."""
    from afterassad.core.dates import by_date
    from afterassad.core.text import Plain

    ev = events.set_index("event_id")
    missing = sorted(set(named.values()) - set(ev.index))
    if missing:
        raise KeyError(f"events the prose names are not in the data: {missing}")
    return {f"{prefix}{name}": Plain(by_date(ev.loc[i])) for name, i in named.items()}


def dated_facts(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Events, movements, deliveries and estimates as one frame that dates_of reads (an estimate's date is its as_of)."""
    renames = {
        "events": {},
        "movements": {"movement_id": "event_id"},
        "deliveries": {"delivery_id": "event_id"},
        "estimates": {"estimate_id": "event_id", "as_of": "date", "as_of_precision": "date_precision"},
    }
    return pd.concat(
        [
            tables[t].rename(columns=r).reindex(columns=["event_id", "date", "date_end", "date_precision"])
            for t, r in renames.items()
            if t in tables
        ],
        ignore_index=True,
    )
