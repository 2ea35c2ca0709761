"""The Libya chapter's analysis: the sites Russian forces use, the flows into them, the personnel
estimates and who made them, the activity at each site over time, and the air bridge from Russia
through Syria and Libya to the Sahel, leg by leg against the ranges of the aircraft named.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from afterassad.chapters.milestones import dated_facts, dates_of, regime_fall
from afterassad.core import ranges
from afterassad.core.dates import by_date, long_date, on_date, span, with_precision
from afterassad.core.text import Plain, and_list, html, short_name
from afterassad.figures import style
from afterassad.figures.labels import LabelPlacer, spread_markers
from afterassad.figures.render import (
    WIDTH,
    add_capital,
    add_country_names,
    add_leader_lines,
    base_map,
    labels_above_rows,
    locator_box,
    rows_span,
)
from afterassad.figures.routemap import add_labels, geodesic_line, legs_km, points_inside, site_label
from afterassad.figures.timeline import stack_in_lanes

# Whose personnel an estimate counts, kept apart as the sources keep them. An estimate whose sources do
# not say whose people they are (the FT's mercenaries "on Moscow's behalf") is drawn apart as well.
UNSTATED = "unstated"
FORCES = {
    "wagner_group": "Wagner",
    "africa_corps": "Africa Corps",
    "russian_armed_forces": "Russian state forces",
    "russia": "Russians, not broken down",
    UNSTATED: "Mercenaries, nationality not given",
}
FORCE_ORDER = list(FORCES)
FORCE_SYMBOLS = {
    "wagner_group": "square",
    "africa_corps": "diamond",
    "russian_armed_forces": "circle",
    "russia": "triangle-up",
    UNSTATED: "hexagon",
}
# What an estimate measures (the estimates' measure column): people present on a date, or a flow or a
# change over a period before it, which is never read as a number present.
FLOWS = ("arrivals", "departures")
MEASURE_WORDS = {"arrivals": " (arrivals)", "departures": " (withdrawn)", "change": " (change since {start})"}
MEASURE_KEYS = {
    "arrivals": ("triangle-right", "Arrivals over a period, not a total"),
    "departures": ("triangle-left", "Withdrawn over a period, not a total"),
    "change": ("circle", "Change between two dates (open: the start)"),
}
PERSONNEL_WRAP = 62  # characters a row label runs to before it wraps (never cut): a phone's width at 10 px
ROLE_SYMBOLS = {
    "air_base": "triangle-up",
    "port": "square",
    "naval_base": "square",
    "camp": "diamond",
    "city": "circle",
    "site": "circle",
}
ROLE_WORDS = {"air_base": "Air base", "port": "Port", "camp": "Camp", "city": "Town or front line"}
# Where flights into Libya came from, in three hues a reader tells apart with any colour vision (Okabe-Ito
# orange, vermilion-red and blue-violet, apart in lightness too): not two reds for Syria and Russia.
SOURCE_COLOURS = {"SYR": "#E69F00", "RUS": "#A50F15", "BLR": "#7570B3"}
# Russia's side at the sites: the forces whose personnel the estimates count, and the Russian state bodies
# and officials the records name there (its emergencies ministry's air fleet, its deputy defence minister,
# the defence ministry's shipping contractor). A fact counts as Russian activity at a site only when one
# of them takes part: Belarus's, the UAE's, the RSF's or the LNA's own flights and meetings do not.
RUSSIAN_SIDE = (frozenset(FORCES) - {UNSTATED}) | {"emercom", "yevkurov", "oboronlogistika"}
# The figure colours each fact by whose it is, in three groups a reader can tell apart: Wagner, the
# Africa Corps, and the Russian state (its armed forces, ministries and officials, or Russia not broken down).
SIDE_GROUPS = {"wagner_group": "Wagner", "africa_corps": "Africa Corps"}
SIDE_GROUP_COLOURS = {"Wagner": "wagner_group", "Africa Corps": "africa_corps", "Russian state": "russia"}


def side_group(actor_id: str) -> str:
    return SIDE_GROUPS.get(actor_id, "Russian state")


# A site named for what is there where its short name would be another place's: flights reported only as
# to "Benghazi" (no airfield named) are not the port's, and Benina is the city's airport.
SITE_LABELS = {"benghazi_port": "Benghazi port"}


def libyan(places: pd.DataFrame) -> pd.Series:
    return places["country"].eq("LBY").fillna(False)


def chapter_sites(sites: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """The chapter's sites with their coordinates, type, precision and a short label."""
    frame = sites[sites["chapter"] == "libya"].merge(places, on="place_id", suffixes=("", "_place"))
    frame["label"] = [SITE_LABELS.get(i, site_label(n)) for i, n in zip(frame["place_id"], frame["name"])]
    return frame.reset_index(drop=True)


# ------------------------------------------------------------------ flows into Libya


