"""The landing page's numbers: the claims audit's verdicts, how far the evidence reaches, and the
headline corrections, each computed from the tables (the page glues them into its opening)."""

from __future__ import annotations

import pandas as pd

from afterassad.chapters.claims import distinct_errors, earliest_evidence, verdict_counts, verdict_sources
from afterassad.chapters.equipment import documented_total, series_rows
from afterassad.chapters.milestones import offensive_launch, regime_fall
from afterassad.core import ranges
from afterassad.core.dates import long_date
from afterassad.core.text import Plain
from afterassad.data.sources import newest_dated


def landing_numbers(
    claims: pd.DataFrame, sources: pd.DataFrame, events: pd.DataFrame, equipment: pd.DataFrame
) -> dict[str, object]:
    totals = verdict_counts(claims).sum()
    behind = verdict_sources(claims, sources)
    state_lost = documented_total(series_rows(equipment, "syr_lost", offensive_launch(events)))
    state_claimed = documented_total(series_rows(equipment, "syr_lost", offensive_launch(events), claims=True))
    return {
        "intro_n_claims": len(claims),
        "intro_n_wrong": int(totals["wrong"]),
        "intro_n_wrong_distinct": distinct_errors(claims),
        "intro_n_misleading": int(totals["misleading"]),
        "intro_n_needs_context": int(totals["needs_context"]),
        "intro_n_correct": int(totals["correct"]),
        "intro_n_unverifiable": int(totals["unverifiable"]),
        "intro_n_verdict_sources": len(behind),
        "intro_n_verdict_low": int((behind["reliability"] == "low").sum()),
        "intro_n_registry": int((sources["source_type"] != "seed_article").sum()),
        "intro_state_documented": Plain(ranges.Range(state_lost.low, None, state_lost.high).words("items")),
        "intro_state_claimed": Plain(ranges.Range(state_claimed.low, None, state_claimed.high).words("items")),
        "intro_d_fall": Plain(long_date(regime_fall(events))),
        "intro_cutoff": Plain(long_date(newest_dated(sources))),
        "intro_year_may": earliest_evidence(claims, sources, "c001_p09_s01_a").year,
        "intro_month_africa_corps": Plain(f"{earliest_evidence(claims, sources, 'c001_p07_s01_a'):%B %Y}"),
    }


def key_findings(tables: dict[str, pd.DataFrame]) -> dict[str, object]:
    """The numbers of the landing page's key findings, taken from the chapters' own number functions,
    so that the summary and the chapters cannot say different things."""
    from afterassad.chapters import collapse, equipment, libya, new_syria, withdrawal

    ev = tables["events"]

    def chapter(name: str) -> pd.DataFrame:
        return ev[ev["chapter"] == name].reset_index(drop=True)

    offensive, _ = collapse.split_context(chapter("collapse"))
    c, _ = collapse.chapter_numbers(events=offensive, actors=tables["actors"], places=tables["places"])
    w, _ = withdrawal.chapter_numbers(
        all_events=ev,
        events=chapter("withdrawal"),
        movements=tables["movements"].query("chapter == 'withdrawal'").reset_index(drop=True),
        site_status=tables["site_status"],
        estimates=tables["estimates"].query("chapter == 'withdrawal'").reset_index(drop=True),
        equipment=tables["equipment"],
        platforms=tables["platforms"],
        places=tables["places"],
        sources=tables["sources"],
    )
    li, _ = libya.chapter_numbers(
        all_events=ev,
        estimates=tables["estimates"],
        events=chapter("libya"),
        movements=tables["movements"],
        places=tables["places"],
        platforms=tables["platforms"],
        sites_table=tables["sites"],
    )
    eq, _ = equipment.chapter_numbers(
        all_events=ev, deflators=tables["deflators"], equipment=tables["equipment"], estimates=tables["estimates"]
    )
    ns = new_syria.numbers(tables)
    picked = {
        "collapse": (
            c,
            [
                "days_to_damascus",
                "d_start",
                "d_aleppo_enter",
                "d_hama",
                "d_damascus",
                "km_damascus",
                "n_actors_taking_ground",
                "n_russian_strikes",
                "d_last_russian_strike",
                "d_peskov_asylum",
            ],
        ),
        "withdrawal": (
            w,
            [
                "by_manbij_kobani",
                "d_qamishli_last",
                "n_sites",
                "n_vacated",
                "n_vacated_claimed",
                "status_hmeimim",
                "bases_status",
                "d_status_hmeimim",
                "status_tartus",
                "d_status_tartus",
                "sea_capacity",
                "air_capacity_high",
                "days_offshore",
                "d_sparta_dock",
                "sparta_dock_span",
                "airlift_count",
                "airlift_span",
            ],
        ),
        "libya": (
            li,
            [
                "un_flights",
                "un_flights_span",
                "n_estimates",
                "est_min",
                "est_max",
                "newest_estimate",
                "km_longest",
                "longest_leg",
                "n_legs_within_il76",
                "n_legs_precise",
                "on_turkey_airspace",
                "on_il62_turkey",
            ],
        ),
        "equipment": (eq, ["headline", "provided"]),
        "new_syria": (ns, ["n_from_russia", "n_link_stated", "n_link_timing", "n_link_none", "on_qamishli_handover", "d_latest"]),
    }
    out = {}
    for chapter_name, (numbers, names) in picked.items():
        for name in names:
            value = numbers[name]
            out[f"kf_{chapter_name}_{name}"] = value if isinstance(value, int) else Plain(str(value))
    return out
