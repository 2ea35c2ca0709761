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
