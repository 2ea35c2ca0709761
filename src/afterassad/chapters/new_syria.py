"""The new-Syria chapter's analysis: the bargain between Moscow and the new authorities in Damascus
from January 2025 to the latest reporting. Contacts, asks and statements (events), deliveries and
concessions (deliveries), the status of each Russian site (site_status), and debts (estimates),
laid out in lanes of one time axis; each base's status at the latest reporting; and what Russia
delivered set against what was asked and what it kept.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from afterassad.chapters.bases import SITE_STATUS_LABELS, current_status, site_names, status_periods, status_timeline_figure
from afterassad.chapters.milestones import dated_facts, dates_of, ends_of
from afterassad.core import ranges
from afterassad.core.dates import long_date, with_precision
from afterassad.core.text import clip, html, short_name
from afterassad.data.sources import newest_dated
from afterassad.figures import style
from afterassad.figures.timeline import stack_in_lanes

START = pd.Timestamp("2025-01-01")  # the chapter picks up where the seed articles and the drawdown leave off

LANES = ["Diplomacy", "Assad's fate", "Energy and grain", "Money", "Ports", "Bases and military"]
LANE_COLOURS = {
    "Diplomacy": "#0072B2",
    "Assad's fate": "#882255",
    "Energy and grain": "#DDAA33",
    "Money": "#117733",
    "Ports": "#44AA99",
    "Bases and military": style.actor_colour("russia"),
}
LEVER_LANE = {
    "crude_oil": "Energy and grain",
    "fuel": "Energy and grain",
    "gas": "Energy and grain",
    "grain": "Energy and grain",
    "banknotes": "Money",
    "money": "Money",
    "port_concession": "Ports",
    "other": "Diplomacy",
}
LEVER_LABELS = {
    "crude_oil": "Crude oil",
    "fuel": "Fuel",
    "gas": "Gas",
    "grain": "Grain",
    "banknotes": "Banknotes",
    "money": "Money",
    "port_concession": "Port concession",
    "other": "Other",
}
MILITARY_TYPES = {"military_movement", "deployment", "imagery", "control_change", "airstrike"}
# An event's lane, by what it is about. Rules are tried in order; the first that matches wins, so an
# event about Assad's handover stays in that lane even if it was raised in a diplomatic visit.
# The words are matched in the event's own summary (a paraphrase of its sources).
TOPIC_RULES = [
    (
        "Assad's fate",
        re.compile(
            r"asylum|handover|hand(ed|ing)? (him|Assad|over)|extradit|arrest warrant|return Assad|"
            r"Assad be brought|prosecuting Assad",
            re.I,
        ),
    ),
    ("Money", re.compile(r"banknote|currency|\bcash\b|\bdebt|Goznak|central bank", re.I)),
    ("Energy and grain", re.compile(r"\bwheat\b|\bgrain\b|crude|\bfuel\b|\boil\b|\benergy\b|\bgas\b", re.I)),
    ("Ports", re.compile(r"commercial port|port contract|\bconcession|Stroytransgaz|\bSTG\b|DP World|CMA CGM", re.I)),
    ("Bases and military", re.compile(r"\bbases?\b|Hmeimim|Qamishli|patrol|military police|defen[cs]e minister", re.I)),
]
RUSSIAN_SITES_IN_SYRIA = ["hmeimim_air_base", "tartus_naval_base", "qamishli_airport"]


def event_lane(row) -> str:
    """The lane of one event: military acts by their type, visits and calls in diplomacy unless they
    were about Assad, then the first topic rule its summary meets."""
    if row["event_type"] in MILITARY_TYPES:
        return "Bases and military"
    if row["event_type"] == "diplomacy":
        return "Assad's fate" if TOPIC_RULES[0][1].search(str(row["summary"])) else "Diplomacy"
    for lane, pattern in TOPIC_RULES:
        if pattern.search(str(row["summary"])):
            return lane
    return "Diplomacy"


def chapter_events(events: pd.DataFrame) -> pd.DataFrame:
    """The chapter's events: its own rows, and the withdrawal chapter's rows from January 2025 on
    (the end of the drawdown and the first talks, which this chapter's timeline continues)."""
    rows = events[(events["chapter"] == "new_syria") | ((events["chapter"] == "withdrawal") & (events["date"] >= START))]
    return rows.sort_values(["date", "event_id"]).reset_index(drop=True)


def story(events: pd.DataFrame, deliveries: pd.DataFrame, site_status: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Every move of the bargain as one row: its lane, date (and end), what it was, how far it is
    established, and the fact behind it."""
    ev = chapter_events(events)
    place = places.set_index("place_id")["name"].map(short_name)
    parts = [
        pd.DataFrame(
            {
                "fact_id": ev["event_id"],
                "table": "events",
                "date": ev["date"],
                "date_end": ev["date_end"],
                "precision": ev["date_precision"],
                "lane": [event_lane(r) for _, r in ev.iterrows()],
                "what": ev["summary"],
                "status": ev["status"],
                "source_ids": ev["source_ids"],
            }
        )
    ]
    dl = deliveries[deliveries["date"] >= START - pd.Timedelta(days=31)]
    parts.append(
        pd.DataFrame(
            {
                "fact_id": dl["delivery_id"],
                "table": "deliveries",
                "date": dl["date"],
                "date_end": dl["date_end"],
                "precision": dl["date_precision"],
                "lane": dl["lever"].map(LEVER_LANE),
                "what": dl["lever"].map(LEVER_LABELS) + ": " + dl["description"],
                "status": dl["status"],
                "source_ids": dl["source_ids"],
            }
        )
    )
    st = site_status[site_status["place_id"].isin(RUSSIAN_SITES_IN_SYRIA) & (site_status["date"] >= START)]
    parts.append(
        pd.DataFrame(
            {
                "fact_id": st["status_id"],
                "table": "site_status",
                "date": st["date"],
                "date_end": pd.NaT,
                "precision": st["date_precision"],
                "lane": "Bases and military",
                "what": st["place_id"].map(place)
                + ": "
                + st["site_status"].map(SITE_STATUS_LABELS).str.lower()
                + ". "
                + st["basis"],
                "status": st["status"],
                "source_ids": st["source_ids"],
            }
        )
    )
    rows = pd.concat([p for p in parts if not p.empty], ignore_index=True)
    return rows.sort_values(["date", "fact_id"]).reset_index(drop=True)


def timeline_figure(rows: pd.DataFrame) -> go.Figure:
    """One lane per kind of move, one marker per fact in its lane's colour (a filled square: confirmed;
    an open one: reported; a cross: claimed), stacked so that none hides another; empty stretches of a
    lane are the record's silences."""
    lanes = [lane for lane in LANES if (rows["lane"] == lane).any()]
    placed = stack_in_lanes(rows, "lane", lanes, end_col="date_end")
    rows = rows.assign(y=placed.y)
    fig = go.Figure()
    for r in rows[rows["date_end"].notna()].itertuples():
        fig.add_trace(
            go.Scatter(
                x=[r.date, r.date_end],
                y=[r.y, r.y],
                mode="lines",
                showlegend=False,
                hoverinfo="skip",
                line=dict(color=LANE_COLOURS[r.lane], width=3),
            )
        )
    # Colour is the lane, shape the status; the legend keys the shapes in neutral ink, as every status
    # figure of the report does, so that no lane's colour reads as a status.
    style.add_status_legend(fig, size=11)
    for status in style.STATUS_GLYPHS:
        part = rows[rows["status"] == status]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part["date"],
                y=part["y"],
                mode="markers",
                name=style.STATUS_KEYS[status],
                showlegend=False,
                marker=dict(size=9, **style.status_marker(status, list(part["lane"].map(LANE_COLOURS)))),
                text=[
                    f"<b>{html(with_precision(d, p))}</b> ({html(lane)}, {status})<br>"
                    + "<br>".join(html(w[i : i + 90]) for i in range(0, min(len(w), 270), 90))
                    + ("…" if len(w) > 270 else "")
                    for d, p, lane, w in zip(part["date"], part["precision"], part["lane"], part["what"])
                ],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    placed.style_axis(fig)
    fig.update_xaxes(type="date", title="Date of the move (not of its reporting)", tickformat="%b<br>%Y", dtick="M2")
    fig.update_layout(legend={**style.TOP_LEGEND, "title": None}, height=placed.height_px(base=260))
    return fig


def lane_counts(rows: pd.DataFrame) -> pd.DataFrame:
    """Facts per lane and status, and each lane's longest silence (days between consecutive moves)."""
    out = []
    for lane in LANES:
        part = rows[rows["lane"] == lane].sort_values("date")
        gaps = part["date"].diff().dropna()
        longest = gaps.max() if not gaps.empty else pd.NaT
        after = part["date"].iloc[gaps.reset_index(drop=True).idxmax()] if not gaps.empty else pd.NaT
        out.append(
            {
                "lane": lane,
                "facts": len(part),
                "confirmed": int((part["status"] == "confirmed").sum()),
                "reported": int((part["status"] == "reported").sum()),
                "claimed": int((part["status"] == "claimed").sum()),
                "first": part["date"].min(),
                "last": part["date"].max(),
                "longest_gap_days": int(longest.days) if pd.notna(longest) else None,
                "gap_from": after,
            }
        )
    return pd.DataFrame(out)


# ------------------------------------------------------------------ each base at the latest reporting


ON_RECORD_BASES = {"official_on_record", "party_statement"}


def rests_on_statements(fact_ids: pd.Series, evidence: pd.DataFrame) -> pd.Series:
    """Whether each fact's evidence is only what officials or parties said (no imagery, tracking,
    reporter's observation or other basis): such a status proves that it was said, not that it holds."""
    cited = evidence[(evidence["stance"] != "derived") & evidence["fact_id"].isin(fact_ids)]
    only_words = cited.groupby("fact_id")["basis"].agg(lambda b: set(b.dropna()) <= ON_RECORD_BASES)
    return fact_ids.map(only_words).fillna(False).astype(bool)


def base_board(
    site_status: pd.DataFrame,
    places: pd.DataFrame,
    sources: pd.DataFrame,
    evidence: pd.DataFrame | None = None,
    actors: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each Russian site in Syria with a status row: its latest status, the date that evidence
    describes, how far it is established (a confirmed status that rests only on what officials said
    reads "said on record" when `evidence` is given; a claim names its claimant when `actors` is),
    the evidence in brief, and its sources."""
    rows = current_status(site_status)
    rows = rows[rows["place_id"].isin(RUSSIAN_SITES_IN_SYRIA) | (rows["date"] >= START)]
    name = site_names(places)
    claimant = {} if actors is None else actors.set_index("actor_id")["name"].map(short_name).to_dict()
    outlet = sources.set_index("source_id")

    def outlets(ids: str) -> str:
        names = [
            outlet.loc[s, "original_publisher"]
            if isinstance(outlet.loc[s, "original_publisher"], str) and outlet.loc[s, "original_publisher"]
            else outlet.loc[s, "publisher"]
            for s in ids.split(";")
            if s in outlet.index
        ]
        return "; ".join(dict.fromkeys(names))

    frame = pd.DataFrame(
        {
            "place_id": rows["place_id"].values,
            "site": rows["place_id"].map(name).values,
            "site_status": rows["site_status"].values,
            "date": rows["date"].values,
            "precision": rows["date_precision"].values,
            "status": [
                f"claimed by {claimant.get(by, by)}"
                if st == "claimed" and isinstance(by, str) and by
                else style.status_label(st, "statement" if said else "")
                for st, by, said in zip(
                    rows["status"],
                    rows["claimed_by"],
                    rests_on_statements(rows["status_id"], evidence) if evidence is not None else [False] * len(rows),
                )
            ],
            "basis": rows["basis"].values,
            "outlets": rows["source_ids"].map(outlets).values,
            "status_id": rows["status_id"].values,
        }
    )
    order = {p: i for i, p in enumerate(RUSSIAN_SITES_IN_SYRIA)}
    frame["order"] = frame["place_id"].map(order).fillna(len(order))
    return frame.sort_values(["order", "date"], ascending=[True, False]).drop(columns="order").reset_index(drop=True)


def board_figure(site_status: pd.DataFrame, places: pd.DataFrame, board: pd.DataFrame, until: pd.Timestamp) -> go.Figure:
    """Each site on the board as a lane from January 2025 to the latest reporting, coloured by its
    status and faded after its last evidence, with every piece of evidence as a marker."""
    rows = site_status[site_status["place_id"].isin(board["place_id"])]
    periods = status_periods(rows, places, until)
    periods = periods[periods["end"] >= START].copy()
    periods["date"] = periods["date"].clip(lower=START)
    fig = status_timeline_figure(periods)
    fig.update_xaxes(range=[START - pd.Timedelta(days=7), until + pd.Timedelta(days=20)], dtick="M2")
    return fig


def board_table(board: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "Site": board["site"],
            "Status at the latest reporting": board["site_status"].map(SITE_STATUS_LABELS),
            "As of": [with_precision(d, p) for d, p in zip(board["date"], board["precision"])],
            "How far established": board["status"],
            "Evidence": board["basis"],
            "Outlets": board["outlets"],
        }
    )
    frame.attrs["fact_ids"] = list(board["status_id"])
    return frame


# ------------------------------------------------------------------ delivered, asked, kept


def deliveries_table(deliveries: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Every delivery, halt or concession in date order: what (and to whom, for a concession), how
    much, how it became known, whether a source ties it to an ask or concession, how far established."""
    rows = deliveries.sort_values(["date", "delivery_id"])
    actor = actors.set_index("actor_id")["name"].map(short_name)
    what = rows["lever"].map(LEVER_LABELS) + [
        f" to {actor.get(t, t)}" if lever == "port_concession" and isinstance(t, str) else ""
        for lever, t in zip(rows["lever"], rows["to_actor_id"])
    ]
    frame = pd.DataFrame(
        {
            "When": [with_precision(d, p) for d, p in zip(rows["date"], rows["date_precision"])],
            "What": ["Halt of " + w.lower() if is_halt(r) else w for w, (_, r) in zip(what, rows.iterrows())],
            "Quantity": [quantity_words(r) for _, r in rows.iterrows()],
            "How known": rows["how_known"].str.replace("_", " "),
            "Tied to an ask or concession": rows["link"].map(LINK_WORDS).fillna("no"),
            "Status": rows["status"],
        }
    )
    frame.attrs["fact_ids"] = list(rows["delivery_id"])
    return frame


def quantity_words(row) -> str:
    """A delivery's quantity as the sources give it: money in millions or billions of dollars, the rest with its unit."""
    if all(pd.isna(row[f"quantity_{k}"]) for k in ("low", "best", "high")):
        return "not given"
    rng = ranges.from_row(row, "quantity")
    if row["quantity_unit"] == "usd":

        def money(v):
            return f"${v / 1e9:,.1f}bn" if v >= 1e9 else f"${v / 1e6:,.0f}m"

        return money(rng.low) if rng.low == rng.high else f"{money(rng.low)} to {money(rng.high)}"
    return rng.words(UNIT_WORDS.get(row["quantity_unit"], ""))


UNIT_WORDS = {
    "tonnes": "tonnes",
    "barrels": "barrels",
    "cubic_metres": "cubic metres",
    "usd": "US dollars",
    "shipments": "shipments",
    "banknotes": "banknotes",
}
LINK_WORDS = {"stated": "yes, a source says so", "timing_only": "close in time only"}


def asks(events: pd.DataFrame) -> pd.DataFrame:
    """What each side said it asked for or offered: the chapter's negotiation events, by who asked."""
    ev = chapter_events(events)
    rows = ev[ev["event_type"] == "negotiation"].copy()
    rows["side"] = rows["actor_id"].map(lambda a: "Russia" if a == "russia" else ("Damascus" if a in DAMASCUS else "Other"))
    rows["lane"] = [event_lane(r) for _, r in rows.iterrows()]
    return rows.reset_index(drop=True)


DAMASCUS = {"transitional_government", "al_jolani", "hts_coalition"}


def delivered_against_asked(events: pd.DataFrame, deliveries: pd.DataFrame, site_status: pd.DataFrame) -> dict:
    """The chapter's one analysis beyond the reporting, as numbers: Russia's deliveries by link to
    an ask or concession (stated by a source, timing only, none), Damascus's asks, and what Russia
    still held at the latest reporting."""
    from_russia = deliveries[(deliveries["from_actor_id"] == "russia") & ~deliveries.apply(is_halt, axis=1)]
    concessions = deliveries[deliveries["lever"] == "port_concession"]
    ask_rows = asks(events)
    latest = current_status(site_status)
    held = latest[latest["place_id"].isin(RUSSIAN_SITES_IN_SYRIA) & (latest["site_status"] != "vacated")]
    return {
        "deliveries_from_russia": len(from_russia),
        "link_stated": int((from_russia["link"] == "stated").sum()),
        "link_timing_only": int((from_russia["link"] == "timing_only").sum()),
        "link_none": int(from_russia["link"].isna().sum()),
        "by_lever": from_russia["lever"].map(LEVER_LABELS).value_counts().to_dict(),
        "concessions_to_others": int(concessions.loc[concessions["to_actor_id"] != "russia", "to_actor_id"].nunique()),
        "asks_by_damascus": int((ask_rows["side"] == "Damascus").sum()),
        "asks_by_russia": int((ask_rows["side"] == "Russia").sum()),
        "sites_held": list(held["place_id"]),
        "sites_vacated": list(
            latest.loc[latest["place_id"].isin(RUSSIAN_SITES_IN_SYRIA) & (latest["site_status"] == "vacated"), "place_id"]
        ),
    }


def tie_readings(deliveries: pd.DataFrame, evidence: pd.DataFrame, sources: pd.DataFrame) -> dict[str, int]:
    """Who ties Russia's deliveries to the talks, counted as readings, not as deliveries.

    A tie is the reading of the source that states it (evidence rows naming the `link` field); one writer
    who ties two cargoes is one reading, and a reading known only through pages graded low is a claim
    (the method's low-source rule), so it is counted apart."""
    stated = deliveries.loc[deliveries["link"] == "stated", "delivery_id"]
    rows = evidence[
        (evidence["fact_table"] == "deliveries")
        & evidence["fact_id"].isin(stated)
        & evidence["fields"].str.split(";").apply(lambda f: "link" in f)
        & evidence["source_id"].notna()
    ]
    untied = sorted(set(stated) - set(rows["fact_id"]))
    if untied:
        raise ValueError(f"deliveries marked as tied with no source stating the tie: {', '.join(untied)}")
    grade = sources.set_index("source_id")["reliability"]
    readings = rows["source_id"].drop_duplicates()
    low = readings[readings.map(grade).eq("low")]
    low_only = rows.groupby("fact_id")["source_id"].agg(lambda ids: all(grade[i] == "low" for i in ids))
    return {"readings": len(readings), "readings_low": len(low), "ties_on_low_pages_only": int(low_only.sum())}


def sequence_table(events: pd.DataFrame, deliveries: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Asks, offers and deliveries in one time order: the raw material of the delivered-against-asked
    reading, so a reader can see which came first."""
    a = asks(events)
    actor = actors.set_index("actor_id")["name"].map(short_name)
    part_a = pd.DataFrame(
        {
            "date": a["date"],
            "precision": a["date_precision"],
            "Who": a["actor_id"].map(actor),
            "Move": "Ask or offer (" + a["lane"].str.lower() + ")",
            "What": a["summary"],
            "Status": a["status"],
            "fact_id": a["event_id"],
        }
    )
    d = deliveries.sort_values("date")
    part_d = pd.DataFrame(
        {
            "date": d["date"],
            "precision": d["date_precision"],
            "Who": d["from_actor_id"].map(actor),
            "Move": d["lever"].map(LEVER_LABELS) + (" (link: " + d["link"].map(LINK_WORDS) + ")").fillna(""),
            "What": d["description"],
            "Status": d["status"],
            "fact_id": d["delivery_id"],
        }
    )
    rows = pd.concat([part_a, part_d], ignore_index=True).sort_values(["date", "fact_id"]).reset_index(drop=True)
    frame = pd.DataFrame(
        {
            "When": [with_precision(x, p) for x, p in zip(rows["date"], rows["precision"])],
            "Who": rows["Who"],
            "Move": rows["Move"],
            "What": rows["What"].map(lambda w: clip(w, 260)),
            "Status": rows["Status"],
        }
    )
    frame.attrs["fact_ids"] = list(rows["fact_id"])
    return frame


# ------------------------------------------------------------------ the chapter's numbers

# The facts the prose dates by name (a fact that disappears from the data fails the chapter's test).
KEY_FACTS = {
    "bogdanov": "ev_20250128_bogdanov_visit",
    "first_asks": "ev_20250128_debt_funds_asks",
    "abu_qasra": "ev_20250202_abu_qasra_interview",
    "putin_call": "ev_20250212_putin_sharaa_call",
    "putin_message": "ev_20250320_putin_message",
    "nyt": "ev_20250423_sharaa_nyt_assad",
    "review": "ev_20250731_review_agreements",
    "novak": "ev_20250909_novak_damascus",
    "warrant": "ev_20250927_assad_arrest_warrant",
    "lavrov_asylum": "ev_20251013_lavrov_assad_asylum",
    "lavrov_bases": "ev_20251013_lavrov_bases",
    "sharaa_moscow": "ev_20251015_sharaa_moscow",
    "handover_ask": "ev_20251015_assad_handover_request",
    "peskov": "ev_20251016_peskov_bases_patrols",
    "flights_resume": "ev_20251024_flights_resume",
    "yevkurov_1": "ev_20251116_yevkurov_damascus",
    "south_tour": "ev_20251117_south_joint_tour",
    "kan": "ev_20251118_kan_russian_return_proposal",
    "december_visit": "ev_20251223_shaibani_abuqasra_moscow",
    "patrol_claim": "ev_20250801_kommersant_patrol_request",
    "qamishli_exit_ask": "ev_20260122_qamishli_exit_ask",
    "qamishli_last_plane": "ev_20260127_qamishli_last_plane",
    "sharaa_moscow_2": "ev_20260128_sharaa_moscow_second",
    "lavrov_not_raised": "ev_20260129_lavrov_assad_not_raised",
    "yevkurov_2": "ev_20260204_yevkurov_damascus",
    "qamishli_handover": "ev_20260221_qamishli_airport_handover",
    "port_annulled": "ev_20250123_port_contract_annulled",
    "stg_denies": "ev_20250228_stg_denies_annulment",
    "goznak": "ev_20250701_goznak_banknote_deal",
    "new_notes": "ev_20251229_new_banknotes_launch",
    "wheat_halt": "dl_20241213_wheat_halt",
    "cash": "dl_20250214_cash_airlift",
    "first_diesel": "dl_20250303_prosperity_diesel",
    "first_crude": "dl_20250320_aquatica_crude",
    "first_wheat": "dl_20250420_pola_marina_wheat",
    "cma": "dl_20250501_latakia_cma_cgm",
    "dp_mou": "dl_20250516_tartus_dp_world_mou",
    "dp_concession": "dl_20250713_tartus_dp_world_concession",
    "dp_handover": "dl_20251112_tartus_dp_world_handover",
    "ukraine_visit": "ev_20241230_sybiha_damascus",
    "gulf_arrears": "ev_20250427_saudi_qatar_world_bank",
    "qatar_salaries": "ev_20250507_qatar_salary_grant",
    "turkey_mou": "ev_20250813_turkey_syria_defence_mou",
    "oil_to_may": "est_russian_oil_syria_ytd_20250530",
}


def is_halt(row) -> bool:
    """A row that records a delivery stopped, not made (the description says so first)."""
    return str(row["description"]).startswith("Halt")


def chapter_source_ids(tables: dict[str, pd.DataFrame]) -> set[str]:
    """Every source cited by a fact of the chapter (its events, deliveries, estimates and the status of its sites)."""
    ev = chapter_events(tables["events"])
    est = tables["estimates"][tables["estimates"]["chapter"] == "new_syria"]
    st = tables["site_status"][tables["site_status"]["place_id"].isin(RUSSIAN_SITES_IN_SYRIA)]
    cells = pd.concat([ev["source_ids"], tables["deliveries"]["source_ids"], est["source_ids"], st["source_ids"]])
    return {s for cell in cells for s in str(cell).split(";") if s}


def latest_reporting(tables: dict[str, pd.DataFrame]) -> pd.Timestamp:
    """The newest publication date, known to the day, of any source the chapter's facts cite: how far
    the stored sources reach."""
    return newest_dated(tables["sources"], chapter_source_ids(tables))


def numbers(tables: dict[str, pd.DataFrame]) -> dict[str, object]:
    """Every number and date the chapter's text weaves in, from the tables alone."""
    events, deliveries, site_status = tables["events"], tables["deliveries"], tables["site_status"]
    ev = chapter_events(events)
    own = ev[ev["chapter"] == "new_syria"]
    rows = story(events, deliveries, site_status, tables["places"])
    counts = lane_counts(rows).set_index("lane")
    bargain = delivered_against_asked(events, deliveries, site_status)
    from_russia = deliveries[(deliveries["from_actor_id"] == "russia") & ~deliveries.apply(is_halt, axis=1)]
    ties = tie_readings(from_russia, tables["evidence"], tables["sources"])
    visits = ev[ev["event_type"] == "diplomacy"]
    facts = dated_facts(tables)
    dates = dates_of(facts, KEY_FACTS) | dates_of(facts, KEY_FACTS, "on_", in_sentence=True) | ends_of(facts, KEY_FACTS)
    oil = tables["estimates"].set_index("estimate_id").loc[KEY_FACTS["oil_to_may"]]
    dl = deliveries.set_index("delivery_id")
    return dates | {
        "oil_to_may_t": f"{oil['value_best']:,.0f}",
        "first_diesel_t": f"{dl.loc[KEY_FACTS['first_diesel'], 'quantity_best']:,.0f}",
        "first_crude_t": f"{dl.loc[KEY_FACTS['first_crude'], 'quantity_best']:,.0f}",
        "first_wheat_t": f"{dl.loc[KEY_FACTS['first_wheat'], 'quantity_best']:,.0f}",
        "dp_usd_m": f"{dl.loc[KEY_FACTS['dp_concession'], 'quantity_best'] / 1e6:,.0f}",
        "n_oil_tankers": int(deliveries["lever"].isin(["crude_oil", "fuel"]).sum()),
        "d_start": long_date(START),
        "d_latest": long_date(latest_reporting(tables)),
        "d_newest_fact": long_date(rows["date"].max()),
        "n_facts": len(rows),
        "n_events": len(own),
        "n_deliveries": len(deliveries),
        "n_visits": len(visits),
        "n_confirmed": int((rows["status"] == "confirmed").sum()),
        "n_reported": int((rows["status"] == "reported").sum()),
        "n_claimed": int((rows["status"] == "claimed").sum()),
        "n_asks_damascus": bargain["asks_by_damascus"],
        "n_asks_russia": bargain["asks_by_russia"],
        "n_from_russia": bargain["deliveries_from_russia"],
        "n_link_stated": bargain["link_stated"],
        "n_tie_readings": ties["readings"],
        "n_tie_readings_low": ties["readings_low"],
        "n_link_timing": bargain["link_timing_only"],
        "n_link_none": bargain["link_none"],
        "n_concessions_others": bargain["concessions_to_others"],
        "sites_held": " and ".join(
            short_name(tables["places"].set_index("place_id").loc[p, "name"]) for p in bargain["sites_held"]
        ),
        "n_sources": len(chapter_source_ids(tables)),
        "longest_silence_lane": counts["longest_gap_days"].idxmax(),
        "longest_silence_days": int(counts["longest_gap_days"].max()),
    }


# ------------------------------------------------------------------ words for the figures


def timeline_alt(rows: pd.DataFrame) -> str:
    """Alt text for the timeline, from its data: the span, the lanes and their counts, the longest silence."""
    counts = lane_counts(rows)
    counts = counts[counts["facts"] > 0]
    lanes = "; ".join(f"{r.lane} {r.facts}" for r in counts.itertuples())
    quiet = counts.loc[counts["longest_gap_days"].idxmax()]
    return (
        f"Timeline from {long_date(rows['date'].min())} to {long_date(rows['date'].max())} with {len(rows)} dated moves in "
        f"{len(counts)} lanes ({lanes}); filled markers are confirmed, open ones reported, crosses claimed. The longest silence "
        f"is in the lane '{quiet['lane']}': {quiet['longest_gap_days']} days with no recorded move after {long_date(quiet['gap_from'])}."
    )


def board_alt(board: pd.DataFrame) -> str:
    parts = [
        f"{r.site}: {SITE_STATUS_LABELS[r.site_status].lower()} as of {with_precision(r.date, r.precision)} ({r.status})"
        for r in board.itertuples()
    ]
    return f"Board of {len(board)} Russian sites in Syria at the latest reporting. " + "; ".join(parts) + "."


# Where Washington, Jerusalem and Brussels stood (a fact missing from the data fails loudly).
POLICY_EVENTS = {
    "kallas": "ev_20241216_kallas_russian_bases",
    "eu_roadmap": "ev_20250127_eu_sanctions_roadmap",
    "eu_lift": "ev_20250520_eu_lifts_sanctions",
    "israel_lobby": "ev_20250201_israel_lobbies_us_bases",
    "trump_riyadh": "ev_20250513_trump_riyadh_sanctions",
    "us_order": "ev_20250630_us_sanctions_eo",
    "fto": "ev_20250707_hts_fto_revoked",
    "sharaa_president": "ev_20250129_sharaa_transitional_president",
    "lavrov_feb": "ev_20260219_lavrov_bases_talks",
    "us_conditions": "ev_20250301_us_demands_no_bases",
}


def policy_numbers(events: pd.DataFrame) -> dict[str, str]:
    return dates_of(events, POLICY_EVENTS, prefix="d_policy_")
