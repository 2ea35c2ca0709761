"""What it means, and what to watch: the closing chapter. It adds no new facts: it reads, for each
indicator a reader can follow, the latest state the data record and its date. It predicts nothing."""

from __future__ import annotations

import pandas as pd

from afterassad.chapters.bases import SITE_STATUS_LABELS, current_status
from afterassad.chapters.milestones import dated_facts, dates_of
from afterassad.core.dates import on_date, with_precision

# The facts each indicator starts from (the latest the data hold for it, as of the evidence cut-off).
INDICATOR_FACTS = {
    "turkey_straits": "ev_20220227_turkey_straits_closed",
    "turkey_airspace": "ev_20220423_turkey_airspace_closed",
    "trump_riyadh": "ev_20250513_trump_riyadh_sanctions",
    "eu_lifts": "ev_20250520_eu_lifts_sanctions",
    "fto_revoked": "ev_20250707_hts_fto_revoked",
    "gulf_arrears": "ev_20250427_saudi_qatar_world_bank",
    "turkey_mou": "ev_20250813_turkey_syria_defence_mou",
    "africa_corps_mali": "ev_20250608_africa_corps_takes_over_mali",
    "an124_rfi": "mv_20250516_an124_hmeimim_khadim_rfi",
    "il62": "mv_20251126_il62_russia_eastern_libya",
    "flights_resume": "ev_20251024_flights_resume",
    "peskov_bases": "ev_20251016_peskov_bases_patrols",
    "sharaa_moscow_2": "ev_20260128_sharaa_moscow_second",
    "qamishli_handover": "ev_20260221_qamishli_airport_handover",
    "metagaz": "ev_20260303_arctic_metagaz_sinks_off_libya",
    "sudan_base": "ev_20250212_sudan_base_agreement",
    "lavrov_feb": "ev_20260219_lavrov_bases_talks",
    "sharaa_moscow": "ev_20251015_sharaa_moscow",
}
MAIN_BASES = {"hmeimim": "hmeimim_air_base", "tartus": "tartus_naval_base"}


def latest_status(site_status: pd.DataFrame, place_id: str) -> pd.Series:
    """The standing status of one site: its newest row that sets the status (a party's later claim
    does not override firmer evidence; bases.current_status)."""
    rows = current_status(site_status[site_status["place_id"] == place_id])
    if rows.empty:
        raise KeyError(f"no status recorded for {place_id}")
    return rows.iloc[-1]


def newest_personnel_estimate(estimates: pd.DataFrame) -> str:
    """When the newest estimate of Russian personnel in Libya is dated, at its precision."""
    people = estimates[(estimates["chapter"] == "libya") & (estimates["asset_kind"] == "personnel")]
    newest = people.sort_values(["as_of", "estimate_id"]).iloc[-1]
    words = with_precision(newest["as_of"], newest["as_of_precision"])
    return f"the {words}" if newest["as_of_precision"] == "week" else words


def chapter_numbers(tables: dict[str, pd.DataFrame]) -> dict[str, object]:
    """Every date and status the chapter's text weaves in, from the tables alone."""
    numbers: dict[str, object] = dates_of(dated_facts(tables), INDICATOR_FACTS, prefix="on_", in_sentence=True)
    for name, place_id in MAIN_BASES.items():
        row = latest_status(tables["site_status"], place_id)
        numbers[f"status_{name}"] = SITE_STATUS_LABELS[row["site_status"]].lower()  # "operational", "held, no use documented"
        numbers[f"on_status_{name}"] = on_date(row["date"], row["date_precision"])
    numbers["newest_libya_estimate"] = newest_personnel_estimate(tables["estimates"])
    return numbers
