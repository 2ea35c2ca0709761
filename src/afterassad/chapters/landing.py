"""The landing page's numbers: the claims audit's verdicts, how far the evidence reaches, and the
headline corrections, each computed from the tables (the page glues them into its opening)."""

from __future__ import annotations

import pandas as pd

from afterassad.chapters.claims import earliest_evidence, verdict_counts, verdict_sources
from afterassad.chapters.equipment import documented_total, series_rows
from afterassad.chapters.milestones import offensive_launch, regime_fall
from afterassad.core import ranges
from afterassad.core.dates import long_date
from afterassad.core.text import Plain


def landing_numbers(
    claims: pd.DataFrame, sources: pd.DataFrame, events: pd.DataFrame, equipment: pd.DataFrame
) -> dict[str, object]:
    totals = verdict_counts(claims).sum()
    behind = verdict_sources(claims, sources)
    state_lost = documented_total(series_rows(equipment, "syr_lost", offensive_launch(events)))
    return {
        "intro_n_claims": len(claims),
        "intro_n_wrong": int(totals["wrong"]),
        "intro_n_misleading": int(totals["misleading"]),
        "intro_n_needs_context": int(totals["needs_context"]),
        "intro_n_correct": int(totals["correct"]),
        "intro_n_unverifiable": int(totals["unverifiable"]),
        "intro_n_verdict_sources": len(behind),
        "intro_n_verdict_low": int((behind["reliability"] == "low").sum()),
        "intro_n_registry": int((sources["source_type"] != "seed_article").sum()),
        "intro_state_documented": Plain(ranges.Range(state_lost.low, None, state_lost.high).words("items")),
        "intro_d_fall": Plain(long_date(regime_fall(events))),
        "intro_cutoff": Plain(long_date(evidence_cutoff(sources))),
        "intro_year_may": earliest_evidence(claims, sources, "c001_p09_s01_a").year,
        "intro_month_africa_corps": Plain(f"{earliest_evidence(claims, sources, 'c001_p07_s01_a'):%B %Y}"),
    }


def evidence_cutoff(sources: pd.DataFrame) -> pd.Timestamp:
    """How far the evidence reaches: the newest publication date, known to the day, of any source in
    the registry other than the seed articles under test."""
    dated = sources[(sources["source_type"] != "seed_article") & (sources["date_published_precision"] == "day")]
    return dated["date_published"].max()