def flights_into_libya(movements: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Every flight in the data whose last leg lands in Libya, from any chapter, with its origin's country."""
    country = places.set_index("place_id")["country"]
    flights = movements[
        (movements["asset_type"] == "aircraft_flight") & movements["destination_place_id"].map(country).eq("LBY").fillna(False)
    ].copy()
    flights["chain"] = [
        [o] + [v for v in (via if isinstance(via, str) else "").split(";") if v] + [d]
        for o, via, d in zip(flights["origin_place_id"], flights["via_place_ids"], flights["destination_place_id"])
    ]
    flights["from_country"] = flights["chain"].map(lambda c: next((country[p] for p in c if country[p] != "LBY"), "LBY"))
    flights["last_leg_from"] = flights["chain"].map(lambda c: c[-2])
    return flights.reset_index(drop=True)


# Sirte and al-Qardabiya, and Sokna and al-Jufra, lie 15 to 25 km apart: a few pixels at the scale of
# Libya. Markers this small, with a white edge, stay apart instead of one hiding the other.
SITE_MARKER_PX = 8
CROWD_PX = 30  # sites closer than this on a phone crowd one another: their names are placed first
# The December 2024 flights from Syria to Libya that the sources count (as the withdrawal chapter counts them).
AIRLIFT_FROM_SYRIA = ("mv_20241210_hmeimim_khadim_airlift", "mv_20241226_an124_latakia_khadim")


def _in_window(lon: float, lat: float, window) -> bool:
    (lon0, lon1), (lat0, lat1) = window
    return lon0 <= lon <= lon1 and lat0 <= lat <= lat1


def site_map_figure(
    site_rows: pd.DataFrame, flights: pd.DataFrame, places: pd.DataFrame, window: tuple[tuple[float, float], tuple[float, float]]
) -> go.Figure:
    """Libya's Russian-used sites by type, and the flights into them, drawn along the geodesic from
    their origin (which may lie outside the map) and labelled where they enter with where they came
    from and the leg's length; flights within Libya are grey, a line whose rows are all claims dotted.

    Where the rows carry site_marks's columns (since, claims_only), a site's fill says when its latest
    Russian activity is dated (SINCE_FILL) and a cross marks one whose activity rests only on claims, as
    on the landing page's map. Markers that would sit on one another on a phone (Sirte and
    al-Qardabiya) are spread round their cluster's centre, each joined to its point by a thin line."""
    p = places.set_index("place_id")
    fig = base_map(*window, focus=["Libya"], locator="bottom left")  # the inset over the Sahara, south-west
    placer = LabelPlacer.for_map(window, avoid=[locator_box(fig)])
    marked = "since" in site_rows
    # before any label is placed: each marker on its own point unless it would sit on another on a phone
    spots = spread_markers(placer, list(site_rows["lon"]), list(site_rows["lat"]), SITE_MARKER_PX + 1.5, gap_px=4)
    site_rows = site_rows.assign(x=[x for x, _ in spots], y=[y for _, y in spots])
    labels = []
    # a flight whose Libyan airfield no source names would end on a stand-in point: it is left off the map
    flights = flights[flights["destination_place_id"].map(p["geo_precision"]).isin(["site", "settlement"])]
    any_claimed = False
    for (origin, dest), rows in flights.groupby(["last_leg_from", "destination_place_id"]):
        colour = SOURCE_COLOURS.get(p.loc[origin, "country"], style.MUTED)
        lons, lats = geodesic_line([origin, dest], places)
        claimed = bool((rows["status"] == "claimed").all())
        any_claimed |= claimed
        km = legs_km([origin, dest], places)[0]
        when = sorted({with_precision(d, pr) for d, pr in zip(rows["date"], rows["date_precision"])})
        fig.add_trace(
            go.Scatter(
                x=lons,
                y=lats,
                mode="lines",
                showlegend=False,
                line=dict(color=colour, width=2, dash="dot" if claimed else "solid"),
                hovertemplate=(
                    f"<b>{html(short_name(p.loc[origin, 'name']))} → {html(short_name(p.loc[dest, 'name']))}</b>: {km:,.0f} km<br>"
                    f"{len(rows)} row(s) in the data: {html(', '.join(when[:4]))}{' …' if len(when) > 4 else ''}<extra></extra>"
                ),
            )
        )
        inside_x = points_inside(lons, lats, window)
        if p.loc[origin, "country"] != "LBY" and inside_x:
            x, y = inside_x[len(inside_x) // 5]  # a little way in from where the line enters the map
            labels.append((x, y, f"from {short_name(p.loc[origin, 'name']).split(' ')[0]}: {km:,.0f} km", "top center"))
    first = len(fig.data)
    origins = set(p.loc[flights["last_leg_from"], "country"])
    for country, label in (
        ("SYR", "Flights from Syria"),
        ("RUS", "Flights from Russia"),
        ("BLR", "Flights from Belarus"),
        ("LBY", "Flights within Libya"),
    ):
        if country in origins:
            colour = SOURCE_COLOURS.get(country, style.MUTED)
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=label, line=dict(color=colour, width=2)))
    if any_claimed:
        fig.add_trace(
            go.Scatter(
                x=[None], y=[None], mode="lines", name="Dotted: claimed only", line=dict(color=style.INK, width=2, dash="dot")
            )
        )
    _group(fig, first, "flights", "Flights into and within Libya")
    add_leader_lines(fig, site_rows)  # a spread marker is joined to its own point by a thin line
    # the sites are the map's subject: their names are placed first (where none reads as a neighbour's),
    # then the legs' lengths
    rivals = list(zip(site_rows["x"], site_rows["y"]))
    # the most crowded first (they have the fewest places to go), each where it does not read as a
    # neighbour's name if it can, else wherever it fits (it hides nothing)
    px = [placer._xy(x, y) for x, y in rivals]
    crowd = [sum(math.dist(a, b) < CROWD_PX for b in px) for a in px]
    positions: list[str | None] = [None] * len(site_rows)
    for i in sorted(range(len(site_rows)), key=lambda i: -crowd[i]):
        x, y, text = rivals[i][0], rivals[i][1], site_rows["label"].iloc[i]
        at = placer.place(x, y, text, marker_px=SITE_MARKER_PX + 3, rivals=rivals)
        positions[i] = at or placer.place(x, y, text, marker_px=SITE_MARKER_PX)
    texts = [t if pos else "" for t, pos in zip(site_rows["label"], positions)]
    add_labels(fig, labels, placer)
    # the map's furniture, after the sites and the legs' lengths: the capital, if the places data hold it, and
    # the countries' names, each where it fits
    for capital in ("tripoli",):
        if capital in p.index and _in_window(p.loc[capital, "lon"], p.loc[capital, "lat"], window):
            add_capital(fig, placer, p.loc[capital, "lon"], p.loc[capital, "lat"], short_name(p.loc[capital, "name"]), "Libya")
    add_country_names(fig, window, placer)
    fills = [SINCE_FILL[k] for k in site_rows["since"]] if marked else [style.INK] * len(site_rows)
    for kind, group in site_rows.assign(text=texts, pos=[q or "middle right" for q in positions], fill=fills).groupby(
        "place_type", sort=False
    ):
        fig.add_trace(
            go.Scatter(
                x=group["x"],
                y=group["y"],
                ids=list(group["place_id"]),
                mode="markers+text",
                name=ROLE_WORDS.get(kind, kind.replace("_", " ")),
                showlegend=False,
                marker=dict(
                    symbol=ROLE_SYMBOLS.get(kind, "circle"),
                    size=SITE_MARKER_PX,
                    color=list(group["fill"]),
                    line=dict(color=[style.INK if f == "white" else "white" for f in group["fill"]], width=1.5),
                ),
                text=[html(t) for t in group["text"]],
                textposition=group["pos"].tolist(),
                textfont=dict(size=placer.font_px, color=style.INK),
                customdata=[
                    [html(short_name(r.name)), html(r.role), html(r.geo_precision), html(_activity_words(r))]
                    for r in group.itertuples()
                ],
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[3]}<br>coordinates: %{customdata[2]}<extra></extra>",
            )
        )
    # the legend: the shape is the kind of site, the fill when its latest Russian activity is dated
    first = len(fig.data)
    for kind in dict.fromkeys(site_rows["place_type"]):
        fig.add_trace(
            style.legend_key(
                ROLE_WORDS.get(kind, kind.replace("_", " ")), ROLE_SYMBOLS.get(kind, "circle") + "-open", style.INK, size=10
            )
        )
    _group(fig, first, "shape", "Shape: kind of site")
    if marked:
        crossed = site_rows[site_rows["claims_only"]]
        if not crossed.empty:
            fig.add_trace(
                go.Scatter(
                    x=crossed["x"],
                    y=crossed["y"],
                    mode="markers",
                    showlegend=False,
                    hoverinfo="skip",
                    marker=dict(
                        symbol="x-thin-open", size=SITE_MARKER_PX + 6, color=style.INK, line=dict(color=style.INK, width=2)
                    ),
                )
            )
        first = len(fig.data)
        for since, words in since_legend(site_rows).items():
            fig.add_trace(style.legend_key(words, "circle", SINCE_FILL[since], size=10))
        if site_rows["claims_only"].any():
            fig.add_trace(
                go.Scatter(
                    x=[None], y=[None], mode="markers", name=CLAIMS_ONLY_WORDS,
                    marker=dict(symbol="x-thin-open", size=12, color=style.INK, line=dict(color=style.INK, width=2)),
                )
            )  # fmt: skip
        _group(fig, first, "fill", "Fill: latest dated Russian activity")
    fig.update_layout(legend=style.TOP_LEGEND | dict(traceorder="grouped"))
    return fig


def _group(fig: go.Figure, first: int, group: str, title: str) -> None:
    """Put the legend entries from trace `first` on in one titled group."""
    for trace in fig.data[first:]:
        trace.legendgroup = group
    if len(fig.data) > first:
        fig.data[first].legendgrouptitle = dict(text=title, font=dict(size=11, color=style.MUTED))


def _activity_words(r) -> str:
    """A site's first and latest Russian activity in words: as site_activity gives them where the rows
    carry them (with_activity), else as the site's own row dates them."""
    if hasattr(r, "activity_quiet"):
        if r.activity_quiet:
            return QUIET_WORDS
        return f"Russian activity from {r.activity_first_words} to {r.activity_latest_words}"
    if pd.isna(r.first_activity) and pd.isna(r.latest_activity):
        return QUIET_WORDS
    first = with_precision(r.first_activity, r.first_activity_precision) if pd.notna(r.first_activity) else "?"
    last = with_precision(r.latest_activity, r.latest_activity_precision) if pd.notna(r.latest_activity) else "?"
    return f"Russian activity reported from {first} to {last}"


# ------------------------------------------------------------------ personnel estimates


def estimate_label(row) -> str:
    """Every estimate is shown with the date it describes and who made it: never as a bare 'current'
    number. The estimator is named in full (short_name drops only a bracketed qualifier); the figure
    wraps a long label, it never cuts one."""
    return f"{with_precision(row['as_of'], row['as_of_precision'])} · {short_name(row['estimator'])}"


def measure(row) -> str:
    """What an estimate measures: 'stock' (people present on its date, the default) or its measure."""
    m = row["measure"]
    return m if isinstance(m, str) and m else "stock"


def present(rows: pd.DataFrame) -> pd.DataFrame:
    """The estimates that count people present on their date: not arrivals, departures or a change."""
    return rows[[measure(r) == "stock" for _, r in rows.iterrows()]]


def personnel(estimates: pd.DataFrame) -> pd.DataFrame:
    """The chapter's estimates of Russian personnel in Libya, oldest first, with their range and label."""
    rows = (
        estimates[(estimates["chapter"] == "libya") & (estimates["unit"] == "people")]
        .sort_values(["as_of", "estimate_id"])
        .copy()
    )
    if "period_start" not in rows:
        rows["period_start"] = pd.NaT
    rows["range"] = [ranges.from_row(r, "value") for _, r in rows.iterrows()]
    rows["force_key"] = rows["actor_id"].where(rows["actor_id"].isin(FORCES), UNSTATED)
    rows["force"] = rows["force_key"].map(FORCES)
    rows["label"] = [
        estimate_label(r)
        + MEASURE_WORDS.get(measure(r), "").format(start=_period_start_words(r))
        + (" · a claim" if r["status"] == "claimed" else "")  # a party's word or low-graded pages only
        for _, r in rows.iterrows()
    ]
    return rows.reset_index(drop=True)


