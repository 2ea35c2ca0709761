"""The source registry's shared reading: who wrote a source (its outlet), for the contract's
independence rule, the chapters' evidence summaries and the reference list."""

from __future__ import annotations

import pandas as pd

# How the references name the two articles the report starts from ("Article under test 1" for seed_000).
ARTICLE_UNDER_TEST = "Article under test"


def outlet(row: pd.Series) -> str:
    """Who wrote it, shortly: the original outlet of a syndicated copy, without qualifiers."""
    if str(row["source_id"]).startswith("seed_"):
        return ARTICLE_UNDER_TEST + " " + str(int(str(row["source_id"]).removeprefix("seed_")) + 1)
    name = (
        row["original_publisher"]
        if isinstance(row["original_publisher"], str) and row["original_publisher"]
        else row["publisher"]
    )
    return name.split(";")[0].split(" (")[0].split(" / ")[0].strip()


def newest_dated(sources: pd.DataFrame, source_ids=None) -> pd.Timestamp:
    """How far the evidence reaches: the newest publication date, known to the day, among `source_ids`
    (default: every source but the seed articles under test)."""
    pool = (
        sources[sources["source_type"] != "seed_article"]
        if source_ids is None
        else sources[sources["source_id"].isin(set(source_ids))]
    )
    return pool.loc[pool["date_published_precision"] == "day", "date_published"].max()
