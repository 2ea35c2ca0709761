"""The source registry's shared reading: who wrote a source (its outlet), for the contract's
independence rule, the chapters' evidence summaries and the reference list."""

from __future__ import annotations

import pandas as pd


def outlet(row: pd.Series) -> str:
    """Who wrote it, shortly: the original outlet of a syndicated copy, without qualifiers."""
    if str(row["source_id"]).startswith("seed_"):
        return "Seed article " + str(row["source_id"]).removeprefix("seed_")
    name = (
        row["original_publisher"]
        if isinstance(row["original_publisher"], str) and row["original_publisher"]
        else row["publisher"]
    )
    return name.split(";")[0].split(" (")[0].split(" / ")[0].strip()