def _period_start_words(row) -> str:
    """When a flow's or a change's period began, at as_of's precision; 'an earlier date' where no source gives it."""
    start = row.get("period_start")
    return with_precision(start, row["as_of_precision"]) if pd.notna(start) else "an earlier date"


def change_ends(row) -> tuple[tuple[str, float], tuple[str, float]]:
    """A change's two ends as (date in words, number): value_low and value_high are the numbers the
    source gives at the period's start and end, in the order the subject says (a rise unless it says it
    fell or speaks of a fall); the start's date is period_start at as_of's precision, or 'earlier' where no source gives it."""
    start = with_precision(row["period_start"], row["as_of_precision"]) if pd.notna(row.get("period_start")) else "earlier"
    end = with_precision(row["as_of"], row["as_of_precision"])
    low, high = row["range"].low, row["range"].high
    fell = any(w in str(row["subject"]).lower() for w in ("fall", "fell"))
    first, last = (high, low) if fell else (low, high)
    return (start, first), (end, last)


def personnel_height(fig: go.Figure) -> int:
    """The personnel chart's height in pixels: enough for every row and its (wrapped) label."""
    return int(170 + 31 * rows_span(fig))


def personnel_figure(rows: pd.DataFrame, highlight: set[str] = frozenset()) -> go.Figure:
    """One row per estimate, in date order from the top: its range as a bar, its best value as a
    marker, coloured and shaped by whose personnel it counts. A flow (arrivals, departures) is a
    triangle pointing its way; a change between two dates is two marks on its row, open at the start
    and filled at the end, joined by an arrow (never a bar, which would read as uncertainty).
    Highlighted estimates (those the chapter's articles cite) get a ring."""
    fig = go.Figure()
    order = list(dict.fromkeys(rows["label"]))
    row_y = labels_above_rows(fig, order, wrap=PERSONNEL_WRAP)
    labelled: set[str] = set()
    for key in FORCE_ORDER:
        part = rows[rows["force_key"] == key]
        if part.empty:
            continue
        colour = style.actor_colour(key if key != UNSTATED else None)
        symbol = FORCE_SYMBOLS[key]
        fig.add_trace(
            go.Scatter(x=[None], y=[None], mode="markers", name=FORCES[key], marker=dict(symbol=symbol, size=11, color=colour))
        )
        for r in part.itertuples():
            kind = measure(r._asdict())
            method = html(r.method if isinstance(r.method, str) else "not stated")
            ring = dict(color=style.INK if r.estimate_id in highlight else colour, width=3 if r.estimate_id in highlight else 1.5)
            y = row_y[r.label]
            if kind == "change":
                (d0, v0), (d1, v1) = change_ends(r._asdict())
                hover = (
                    f"<b>{html(r.label)}</b><br>{html(FORCES[key])}: from {v0:,.0f} ({html(d0)}) to {v1:,.0f} ({html(d1)}), "
                    f"a change, not a range<br>{html(r.subject[:100])}<br>method: {method} · {html(r.status)}<extra></extra>"
                )
                fig.add_annotation(
                    x=v1, y=y, ax=v0, ay=y, xref="x", yref="y", axref="x", ayref="y", text="",
                    showarrow=True, arrowhead=2, arrowsize=1.2, arrowwidth=1.5, arrowcolor=colour, standoff=7, startstandoff=7,
                )  # fmt: skip
                fig.add_trace(
                    go.Scatter(
                        x=[v0, v1],
                        y=[y, y],
                        mode="markers+text",
                        showlegend=False,
                        text=[f"{v0:,.0f}  ", f"  {v1:,.0f}"],  # the dates are in the row's label
                        textposition=["middle left", "middle right"],
                        textfont=dict(size=10, color=style.INK),
                        hovertemplate=hover,
                        marker=dict(symbol=[symbol, symbol], size=11, color=["white", colour], line=ring),
                    )
                )
                continue
            hover = (
                f"<b>{html(r.label)}</b><br>{html(FORCES[key])}: {html(r.range.words('people'))}<br>"
                f"{html(r.subject[:100])}<br>method: {method} · {html(r.status)}<extra></extra>"
            )
            if r.range.high > r.range.low:
                fig.add_trace(
                    go.Scatter(
                        x=[r.range.low, r.range.high],
                        y=[y] * 2,
                        mode="lines",
                        showlegend=False,
                        line=dict(color=colour, width=7),
                        opacity=0.55,
                        hovertemplate=hover,
                    )
                )
            point = r.range.best if r.range.best is not None else (r.range.low + r.range.high) / 2
            # a second estimate on the same row (same date and estimator) writes its number above, not over the first
            position = "bottom center" if (r.label in labelled) else "middle right"
            labelled.add(r.label)
            fig.add_trace(
                go.Scatter(
                    x=[point],
                    y=[y],
                    mode="markers+text",
                    showlegend=False,
                    text=[f"  {r.range.words()}"],
                    textposition=position,
                    textfont=dict(size=10, color=style.INK),
                    hovertemplate=hover,
                    marker=dict(
                        symbol=MEASURE_KEYS[kind][0] if kind in FLOWS else symbol,
                        size=11,
                        color=colour if r.range.best is not None else "white",
                        line=ring,
                    ),
                )
            )
    # what the shapes that are not whose-people say: flows and changes, keyed in ink
    for kind in [k for k in MEASURE_KEYS if k in {measure(r) for _, r in rows.iterrows()}]:
        shape, name = MEASURE_KEYS[kind]
        fig.add_trace(style.legend_key(name, shape, "white" if kind == "change" else style.INK, size=11))
    top = max(r.high for r in rows["range"])
    fig.update_xaxes(title="People", range=[0, top * 1.22], tickformat=",d")
    fig.update_layout(legend=style.TOP_LEGEND, margin=dict(l=20))
    return fig


# ------------------------------------------------------------------ activity at each site


QUIET_WORDS = "no Russian activity in the sources searched for this report"
UNDATED_WORDS = "not dated in the sources searched for this report"
MOVE_WORDS = {"aircraft_flight": "flight", "ship_voyage": "voyage", "road_convoy": "road convoy"}
_ACTIVITY_COLUMNS = [
    "fact_id", "kind", "place_id", "site", "date", "date_end", "date_precision", "status", "claimed_by", "side", "summary",
    "source_ids",
]  # fmt: skip


def russian_party(events: pd.DataFrame) -> pd.Series:
    """The Russian-side party of each event: its actor, else the party it acted on or with (a claim by
    the GNA or AFRICOM about Russian aircraft, a Libyan prime minister barred by Wagner), else missing."""
    actor = events["actor_id"].where(events["actor_id"].isin(RUSSIAN_SIDE))
    other = events["other_actor_id"].where(events["other_actor_id"].isin(RUSSIAN_SIDE))
    return actor.fillna(other)


def first_landing(movements: pd.DataFrame) -> pd.Series:
    """Where each movement first arrives: its first stop, or its destination when it makes none. A
    movement's date is when it happened or began, so it dates its origin and its first landing, not a
    place it reaches after a stop (an An-124 that flew to Hmeimim on a day and on to Libya on a day the
    source does not give is not dated at its Libyan airfield)."""
    first_stop = movements["via_place_ids"].fillna("").str.split(";").str[0]
    return first_stop.where(first_stop != "", movements["destination_place_id"])


def russian_activity(site_rows: pd.DataFrame, events: pd.DataFrame, movements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every dated fact of Russia's side at one of the chapter's sites, from any chapter: an event there
    in which a Russian-side actor (RUSSIAN_SIDE) takes part, and a flight or voyage by one that leaves
    the site or first lands there. One row per fact and site, oldest first; `side` is the Russian-side
    party, `kind` what the fact is."""
    names = site_rows.set_index("place_id")["label"]
    ev = events[events["place_id"].isin(names.index)].assign(side=lambda f: russian_party(f))
    parts = [
        ev[ev["side"].notna()].rename(columns={"event_id": "fact_id"}).assign(kind="event"),
    ]
    if movements is not None:
        mv = movements[movements["actor_id"].isin(RUSSIAN_SIDE)].rename(
            columns={"movement_id": "fact_id", "description": "summary", "actor_id": "side"}
        )
        kind = mv["asset_type"].map(MOVE_WORDS).fillna("movement")
        for at in (mv["origin_place_id"], first_landing(mv)):
            here = at.isin(names.index)
            parts.append(mv[here].assign(place_id=at[here], kind=kind[here]))
    frame = pd.concat([p.reindex(columns=_ACTIVITY_COLUMNS) for p in parts], ignore_index=True)
    frame["site"] = frame["place_id"].map(names)
    return frame.sort_values(["date", "fact_id", "place_id"]).reset_index(drop=True)


def period_start(ts: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The first day a date stated at its precision can be (a month or a year is stored as its first day)."""
    return {"month": ts.replace(day=1), "year": ts.replace(month=1, day=1)}.get(precision, ts)


def period_end(ts: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The last day a date stated at its precision can be: the day itself, the week's last day, the
    month's or the year's."""
    return {
        "day": ts,
        "week": ts + pd.Timedelta(days=6),
        "month": ts + pd.offsets.MonthEnd(0),
        "year": ts + pd.offsets.YearEnd(0),
    }[precision]


def site_activity(site_rows: pd.DataFrame, activity: pd.DataFrame) -> pd.DataFrame:
    """One row per site: its first and latest Russian activity, how far each is established, and where
    it comes from, with the number of facts of Russia's side at the site (russian_activity).

    The first activity is the site's own row's (the date its own sources give, with its status), unless
    a fact in the report's records is certainly earlier (its period ends before the row's begins);
    likewise the latest. A site with neither, and no fact of Russia's side, is quiet: the sources searched
    show no Russian activity there. What the table, the figure and the text say of a site comes from here."""
    out = []
    for r in site_rows.itertuples():
        recs = activity[activity["place_id"] == r.place_id]
        first = latest = None
        if pd.notna(r.first_activity):
            first = {
                "date": r.first_activity,
                "end": pd.NaT,
                "precision": r.first_activity_precision,
                "status": getattr(r, "first_activity_status", pd.NA),
                "claimed_by": getattr(r, "first_activity_claimed_by", pd.NA),
                "from": "site",
            }
        if pd.notna(r.latest_activity):
            latest = {
                "date": r.latest_activity,
                "end": pd.NaT,
                "precision": r.latest_activity_precision,
                "status": pd.NA,
                "claimed_by": pd.NA,
                "from": "site",
            }
        if not recs.empty:
            last_day = recs["date_end"].fillna(recs["date"])
            early = recs.loc[recs["date"].idxmin()]
            late = recs.loc[last_day.idxmax()]
            if first is None or period_end(early["date"], early["date_precision"]) < period_start(
                first["date"], first["precision"]
            ):
                first = _fact_value(early)
            late_start = period_start(last_day[late.name], late["date_precision"])
            if latest is None or late_start > period_end(latest["date"], latest["precision"]):
                latest = _fact_value(late)
        row = {"place_id": r.place_id, "label": r.label, "n_facts": len(recs), "quiet": first is None and latest is None}
        for which, value in (("first", first), ("latest", latest)):
            value = value or {
                "date": pd.NaT,
                "end": pd.NaT,
                "precision": pd.NA,
                "status": pd.NA,
                "claimed_by": pd.NA,
                "from": pd.NA,
            }
            row |= {f"{which}_{k}": v for k, v in value.items()}
        out.append(row)
    frame = pd.DataFrame(out)
    for column in ("first_date", "first_end", "latest_date", "latest_end"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def _fact_value(fact: pd.Series) -> dict:
    return {
        "date": fact["date"],
        "end": fact["date_end"],
        "precision": fact["date_precision"],
        "status": fact["status"],
        "claimed_by": fact["claimed_by"],
        "from": "records",
    }


# ------------------------------------------------------------------ how a site is marked on a map

# The month Assad fell: a site whose latest Russian activity is dated from it on is marked as active
# since the fall; one whose latest activity may be earlier (a date known only to the year 2024 may
# be), as active before it.
RECENT_FROM = pd.Timestamp("2024-12-01")
SINCE_WORDS = {
    "recent": "Latest Russian activity from December 2024",
    "earlier": "Latest Russian activity before December 2024",
    "none": "No Russian activity in the sources searched",
}
CLAIMS_ONLY_WORDS = "Crossed: the latest activity rests only on claims or low-graded pages"


def shown_status(status, source_ids, grades: pd.Series) -> str:
    """A fact's status as the report shows it: a claim where every source it cites is graded low (a
    fact whose sources are all graded low is shown as a claim, never as proof), else its own status."""
    ids = [s for s in source_ids.split(";") if s] if isinstance(source_ids, str) else []
    if ids and all(grades.get(s) == "low" for s in ids):
        return "claimed"
    return str(status)


def site_marks(
    site_rows: pd.DataFrame, activity: pd.DataFrame, sources: pd.DataFrame, evidence: pd.DataFrame | None = None
) -> pd.DataFrame:
    """How a map marks each site: `since`, whether its latest Russian activity (site_activity's) is
    certainly from December 2024 on ('recent': the first day that date can mean is on or after
    RECENT_FROM), may be earlier ('earlier'), or is not found ('none'); and `claims_only`, whether every
    fact of that activity is a claim. The facts are the site row's first activity (its status), its
    latest activity (a claim where every source the evidence table gives for it is graded low; otherwise
    not one), and each fact of Russia's side at the site in the records (shown_status)."""
    grades = sources.set_index("source_id")["reliability"]
    act = site_activity(site_rows, activity).set_index("place_id")
    own = site_rows.set_index("place_id")
    ev = evidence[evidence["fact_table"] == "sites"] if evidence is not None else None
    out = []
    for place_id in site_rows["place_id"]:
        a = act.loc[place_id]
        if a["quiet"]:
            out.append(
                {"place_id": place_id, "since": "none", "claims_only": False, "date": pd.NaT, "precision": pd.NA,
                 "words": "", "straddles": False}
            )  # fmt: skip
            continue
        which = "latest" if pd.notna(a["latest_date"]) else "first"
        last = a[f"{which}_end"] if pd.notna(a[f"{which}_end"]) else a[f"{which}_date"]
        since = "recent" if period_start(last, a[f"{which}_precision"]) >= RECENT_FROM else "earlier"
        statuses = []
        row = own.loc[place_id]
        # A site shown as active since the fall is crossed when its activity since the fall rests only on claims:
        # the facts weighed are then those dated from December 2024 on, not the older record behind it.
        recent_only = since == "recent"
        if (
            pd.notna(row.get("first_activity"))
            and pd.notna(row.get("first_activity_status"))
            and not (recent_only and period_start(row["first_activity"], row["first_activity_precision"]) < RECENT_FROM)
        ):
            statuses.append(row["first_activity_status"])
        latest_is_recent = pd.notna(row.get("latest_activity")) and (
            period_start(row["latest_activity"], row["latest_activity_precision"]) >= RECENT_FROM
        )
        if pd.notna(row.get("latest_activity")) and ev is not None and (latest_is_recent or not recent_only):
            backing = ev[
                (ev["fact_id"] == place_id)
                & ev["stance"].isin(["states", "implies"])
                & ev["fields"].str.split(";").map(lambda f: "latest_activity" in f)
            ]
            if not backing.empty:
                statuses.append(shown_status("reported", ";".join(backing["source_id"]), grades))
        facts = activity[activity["place_id"] == place_id]
        if recent_only:
            ends = facts["date_end"].fillna(facts["date"])
            facts = facts[[period_start(d, pr) >= RECENT_FROM for d, pr in zip(ends, facts["date_precision"])]]
        statuses += [shown_status(st, ids, grades) for st, ids in zip(facts["status"], facts["source_ids"])]
        out.append(
            {
                "place_id": place_id,
                "since": since,
                "claims_only": bool(statuses) and set(statuses) == {"claimed"},
                "date": last,
                "precision": a[f"{which}_precision"],
                "words": activity_words(a, which),
                # dated only to a period that runs into December 2024 (a year, 2024): it may be from it
                "straddles": since == "earlier" and period_end(last, a[f"{which}_precision"]) >= RECENT_FROM,
            }
        )
    frame = pd.DataFrame(out)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


# How the maps fill a site's mark by `since` (site_marks): dark for activity since the fall, grey for
# activity only before it, white where the sources searched show none.
SINCE_FILL = {"recent": style.INK, "earlier": "#8c959f", "none": "white"}


def since_legend(marks: pd.DataFrame) -> dict[str, str]:
    """The legend's words for each fill the marks use, in SINCE_WORDS's order: the 'before' entry says so
    where a site's latest activity is dated only to a period running into December 2024."""
    words = {}
    for since in [k for k in SINCE_WORDS if k in set(marks["since"])]:
        words[since] = SINCE_WORDS[since]
        straddling = marks[(marks["since"] == since) & marks["straddles"]]
        if since == "earlier" and not straddling.empty:
            years = sorted({str(d.year) for d in straddling["date"]})
            words[since] += f", or dated only to {and_list(years)}"
    return words


def status_words(status, claimed_by, actor_names: pd.Series | None = None) -> str:
    """'claimed by Agenzia Nova' (the claimant named where the actors are given), 'claimed', 'reported' or
    'confirmed'; empty where the status is not recorded."""
    if pd.isna(status):
        return ""
    if status == "claimed" and pd.notna(claimed_by) and actor_names is not None and claimed_by in actor_names.index:
        return f"claimed by {short_name(actor_names[claimed_by])}"
    return str(status)


def activity_words(row, which: str, actor_names: pd.Series | None = None) -> str:
    """A site's first or latest Russian activity in words, as the table writes it: its date at its
    precision, how far it is established, and, where it comes from the report's records rather than
    the site's own sources, that it does."""
    d = row[f"{which}_date"]
    if pd.isna(d):
        return QUIET_WORDS if row["quiet"] else UNDATED_WORDS
    words = span(d, row[f"{which}_end"], row[f"{which}_precision"])
    status = status_words(row[f"{which}_status"], row[f"{which}_claimed_by"], actor_names)
    words += f" ({status})" if status else ""
    if row[f"{which}_from"] == "records":
        words += f", the {'earliest' if which == 'first' else 'latest'} in the report's records"
    return words


def with_activity(site_rows: pd.DataFrame, activity: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """The site rows with their first and latest Russian activity in words, and whether they are quiet
    (for the map's hover, so that it says what the table says)."""
    names = actors.set_index("actor_id")["name"] if actors is not None else None
    act = site_activity(site_rows, activity).set_index("place_id")
    return site_rows.assign(
        activity_first_words=[activity_words(act.loc[p], "first", names) for p in site_rows["place_id"]],
        activity_latest_words=[activity_words(act.loc[p], "latest", names) for p in site_rows["place_id"]],
        activity_quiet=[bool(act.loc[p, "quiet"]) for p in site_rows["place_id"]],
    )


def site_timeline_figure(site_rows: pd.DataFrame, activity: pd.DataFrame, until: pd.Timestamp) -> go.Figure:
    """One lane per site with Russian activity: a bar from its first to its latest Russian activity (as
    the table gives them, over the whole period each date can mean), and a marker for each fact of
    Russia's side there (russian_activity), stacked so none hides another, shaped by how far it is
    established and coloured by whose it is. The sites with no Russian activity in the sources searched
    are named under the axis."""
    act = site_activity(site_rows, activity)
    active = act[~act["quiet"]].assign(start=lambda f: f["first_date"].fillna(f["latest_date"])).sort_values("start")
    order = active["label"].tolist()
    ev = activity[activity["site"].isin(order)]
    lanes = stack_in_lanes(ev.assign(site=pd.Categorical(ev["site"], order)), "site", order, gap_days=None)
    ev = ev.assign(y=lanes.y)
    centre = dict(zip(lanes.ticktext, lanes.tickvals))
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="lines",
            name="First to latest Russian activity",
            line=dict(color="#C1121F", width=10),
            opacity=0.3,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="lines",
            name="Paler: date known only to month/year",
            line=dict(color="#C1121F", width=10),
            opacity=0.13,
        )
    )
    for r in active.itertuples():
        # The bar spans every day its two dates can mean, and is paler where the activity may not yet (or
        # no longer) have been under way: before the end of the first date's month or year, or the first
        # dated fact there, whichever comes first; and likewise at the latest end.
        facts = ev[ev["site"] == r.label]
        known = [period_end(d, p) for d, p in zip(facts["date"], facts["date_precision"])]
        lasts = [
            period_start(e if pd.notna(e) else d, p) for d, e, p in zip(facts["date"], facts["date_end"], facts["date_precision"])
        ]
        if pd.notna(r.first_date):
            start, sure_from = r.first_date, min([period_end(r.first_date, r.first_precision)] + known)
        else:
            start = sure_from = r.latest_date
        if pd.notna(r.latest_date):
            last = r.latest_end if pd.notna(r.latest_end) else r.latest_date
            sure_to, end = max([period_start(last, r.latest_precision)] + lasts), period_end(last, r.latest_precision)
        else:
            sure_to = end = until
        words = f"{html(activity_words(r._asdict(), 'first'))} to {html(activity_words(r._asdict(), 'latest'))}"
        pieces = [
            (x0, x1, o) for x0, x1, o in [(start, sure_from, 0.13), (sure_from, sure_to, 0.3), (sure_to, end, 0.13)] if x1 > x0
        ]
        for x0, x1, opacity in pieces or [(start, end, 0.3)]:  # a single day: its marker shows it
            fig.add_trace(
                go.Scatter(
                    x=[x0, x1],
                    y=[centre[r.label]] * 2,
                    mode="lines",
                    showlegend=False,
                    opacity=opacity,
                    line=dict(color="#C1121F", width=12),
                    customdata=[r.place_id] * 2,
                    hovertemplate=f"<b>{html(r.label)}</b>: Russian activity from {words}<extra></extra>",
                )
            )
    for status in ("confirmed", "reported", "claimed"):
        part = ev[ev["status"] == status]
        if part.empty:
            continue
        name = {
            "confirmed": "Confirmed",
            "reported": "Reported by one source",
            "claimed": "Claimed by a party",
        }[status]
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=name,  # neutral legend entry: colour is whose the fact is
                marker=dict(symbol=style.STATUS_SYMBOL[status], size=9, color=style.INK, line=dict(width=1.5, color=style.INK)),
            )
        )
        colours = [style.actor_colour(SIDE_GROUP_COLOURS[side_group(a)]) for a in part["side"]]
        fig.add_trace(
            go.Scatter(
                x=part["date"],
                y=part["y"],
                mode="markers",
                name=name,
                showlegend=False,
                marker=dict(symbol=style.STATUS_SYMBOL[status], size=9, color=colours, line=dict(width=1.5, color=colours)),
                customdata=part["fact_id"],
                text=[
                    f"<b>{html(s)}</b>, {html(span(d, e, p))} ({html(st)}): {html(k)}, {html(side_group(a))}<br>"
                    + "<br>".join(html(t[i : i + 90]) for i in range(0, len(t), 90))
                    for s, d, e, p, st, k, a, t in zip(
                        part["site"],
                        part["date"],
                        part["date_end"],
                        part["date_precision"],
                        part["status"],
                        part["kind"],
                        part["side"],
                        part["summary"],
                    )
                ],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    present = set(ev["side"].map(side_group))
    for group in [g for g in SIDE_GROUP_COLOURS if g in present]:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=group,
                marker=dict(symbol="square", size=9, color=style.actor_colour(SIDE_GROUP_COLOURS[group])),
            )
        )
    lanes.style_axis(fig)
    fig.update_xaxes(type="date", title="Date", tickformat="%Y")
    quiet = act.loc[act["quiet"], "label"].tolist()
    if quiet:
        fig.add_annotation(
            text="<br>".join(
                html(line)
                for line in textwrap.wrap(f"Not shown: no Russian activity in the sources searched at {and_list(quiet)}", 46)
            ),
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            yshift=-62,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            align="left",
            font=dict(size=11, color=style.MUTED),
        )
    fig.update_layout(legend=style.TOP_LEGEND, height=lanes.height_px(base=380), margin=dict(b=110))
    return fig


# ------------------------------------------------------------------ the air bridge


def full_payload_range(platform: pd.Series) -> tuple[float, float]:
    """The range an aircraft type is stated to fly at full payload, as (low, high): from range_km_low
    (or best) to range_km_best (or high). The high column may hold a ferry range with no payload,
    which is never used here."""
    low = platform["range_km_low"] if pd.notna(platform["range_km_low"]) else platform["range_km_best"]
    high = (
        platform["range_km_best"]
        if pd.notna(platform["range_km_best"])
        else (platform["range_km_high"] if pd.notna(platform["range_km_low"]) and pd.notna(platform["range_km_high"]) else low)
    )
    return float(low), float(high)


def route_chains(movements: pd.DataFrame, places: pd.DataFrame) -> list[list[str]]:
    """Every reported air route that touches Libya, as a chain of place ids (from any chapter)."""
    country = places.set_index("place_id")["country"]
    air = movements[movements["asset_type"].isin(["aircraft_flight", "personnel", "equipment"])]
    chains = []
    for o, via, d in zip(air["origin_place_id"], air["via_place_ids"], air["destination_place_id"]):
        chain = [o] + [v for v in (via if isinstance(via, str) else "").split(";") if v] + [d]
        if any(country.get(c) == "LBY" for c in chain) and all(pd.notna(country.get(c)) for c in chain):
            chains.append(chain)
    return chains


def air_bridge_legs(chains: list[list[str]], places: pd.DataFrame) -> pd.DataFrame:
    """The distinct legs of the reported routes, whichever way they were flown, each with its geodesic
    length; a leg is approximate when an end is a stand-in for a region or a country (its precision
    is not a site or a town)."""
    precision = places.set_index("place_id")["geo_precision"]
    seen, rows = set(), []
    for chain in chains:
        for a, b in zip(chain, chain[1:]):
            if frozenset((a, b)) in seen:
                continue
            seen.add(frozenset((a, b)))
            rows.append(
                {
                    "from": a,
                    "to": b,
                    "km": legs_km([a, b], places)[0],
                    "approximate": precision[a] in ("region", "country") or precision[b] in ("region", "country"),
                }
            )
    return pd.DataFrame(rows)


def reach(legs: pd.DataFrame, platforms: pd.DataFrame, platform_id: str) -> pd.DataFrame:
    """For each leg, whether the aircraft type's stated range at full payload covers it: 'yes' within
    the low end of that range, 'depends' within its high end, 'no' beyond both."""
    low, high = full_payload_range(platforms.set_index("platform_id").loc[platform_id])
    verdict = ["yes" if km <= low else ("depends" if km <= high else "no") for km in legs["km"]]
    return legs.assign(reach=verdict, range_low=low, range_high=high)


def air_bridge_figure(
    legs: pd.DataFrame,
    places: pd.DataFrame,
    platforms: pd.DataFrame,
    reference: list[str],
    comparison: pd.DataFrame | None = None,
    for_print: bool = False,
) -> go.Figure:
    """Each leg as a horizontal bar of its geodesic length, with the stated ranges at full payload of
    the aircraft named on the routes drawn as bands. Approximate legs (an end is a regional stand-in)
    are drawn pale; comparison legs, which no movement flew, are outlined only.

    On the web each leg's name is written above its bar (a phone keeps the bars' full width); `for_print`
    lays it out for the PDF instead: the names beside the bars, in print-sized text (PRINT_TEXT), each
    row tall enough for its name (PRINT_ROW_PX), and the figure's height set to hold them."""
    p = places.set_index("place_id")

    def end(place_id):
        name = short_name(p.loc[place_id, "name"]).split(",")[0]
        stand_in = p.loc[place_id, "geo_precision"] in ("region", "country") and "not named)" not in name
        return name + (" (airfield not named)" if stand_in else "")

    def label(a, b):
        return f"{end(a)} → {end(b)}"

    frame = legs.assign(label=[label(a, b) for a, b in zip(legs["from"], legs["to"])], kind="flown")
    if comparison is not None and not comparison.empty:
        frame = pd.concat(
            [
                frame,
                comparison.assign(
                    label=[label(a, b) + " (direct, for comparison)" for a, b in zip(comparison["from"], comparison["to"])],
                    kind="comparison",
                ),
            ]
        )
    frame = frame.sort_values("km", ascending=False)
    fig = go.Figure()
    if for_print:
        row_y = {label: -float(i) for i, label in enumerate(frame["label"])}
        fig.update_yaxes(
            tickvals=list(row_y.values()),
            ticktext=[html(t) for t in row_y],
            tickfont=dict(size=PRINT_TEXT["label"]),
            range=[-len(row_y) + 0.4, 0.6],
            automargin=False,
            showgrid=False,
            zeroline=False,
            ticks="",
        )
        # the names' room, set rather than left to plotly, so that the legend and the source line can
        # start under them, at the image's left edge
        left = max(len(t) for t in row_y) * PRINT_TEXT["label"] * 0.56 + 14
        plot_w = WIDTH - left - PRINT_RIGHT_PX
        edge = -(left - 10) / plot_w
    else:
        row_y = labels_above_rows(fig, frame["label"].tolist())
    for kind, approx, name, style_ in (
        ("flown", False, "Leg of a reported route", dict(color="#6E7781")),
        ("flown", True, "Leg with a regional stand-in end (approximate)", dict(color="#B8BEC4")),
        ("comparison", False, "Direct distance, not flown in the data", dict(color="white", line=dict(color="#6E7781", width=2))),
    ):
        part = frame[(frame["kind"] == kind) & (frame["approximate"].fillna(False) == approx)]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=part["km"],
                y=part["label"].map(row_y),
                orientation="h",
                marker=style_,
                name=name,
                width=0.6 if for_print else 0.45,
                text=[f"{k:,.0f} km" for k in part["km"]],
                textposition="outside",
                textfont=dict(size=PRINT_TEXT["value"]) if for_print else None,
                cliponaxis=False,
                customdata=part["label"],
                hovertemplate="%{customdata}: %{x:,.0f} km<extra></extra>",
            )
        )
    pf = platforms.set_index("platform_id")
    colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]
    for colour, pid in zip(colours, reference):
        lo, hi = full_payload_range(pf.loc[pid])
        fig.add_vrect(
            x0=lo, x1=max(hi, lo + 30), fillcolor=colour, opacity=0.2, line=dict(color=colour, width=1.5), layer="below"
        )
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker=dict(symbol="square", size=12, color=colour, opacity=0.5),
                name=f"{short_name(pf.loc[pid, 'name'])}: {lo:,.0f}–{hi:,.0f} km at full payload"
                if hi > lo
                else f"{short_name(pf.loc[pid, 'name'])}: {lo:,.0f} km",
            )
        )
    fig.update_xaxes(title="Geodesic length of the leg (km)", rangemode="tozero", tickformat=",d")
    fig.update_layout(legend=style.TOP_LEGEND, margin=dict(l=20, r=70), barmode="overlay")
    if for_print:
        fig.update_xaxes(title_font=dict(size=PRINT_TEXT["axis"]), tickfont=dict(size=PRINT_TEXT["value"]))
        fig.update_layout(
            legend=style.TOP_LEGEND | dict(font=dict(size=PRINT_TEXT["value"]), x=edge),
            height=PRINT_CHROME_PX + PRINT_ROW_PX * len(row_y),
            margin=dict(l=left, r=PRINT_RIGHT_PX),
            meta=dict(note_x=edge),
        )
    return fig


# The air bridge's print version: its 900 px image fills the PDF's text width (about 6.5 in), so 10 px
# text would print at about 5 pt. These sizes print at about 7 to 8 pt, and each row is tall enough for
# its name beside the bar; the legend, the axis and the source line take PRINT_CHROME_PX.
PRINT_TEXT = {"label": 14, "value": 13, "axis": 15}
PRINT_ROW_PX = 25
PRINT_CHROME_PX = 250
PRINT_RIGHT_PX = 80  # room right of the plot for the longest bar's length


# ------------------------------------------------------------------ since mid-2025

SINCE = pd.Timestamp("2025-05-01")  # the last months the seed articles could not know, to the latest reporting
# The facts the section dates by name (a fact that disappears from the data fails the chapter's test).
LATE_FACTS = {
    "saddam_deputy": "ev_20250811_saddam_deputy_commander",
    "khaled_chief": "ev_20250818_khaled_haftar_chief_of_staff",
    "belousov_khaled": "ev_20250905_belousov_meets_khaled_haftar",
    "saddam_minsk": "ev_20251020_saddam_haftar_minsk",
    "an124_rfi": "mv_20250516_an124_hmeimim_khadim_rfi",
    "il62": "mv_20251126_il62_russia_eastern_libya",
    "nato_shadow": "ev_20260126_nato_shadows_severomorsk_krasnodar",
    "qendil": "ev_20251219_qendil_drone_strike_claim",
    "metagaz": "ev_20260303_arctic_metagaz_sinks_off_libya",
    "russia_blames": "ev_20260304_russia_blames_ukraine_drones_from_libya",
    "an124_count": "est_202511_an124_khadim_libyaosint",
}


def since_mid_2025(facts: pd.DataFrame) -> pd.DataFrame:
    """The Libya chapter's facts (rows of evidence.facts) dated from May 2025 on."""
    return facts[(facts["chapter"] == "libya") & (facts["date"] >= SINCE)].sort_values(["date", "fact_id"]).reset_index(drop=True)


def since_numbers(facts: pd.DataFrame, estimates: pd.DataFrame) -> dict[str, object]:
    """The dates and counts the section weaves in, by name."""
    rows = since_mid_2025(facts).set_index("fact_id")
    missing = sorted(set(LATE_FACTS.values()) - set(rows.index))
    if missing:
        raise KeyError(f"facts the Libya chapter dates by name are not in the data: {missing}")
    out = {f"late_{name}": rows.loc[fid, "when"] for name, fid in LATE_FACTS.items()}
    # The same dates as they sit in a sentence ("on 5 May 2025", "in the week of 5 September 2025").
    out |= {
        f"on_late_{name}": on_date(rows.loc[fid, "date"], rows.loc[fid, "precision"], rows.loc[fid].get("date_end"))
        for name, fid in LATE_FACTS.items()
    }
    count = estimates.set_index("estimate_id").loc[LATE_FACTS["an124_count"]]
    out["late_an124_visits"] = f"{count['value_low']:,.0f}"
    out["late_n_facts"] = len(rows)
    out["late_n_claimed"] = int((rows["status"] == "claimed").sum())
    out["late_newest"] = with_precision(rows["date"].max(), "day")
    return out


# The decisions on overflight the section on the air bridge names (a fact missing from the data fails loudly).
OVERFLIGHT_EVENTS = {
    "eu_airspace": "ev_20220228_eu_airspace_ban",
    "us_limits": "ev_20220101_us_overflight_limits_wsj",
}


def overflight_numbers(all_events: pd.DataFrame) -> dict[str, str]:
    """When each overflight decision the prose names took effect or was said, in a sentence ("on 28
    February 2022", "in 2022"), and when the report of the US requests was first published."""
    numbers = dates_of(all_events, OVERFLIGHT_EVENTS, prefix="on_", in_sentence=True)
    reported = all_events.set_index("event_id").loc[OVERFLIGHT_EVENTS["us_limits"], "date_reported"]
    numbers["on_us_limits_reported"] = Plain(on_date(reported, "day"))
    return numbers


def chapter_numbers(
    all_events, estimates, events, movements, places, platforms, sites_table, sources=None, evidence=None
) -> tuple[dict[str, object], dict[str, object]]:
    """Every number and date the chapter's prose weaves in, by name (glued by the notebook), and the
    objects its figure and table cells use, by name. Given the sources (and the evidence table), the
    sites carry how the map marks them (site_marks)."""
    numbers: dict[str, object] = {}
    ev = all_events.set_index("event_id")
    mv = movements.set_index("movement_id")
    est = estimates.set_index("estimate_id")
    p = places.set_index("place_id")
    pf = platforms.set_index("platform_id")
    fall = regime_fall(all_events)
    sites = chapter_sites(sites_table, places)
    people = personnel(estimates)
    flights = flights_into_libya(movements, places)
    at_sites = russian_activity(sites, all_events, movements)
    activity = site_activity(sites, at_sites)
    sites = with_activity(sites, at_sites)  # the map's hover says what the table says
    if sources is not None:  # how the map marks each site: the landing page's map follows the same rule
        marks = site_marks(sites, at_sites, sources, evidence)
        sites = sites.merge(marks[["place_id", "since", "claims_only", "straddles", "date"]], on="place_id")
    in_libya = movements["destination_place_id"].map(p["country"]).eq("LBY").fillna(False)
    libyan_mv = movements[(movements["chapter"] == "libya") | in_libya]
    latest = max(events["date"].max(), libyan_mv["date"].max(), sites["latest_activity"].max())
    chapter_sources = pd.concat(
        [
            events["source_ids"],
            libyan_mv["source_ids"],
            estimates.loc[estimates["chapter"] == "libya", "source_ids"],
            sites_table["source_ids"],
        ]
    )
    cited = {s for cell in chapter_sources for s in cell.split(";")}

    def when(event_id):
        r = ev.loc[event_id]
        return with_precision(r["date"], r["date_precision"])

    def count_words(movement_id, unit=""):
        return ranges.from_row(mv.loc[movement_id], "count").words(unit)

    def estimate_words(estimate_id, unit="people"):
        r = est.loc[estimate_id]
        return f"{ranges.from_row(r, 'value').words(unit)} ({with_precision(r['as_of'], r['as_of_precision'])})"

    numbers["d_fall"] = Plain(long_date(fall))
    numbers["d_latest"] = Plain(with_precision(latest, "month"))
    numbers["n_events"] = len(events)
    numbers["n_sources"] = len(cited)
    numbers["n_sites"] = len(sites)
    # the sites with no Russian activity in the sources searched: the table's and the figure's, by one rule
    quiet = activity.loc[activity["quiet"], "label"].tolist()
    numbers["n_sites_quiet"] = len(quiet)
    numbers["sites_quiet"] = Plain(and_list(quiet) if quiet else "none")
    numbers["n_sites_town_coords"] = int((sites["geo_precision"] != "site").sum())
    numbers["m_wagner_first"] = Plain(when("ev_20181001_wagner_present"))
    for key, event_id in {
        "un_panel": "ev_20200424_un_panel_wagner",
        "jets": "ev_20200501_fighters_to_jufra",
        "un_flights": "ev_20200902_un_338_flights",
        "trench": "ev_20210122_cnn_trench_imagery",
        "drawdown": "ev_20220401_wagner_drawdown_ukraine",
        "yevkurov": "ev_20230822_yevkurov_first_visit",
        "putin_haftar": "ev_20230928_putin_haftar",
        "africa_corps": "ev_20231120_africa_corps_recruitment",
        "tobruk_ships": "ev_20240414_landing_ships_unload_tobruk",
        "brak": "ev_20240415_africa_corps_brak",
        "telegraph_bases": "ev_20241203_telegraph_base_imagery",
        "varyag": "ev_20240617_varyag_tobruk",
        "miller": "ev_20240621_miller_statement",
        "dbeibah": "ev_20241220_dbeibah_rejects_russian_forces",
        "crosetto": "ev_20241220_crosetto_warning",
        "africom_no_base": "ev_20241220_africom_cannot_confirm_base",
        "maaten": "ev_20241201_maaten_al_sarra_restoration",
        "pause": "ev_20250501_hmeimim_libya_flight_pause",
        "haftar_moscow": "ev_20250507_haftar_moscow",
        "belavia": "ev_20250501_belavia_minsk_benghazi",
        "kufrah": "ev_20250401_kufrah_rsf_airbridge",
        "sun": "ev_20181008_sun_uk_intel_claim",
        "lna_denies": "ev_20181010_lna_denies_bases",
        "lna_denies_2023": "ev_20231107_lna_denies_base_deal",
        "warroom": "ev_20240318_warroom_migration_lever",
        "telegraph_migration": "ev_20240301_telegraph_migration_docs",
        "turkey_2020": "ev_20200501_turkey_warns_haftar",
        "turkey_2025": "ev_20250301_turkey_lna_contacts",
        "eu_tobruk": "ev_20240519_eu_concern_tobruk",
        "s300_claim": "ev_20200715_lna_s300_claim",
        "qardabiya_claim": "ev_20200626_qardabiya_transports_claim",
        "russian_tv": "ev_20251116_russian_tv_six_countries",
    }.items():
        numbers[f"d_{key}"] = Plain(when(event_id))
        numbers[f"on_{key}"] = Plain(
            on_date(ev.loc[event_id, "date"], ev.loc[event_id, "date_precision"], ev.loc[event_id, "date_end"])
        )
        numbers[f"by_{key}"] = Plain(by_date(ev.loc[event_id]))

    # numbers from the movements and estimates
    # the monitors' own hedges: about that many, and "suspicious" flights, not confirmed military cargo
    numbers["un_flights"] = Plain(f"about {count_words('mv_20191101_un_338_flights')} suspicious flights")
    numbers["mig29"] = Plain(ranges.from_row(est.loc["est_202005_africom_mig29"], "value").words())
    numbers["gna_jets"] = Plain(ranges.from_row(est.loc["est_202005_gna_jets_8"], "value").words())
    numbers["tobruk_shipments"] = Plain(count_words("mv_20240201_tartus_tobruk_shipments", "shipments"))
    numbers["rusi_tonnes"] = Plain(estimate_words("est_202404_rusi_6000t", "tonnes"))
    for key, estimate_id in {
        "un_wagner": "est_202004_un_poe_wagner",
        "africom_wagner": "est_2020_africom_wagner_2000",
        "pism": "est_202401_pism_800",
        "analysts": "est_202404_analysts_1000_1500",
        "aeow": "est_202405_aeow_1800",
        "state": "est_202406_state_1800",
        "ft_remaining": "est_202204_ft_remaining_5000",
        "lead_ig": "est_201912_wagner_lead_ig",
        "ft_withdrawn": "est_202204_ft_withdrawn",
    }.items():
        numbers[f"est_{key}"] = Plain(estimate_words(estimate_id))
    numbers["est_express_regulars"] = Plain(estimate_words("est_202405_express_regulars_1500"))
    (d0, v0), (d1, v1) = change_ends(people.set_index("estimate_id").loc["est_202405_intel_800_1800"])
    numbers["est_rise"] = Plain(f"from {v0:,.0f} in {d0} to {v1:,.0f} in {d1}")
    stocks = present(people)  # people present on a date: never arrivals, departures or a change
    numbers["n_estimates"] = len(people)
    numbers["n_estimators"] = people["estimator"].nunique()
    numbers["est_min"] = Plain(f"{min(r.low for r in stocks['range']):,.0f}")
    numbers["est_max"] = Plain(f"{max(r.high for r in stocks['range']):,.0f}")
    # the last year the estimates describe: where they cluster, apart from the older and wider figures
    last_year = stocks["as_of"].dt.year.max()
    recent = stocks[stocks["as_of"].dt.year == last_year]
    numbers["y_est_recent"] = Plain(str(last_year))
    numbers["n_est_recent"] = len(recent)
    numbers["est_recent"] = Plain(
        ranges.Range(min(r.low for r in recent["range"]), None, max(r.high for r in recent["range"])).words("people")
    )
    largest = stocks.iloc[max(range(len(stocks)), key=lambda i: stocks["range"].iloc[i].high)]
    numbers["y_est_largest"] = Plain(str(largest["as_of"].year))
    newest = stocks.sort_values("as_of").iloc[-1]
    described = with_precision(newest["as_of"], newest["as_of_precision"])
    described = f"the {described}" if newest["as_of_precision"] == "week" else described
    numbers["newest_estimate"] = Plain(
        f"{newest['range'].words('people')}, by {short_name(newest['estimator'])}, describing {described}"
    )
    n_after = int((people["as_of"] >= fall).sum())
    numbers["after_fall_estimates"] = Plain("none of them describes" if n_after == 0 else f"only {n_after} describe")

    # since the fall
    # the same December flights from Syria the withdrawal chapter counts (read from all movements)
    airlift = mv.loc[list(AIRLIFT_FROM_SYRIA)]
    numbers["airlift"] = Plain(ranges.total(ranges.from_row(r, "count") for _, r in airlift.iterrows()).words("flights"))
    numbers["airlift_dates"] = Plain(span(airlift["date"].min(), airlift["date_end"].fillna(airlift["date"]).max()))
    numbers["minsk_moscow_flights"] = Plain(count_words("mv_20241212_moscow_minsk_benghazi_il76", "flights"))
    numbers["belarus_flights"] = Plain(count_words("mv_20241208_minsk_benghazi_telegraph", "flights"))
    numbers["on_an124"] = Plain(on_date(mv.loc["mv_20241226_an124_latakia_khadim", "date"], "day"))
    numbers["on_mys"] = Plain(on_date(mv.loc["mv_20260116_mys_zhelaniya_baltiysk_tobruk", "date"], "day"))
    numbers["on_il62_turkey"] = Plain(on_date(mv.loc["mv_20251126_il62_russia_eastern_libya", "date"], "day"))
    # ISW's count of the January 2025 shuttle, known only through a low-graded relay: a claim, never added to
    # the documented count
    isw = mv.loc["mv_20250101_il76_syria_khadim_isw"]
    numbers["isw_shuttle"] = Plain(ranges.from_row(isw, "count").words("flights"))
    numbers["isw_shuttle_span"] = Plain(span(isw["date"], isw["date_end"], isw["date_precision"]))
    airspace = ev.loc["ev_20220423_turkey_airspace_closed"]
    numbers["on_turkey_airspace"] = Plain(on_date(airspace["date"], airspace["date_precision"]))
    numbers.update(overflight_numbers(all_events))
    after = flights[flights["date"] >= fall]
    numbers["n_flight_rows_after"] = len(after)
    numbers["n_flight_rows_before"] = len(flights) - len(after)
    # Only activity dated to the month or finer can be ordered: a year ("2020") may be before or after May 2020.
    dated = activity[activity["first_precision"].isin(["day", "week", "month"])].sort_values("first_date")
    first_site = dated.iloc[0]
    numbers["first_site"] = Plain(
        f"{first_site['label']} ({span(first_site['first_date'], first_site['first_end'], first_site['first_precision'])}"
        + (f", {first_site['first_status']}" if pd.notna(first_site["first_status"]) else "")
        + ")"
    )

    # the air bridge
    chains = route_chains(movements, places)
    legs = air_bridge_legs(chains, places)
    direct = air_bridge_legs([["moscow", "bamako"]], places)
    numbers["n_legs"] = len(legs)
    il76_low, il76_high = full_payload_range(pf.loc["il_76md"])
    an124_low, an124_high = full_payload_range(pf.loc["an_124"])
    numbers["il76_range"] = Plain(f"{il76_low:,.0f} to {il76_high:,.0f}")
    numbers["an124_range"] = Plain(f"{an124_low:,.0f} to {an124_high:,.0f}")
    numbers["km_direct"] = Plain(f"{direct['km'].iloc[0]:,.0f}")
    precise = legs[~legs["approximate"]]
    longest = precise.loc[precise["km"].idxmax()]
    numbers["km_longest"] = Plain(f"{longest['km']:,.0f}")
    numbers["longest_leg"] = Plain(
        f"{short_name(p.loc[longest['from'], 'name']).split(' (')[0]} to {short_name(p.loc[longest['to'], 'name']).split(' (')[0]}"
    )
    numbers["km_hmeimim_khadim"] = Plain(f"{legs_km(['hmeimim_air_base', 'al_khadim_air_base'], places)[0]:,.0f}")
    numbers["km_moscow_khadim"] = Plain(f"{legs_km(['moscow', 'al_khadim_air_base'], places)[0]:,.0f}")
    il76_reach = reach(precise, platforms, "il_76md")
    numbers["n_legs_within_il76"] = int((il76_reach["reach"] == "yes").sum())
    numbers["n_legs_precise"] = len(precise)
    onward = sorted(
        {short_name(p.loc[c[-1], "name"]) for c in chains if p.loc[c[-1], "country"] not in ("LBY", "SYR", "RUS", "BLR")}
    )
    numbers["sahel_places"] = Plain(and_list(onward))
    numbers["un_flights_span"] = Plain(
        span(mv.loc["mv_20191101_un_338_flights", "date"], mv.loc["mv_20191101_un_338_flights", "date_end"], "month")
    )
    numbers["ft_withdrawn_n"] = Plain(f"{est.loc['est_202204_ft_withdrawn', 'value_best']:,.0f}")
    numbers["y_africa_corps"] = Plain(str(ev.loc["ev_20240414_landing_ships_unload_tobruk", "date"].year))
    shared = {
        "an124_high": an124_high,
        "an124_low": an124_low,
        "at_sites": at_sites,
        "direct": direct,
        "est": est,
        "flights": flights,
        "il76_high": il76_high,
        "il76_low": il76_low,
        "latest": latest,
        "legs": legs,
        "people": people,
        "sites": sites,
    }
    return numbers, shared


# Claims on record and the Africa Corps in Mali (a fact missing from the data fails loudly).
RECORD_EVENTS = {
    "mutiny": "ev_20230623_wagner_mutiny",
    "envoy": "ev_20230601_envoy_benghazi_after_mutiny",
    "new_commander": "ev_20230822_yevkurov_wagner_new_commander",
    "prigozhin_crash": "ev_20230823_prigozhin_plane_crash",
    "oath": "ev_20230825_putin_oath_decree",
    "wagner_dismantled": "ev_20230601_nyt_wagner_dismantled",
    "crosetto": "ev_20230313_crosetto_wagner_migration",
    "prigozhin": "ev_20230313_prigozhin_reply_crosetto",
    "wagner_mali": "ev_20250606_wagner_leaves_mali",
    "africa_corps_mali": "ev_20250608_africa_corps_takes_over_mali",
    "ouagadougou": "mv_20250518_an124_khadim_bamako_ouagadougou",
}


def record_numbers(events: pd.DataFrame, movements: pd.DataFrame) -> dict[str, str]:
    facts = dated_facts({"events": events, "movements": movements})
    return dates_of(facts, RECORD_EVENTS, prefix="d_rec_") | dates_of(facts, RECORD_EVENTS, prefix="on_rec_", in_sentence=True)


def sites_table(
    sites: pd.DataFrame,
    events: pd.DataFrame | None = None,
    movements: pd.DataFrame | None = None,
    actors: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The sites with their role and their first and latest Russian activity (site_activity), each with
    how far it is established (and who claims it, where the actors are given). A date the report's
    records give earlier or later than the site's own sources says so; a site with no Russian activity
    in the sources searched says that."""
    if events is None:
        events = pd.DataFrame(columns=["event_id", "place_id", "actor_id", "other_actor_id", "date"])
    activity = russian_activity(sites, events, movements)
    act = site_activity(sites, activity).set_index("place_id")
    names = actors.set_index("actor_id")["name"] if actors is not None else None
    return pd.DataFrame(
        {
            "Site": sites["label"],
            "Role": sites["role"],
            "First dated Russian activity": [activity_words(act.loc[p], "first", names) for p in sites["place_id"]],
            "Latest": [activity_words(act.loc[p], "latest", names) for p in sites["place_id"]],
            "Position": sites["geo_precision"].map({"site": "the site", "settlement": "nearest town"}),
        }
    )
