"""The withdrawal chapter's analysis: Russia's posture before the fall, its movements out of Syria,
the routes and their geodesic distances, the status of each base over time, what left and what
stayed, and the lift capacity the reported sorties and voyages imply.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from afterassad.chapters.bases import (  # noqa: F401 (the notebook uses w.*)
    SITE_STATUS_COLOURS,
    SITE_STATUS_LABELS,
    SITE_STATUS_ORDER,
    status_periods,
    status_timeline_figure,
)
from afterassad.chapters.milestones import dates_of, offensive_launch, regime_fall
from afterassad.core import ranges
from afterassad.core.dates import by_date, day_month, long_date, span, with_precision
from afterassad.core.geo import distance_km
from afterassad.core.text import Plain, and_list, html, short_name, wrap_label
from afterassad.figures import style
from afterassad.figures.labels import LabelPlacer
from afterassad.figures.render import base_map, locator_box
from afterassad.figures.routemap import (
    add_labels,
    add_places,
    geodesic_line,
    leg_label,
    legs_km,
    length_words,
    measured_km,
)

# Where a movement went, grouped as the chapter tells it.
TO_RUSSIA, TO_LIBYA, INTO_SYRIA, WITHIN_SYRIA, AT_SEA, OTHER = (
    "Back to Russia",
    "To Libya",
    "Into Syria (to collect)",
    "Within Syria",
    "Out to sea or in transit",
    "To other countries",
)
DESTINATION_ORDER = [TO_RUSSIA, TO_LIBYA, INTO_SYRIA, WITHIN_SYRIA, AT_SEA, OTHER]
DESTINATION_COLOURS = {
    TO_RUSSIA: "#C1121F",
    TO_LIBYA: "#DDAA33",
    INTO_SYRIA: "#882255",
    WITHIN_SYRIA: "#6E7781",
    AT_SEA: "#0072B2",
    OTHER: "#44AA99",
}
ELSEWHERE = AT_SEA

UNIT_TITLES = {
    "flights": "Flights",
    "voyages": "Ship voyages",
    "vehicles": "Vehicles in road convoys",
    "people": "People",
    "items": "Items",
}
ASSET_KIND_LABELS = {
    "personnel": "Personnel",
    "fixed_wing_aircraft": "Fixed-wing aircraft",
    "helicopters": "Helicopters",
    "warships": "Warships",
    "submarines": "Submarines",
    "support_ships": "Support ships",
    "air_defence": "Air-defence systems",
    "ground_vehicles": "Ground vehicles",
    "other": "Other",
}
# The equipment table's categories, in the chapter's kinds of asset.
CATEGORY_KIND = {
    "aircraft": "fixed_wing_aircraft",
    "helicopter": "helicopters",
    "naval": "warships",
    "air_defence": "air_defence",
    "armoured_vehicle": "ground_vehicles",
    "tank": "ground_vehicles",
    "vehicle": "ground_vehicles",
    "artillery": "other",
    "other": "other",
}

PRECISION_DAYS = {"day": 1, "week": 7}
# Counts made outside Syria are not Russia's forces in Syria: flights counted at a Libyan base, and the
# ships of a missile exercise in the eastern Mediterranean.
OUTSIDE_SYRIA = ("al_khadim_air_base", "eastern_mediterranean")
# The December 2024 flights from Syria to Libya that the sources count: the early ones, of aircraft no
# source types, and the two An-124s tracked from Hmeimim on 26-27 December.
AIRLIFT_ROWS = ("mv_20241210_hmeimim_khadim_airlift", "mv_20241226_an124_latakia_khadim")
NEAR_ENDS_KM = 150  # route ends this close share one length label on the route map


# ------------------------------------------------------------------ posture before the fall


def posture(estimates: pd.DataFrame, fall: pd.Timestamp) -> pd.DataFrame:
    """Estimates of Russia's own forces in Syria that describe a date on or before the fall, by kind of asset.

    A month-precise estimate counts if its month began by then (it is stored as the first day).
    """
    rows = estimates[
        (estimates["chapter"] == "withdrawal")
        & (estimates["actor_id"] == "russia")
        & (estimates["as_of"] <= fall)
        & ~estimates["place_id"].isin(OUTSIDE_SYRIA)
    ].copy()
    rows["range"] = [ranges.from_row(r, "value") for _, r in rows.iterrows()]
    rows["kind_order"] = rows["asset_kind"].map({k: i for i, k in enumerate(ASSET_KIND_LABELS)}).fillna(99)
    return rows.sort_values(["kind_order", "as_of"]).reset_index(drop=True)


def _with_facts(fact_ids: pd.Series, columns: dict) -> pd.DataFrame:
    """A reader's table that remembers the fact behind each row (text.Table links it to the explorer)."""
    frame = pd.DataFrame({k: (v.values if isinstance(v, pd.Series) else v) for k, v in columns.items()})
    frame.attrs["fact_ids"] = list(fact_ids)
    return frame


def posture_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The posture estimates as a reader's table: what, how many, who estimated, as of when."""
    return _with_facts(
        rows["estimate_id"],
        {
            "Asset": rows["asset_kind"].map(ASSET_KIND_LABELS).fillna("Other"),
            "What is counted": rows["subject"],
            "Estimate": [r.words(u if u != "items" else "") for r, u in zip(rows["range"], rows["unit"])],
            "Estimator": rows["estimator"],
            "As of": [with_precision(d, p) for d, p in zip(rows["as_of"], rows["as_of_precision"])],
            "Status": rows["status"],
        },
    )


# ------------------------------------------------------------------ movements


# Waters on the way home: the sources track the ships seen in the English Channel heading for the
# Baltic, so a voyage that ends there is grouped with the voyages back to Russia (a derived rule).
HOMEWARD_WATERS = {"english_channel"}


def destination_group(movements: pd.DataFrame, places: pd.DataFrame) -> pd.Series:
    """Each movement's destination as the chapter groups them; a sea or region with no country is 'at
    sea', except the waters the ships crossed on their way home (HOMEWARD_WATERS)."""
    country = places.set_index("place_id")["country"]
    dest, origin = movements["destination_place_id"].map(country), movements["origin_place_id"].map(country)
    homeward = movements["destination_place_id"].isin(HOMEWARD_WATERS)
    dest = dest.mask(homeward, "RUS")

    def group(d, o):
        if pd.isna(d):
            return AT_SEA
        if d == "SYR":
            return WITHIN_SYRIA if not pd.isna(o) and o == "SYR" else INTO_SYRIA
        return {"RUS": TO_RUSSIA, "LBY": TO_LIBYA}.get(d, OTHER)

    return pd.Series([group(d, o) for d, o in zip(dest, origin)], index=movements.index, dtype="object")


def after_the_fall(movements: pd.DataFrame) -> pd.DataFrame:
    """The movements the chapter counts: not those kept only as earlier context."""
    return movements[~movements["earlier_context"].astype(bool)]


def during(movements: pd.DataFrame, period: tuple[pd.Timestamp, pd.Timestamp]) -> pd.DataFrame:
    """The movements that began within a period (both ends included), such as the withdrawal's first
    phase (phases())."""
    return movements[movements["date"].between(*period)]


def effective_span(movements: pd.DataFrame) -> pd.DataFrame:
    """First and last day each movement may have taken place, from its dates and their precision.

    A movement dated to a month covers that month; to a week, seven days; a group with an end
    date, its whole span.
    """
    start = movements["date"]
    by_precision = []
    for date, precision in zip(movements["date"], movements["date_precision"]):
        if precision in PRECISION_DAYS:
            by_precision.append(date + pd.Timedelta(days=PRECISION_DAYS[precision] - 1))
        elif precision == "month":
            by_precision.append(date + pd.offsets.MonthEnd(0))
        else:
            by_precision.append(date + pd.offsets.YearEnd(0))
    end = movements["date_end"].where(movements["date_end"].notna(), pd.Series(by_precision, index=movements.index))
    return pd.DataFrame({"start": start, "end": end}, index=movements.index)


def counted(movements: pd.DataFrame) -> pd.Series:
    """Which movements carry any count (the rest were reported, but nobody counted them)."""
    return movements[["count_low", "count_best", "count_high"]].notna().any(axis=1)


def week_of(dates: pd.Series) -> pd.Series:
    """The Monday that starts each date's week."""
    return dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")


def weekly_counts(movements: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Counted, verified movements per week (Monday start), destination group and unit, as low/best/high.

    Each movement counts in the week it began: a voyage that took three weeks is one voyage, not
    a third of one in each week.
    """
    movements = movements[counted(movements) & (movements["status"] != "claimed")]
    if movements.empty:
        return pd.DataFrame(columns=["unit", "week", "destination", "low", "best", "high", "open_high"])
    frame = pd.DataFrame(
        {"unit": movements["count_unit"], "week": week_of(movements["date"]), "destination": destination_group(movements, places)}
    )
    r = [ranges.from_row(row, "count") for _, row in movements.iterrows()]
    frame["low"], frame["high"] = [x.low for x in r], [x.high for x in r]
    frame["best"] = [x.best for x in r]
    frame["open_high"] = [x.open_high for x in r]
    out = frame.groupby(["unit", "week", "destination"], as_index=False).agg(
        low=("low", "sum"),
        high=("high", "sum"),
        best=("best", lambda s: None if s.isna().any() else s.sum()),
        open_high=("open_high", "any"),
    )
    return out.sort_values(["unit", "week", "destination"]).reset_index(drop=True)


def phases(dates: pd.Series, gap_days: int = 60) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Split dates into runs separated by gaps longer than `gap_days`: the withdrawal's phases."""
    ordered = sorted(dates.dropna().unique())
    runs: list[list] = []
    for d in ordered:
        if runs and (d - runs[-1][-1]).days <= gap_days:
            runs[-1].append(d)
        else:
            runs.append([d])
    return [(pd.Timestamp(r[0]), pd.Timestamp(r[-1])) for r in runs]


def uncounted_weekly(movements: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Movements the bars leave out, by the week they began: those reported with no count, and
    those only claimed by a party (counted or not), which are kept apart from what was verified."""
    rows = movements[~counted(movements) | (movements["status"] == "claimed")]
    kind = ["claimed" if s == "claimed" else "uncounted" for s in rows["status"]]
    return pd.DataFrame(
        {
            "week": week_of(rows["date"]),
            "unit": rows["count_unit"],
            "destination": destination_group(rows, places),
            "kind": kind,
            "claimed_by": rows["claimed_by"],
            "description": rows["description"],
        }
    ).reset_index(drop=True)


UNIT_AXIS = {"flights": "flights", "voyages": "voyages", "vehicles": "vehicles", "people": "people", "items": "items"}


def movement_panels(
    weekly: pd.DataFrame, uncounted: pd.DataFrame | None = None, window: tuple[pd.Timestamp, pd.Timestamp] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """What the movements figure draws: the weeks in the window, and one panel per unit that has a
    verified count there. No panel is drawn without data: a unit that only claims or uncounted
    reports speak of (people, in this chapter) gets no panel of empty bars, and its markers are
    left to the text."""
    uncounted = (
        uncounted
        if uncounted is not None
        else pd.DataFrame(columns=["week", "unit", "destination", "kind", "claimed_by", "description"])
    )
    if window is not None:
        weekly = weekly[weekly["week"].between(week_of(pd.Series([window[0]])).iloc[0], window[1])]
        uncounted = uncounted[uncounted["week"].between(week_of(pd.Series([window[0]])).iloc[0], window[1])]
    units = [u for u in UNIT_TITLES if u in set(weekly["unit"])]
    return weekly, uncounted[uncounted["unit"].isin(units)], units


def movements_alt(
    weekly: pd.DataFrame, uncounted: pd.DataFrame | None = None, window: tuple[pd.Timestamp, pd.Timestamp] | None = None
) -> str:
    """Alt text for the movements figure, from what it draws (movement_panels)."""
    weekly, uncounted, units = movement_panels(weekly, uncounted, window)
    first, last = (window[0], window[1]) if window is not None else (weekly["week"].min(), weekly["week"].max())
    peak = weekly.loc[weekly["high"].idxmax()]
    claims, loose = int((uncounted["kind"] == "claimed").sum()), int((uncounted["kind"] == "uncounted").sum())
    return (
        f"Bar charts of Russian movements per week from {day_month(first)} to {long_date(last)}, by destination: "
        f"{and_list([UNIT_TITLES[u].lower() for u in units])}. The largest weekly count is {peak['low']:,.0f}"
        f"{'+' if peak['open_high'] else ''} {peak['unit']} {peak['destination'].lower()} in the week of "
        f"{day_month(peak['week'])}; {claims} claim{'' if claims == 1 else 's'} and {loose} uncounted "
        f"report{'' if loose == 1 else 's'} are drawn as markers below the axis."
    )


def movements_figure(
    weekly: pd.DataFrame, uncounted: pd.DataFrame | None = None, window: tuple[pd.Timestamp, pd.Timestamp] | None = None
) -> go.Figure:
    """Counts by week and destination: a solid bar up to the low count, a pale one on to the high.

    Movements reported with no count are drawn as hollow markers on the axis of their unit, so
    that the gap shows instead of reading as zero. One panel per unit with a count (movement_panels).
    """
    weekly, uncounted, units = movement_panels(weekly, uncounted, window)
    if not units:
        raise ValueError("no counted movement in the window: no panel to draw")
    fig = make_subplots(
        rows=len(units),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.09,
        subplot_titles=[UNIT_TITLES[u] + " per week" for u in units],
    )
    day_ms = 86400000.0
    drawn = set(weekly["destination"]) | set(uncounted["destination"])
    for dest in [d for d in DESTINATION_ORDER if d in drawn]:  # destinations first in the legend
        fig.add_trace(
            go.Bar(x=[None], y=[None], name=dest, legendgroup=dest, marker=dict(color=DESTINATION_COLOURS[dest])), row=1, col=1
        )
    legend_shown: set[str] = drawn
    for i, unit in enumerate(units, start=1):
        part = weekly[weekly["unit"] == unit]
        present = [d for d in DESTINATION_ORDER if d in set(part["destination"])]
        width = 6.0 / max(len(present), 1)  # days of the week each destination's bar takes
        for k, dest in enumerate(present):
            rows = part[part["destination"] == dest]
            colour = DESTINATION_COLOURS[dest]
            hover = [
                f"<b>{html(dest)}</b>, week of {day_month(w)}: {ranges.Range(lo, b, hi, o).words(unit)}"
                for w, lo, b, hi, o in zip(rows["week"], rows["low"], rows["best"], rows["high"], rows["open_high"])
            ]
            place = dict(width=width * day_ms, offset=(0.5 + k * width) * day_ms)  # bars start half a day into the week
            fig.add_trace(
                go.Bar(
                    x=rows["week"],
                    y=rows["low"],
                    name=dest,
                    legendgroup=dest,
                    showlegend=dest not in legend_shown,
                    marker=dict(color=colour),
                    hovertext=hover,
                    hoverinfo="text",
                    **place,
                ),
                row=i,
                col=1,
            )
            fig.add_trace(
                go.Bar(
                    x=rows["week"],
                    y=rows["high"] - rows["low"],
                    base=rows["low"],
                    name=f"{dest}: up to the high count",
                    legendgroup=dest,
                    showlegend=False,
                    marker=dict(color=colour, opacity=0.3, line=dict(color=colour, width=1)),
                    hovertext=hover,
                    hoverinfo="text",
                    **place,
                ),
                row=i,
                col=1,
            )
            labels = [
                f"{lo:,.0f}+" if o else (f"{lo:,.0f}–{hi:,.0f}" if hi > lo else f"{lo:,.0f}")
                for lo, hi, o in zip(rows["low"], rows["high"], rows["open_high"])
            ]
            fig.add_trace(
                go.Scatter(
                    x=rows["week"] + pd.to_timedelta(0.5 + (k + 0.5) * width, unit="D"),
                    y=rows["high"],
                    mode="text",
                    text=labels,
                    textposition="top center",
                    textfont=dict(size=10, color=style.INK),
                    showlegend=False,
                    hoverinfo="skip",
                ),
                row=i,
                col=1,
            )
            legend_shown.add(dest)
        loose = uncounted[uncounted["unit"] == unit].copy()
        # a strip under the zero line, markers of the same week stacked so none hides another
        top = max(float(part["high"].max()), 1.0)
        step = top * 0.09
        loose["slot"] = loose.groupby("week").cumcount()
        loose["y"] = -(loose["slot"] + 1) * step
        for kind, symbol, label in (
            ("uncounted", "triangle-up-open", "Reported, not counted"),
            ("claimed", "x-thin-open", "Claimed by a party, not verified"),
        ):
            for dest in DESTINATION_ORDER:
                rows = loose[(loose["kind"] == kind) & (loose["destination"] == dest)]
                if rows.empty:
                    continue
                if kind not in {t.legendgroup for t in fig.data}:  # a neutral legend entry: colour means destination
                    fig.add_trace(style.legend_key(label, symbol, style.INK, legendgroup=kind), row=i, col=1)
                fig.add_trace(
                    go.Scatter(
                        x=rows["week"],
                        y=rows["y"],
                        mode="markers",
                        name=label,
                        legendgroup=kind,
                        showlegend=False,
                        marker=dict(
                            symbol=symbol,
                            size=12,
                            color=DESTINATION_COLOURS[dest],
                            line=dict(width=2, color=DESTINATION_COLOURS[dest]),
                        ),
                        text=[
                            f"<b>{html(dest)}</b>, week of {day_month(w)}: "
                            + (f"claimed by {html(c)}" if kind == "claimed" else "reported with no count")
                            + "<br>"
                            + html(d[:140])
                            for w, c, d in zip(rows["week"], rows["claimed_by"], rows["description"])
                        ],
                        hovertemplate="%{text}<extra></extra>",
                    ),
                    row=i,
                    col=1,
                )
        depth = (int(loose["slot"].max()) + 1.6) * step if not loose.empty else 0.0
        fig.update_yaxes(
            title_text=UNIT_AXIS[unit],
            range=[-depth, top * 1.25],
            zeroline=True,
            zerolinecolor=style.MUTED,
            tickvals=style.count_ticks(top),  # whole numbers, none twice
            tickformat=",d",
            row=i,
            col=1,
        )
    fig.update_layout(barmode="overlay", legend=dict(style.TOP_LEGEND, y=1.04), margin=dict(t=70), height=200 + 260 * len(units))
    if window is not None:
        fig.update_xaxes(range=[week_of(pd.Series([window[0]])).iloc[0] - pd.Timedelta(days=4), window[1] + pd.Timedelta(days=4)])
    fig.update_xaxes(type="date")  # the legend's empty stubs would otherwise make plotly guess a numeric axis
    fig.update_xaxes(tickformat="%-d %b<br>%Y", row=len(units), col=1)
    return fig


# ------------------------------------------------------------------ routes


def routes(movements: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """One row per origin, stop and destination chain and mode: counts summed as ranges, and the
    geodesic length of each leg and of the whole route."""
    group = destination_group(movements, places)
    frame = movements.assign(destination=group, via=movements["via_place_ids"].fillna(""))
    out = []
    for (origin, via, dest, mode, unit), rows in frame.groupby(
        ["origin_place_id", "via", "destination_place_id", "asset_type", "count_unit"], sort=False
    ):
        chain = [origin] + [v for v in via.split(";") if v] + [dest]
        legs = legs_km(chain, places)
        out.append(
            {
                "origin": origin,
                "destination_place": dest,
                "chain": chain,
                "asset_type": mode,
                "count_unit": unit,
                "destination": rows["destination"].iloc[0],
                "legs_km": legs,
                "distance_km": sum(legs),
                "measured_km": measured_km(chain, places),  # None where an end is a country's stand-in
                "count": ranges.total(ranges.from_row(r, "count") for _, r in rows[counted(rows)].iterrows()),
                "n_uncounted": int((~counted(rows)).sum()),
                "first": rows["date"].min(),
                "last": rows["date"].max(),
                "n_rows": len(rows),
                "platforms": sorted(set(rows["platform_id"].dropna())),
                "source_ids": ";".join(rows["source_ids"]),
                "all_claimed": bool((rows["status"] == "claimed").all()),
            }
        )
    return pd.DataFrame(out)


def _route_count(r) -> str:
    counted_part = r.count.words(r.count_unit) if r.count.high > 0 else ""
    loose = f"{r.n_uncounted} report{'s' if r.n_uncounted > 1 else ''} with no count" if r.n_uncounted else ""
    return " and ".join(x for x in (counted_part, loose) if x)


def hur_russia_legs(route_rows: pd.DataFrame) -> list[float]:
    """The measured lengths of the flights to Russia known only from a party's claim (HUR's): what the
    route map labels and the text gives, from the same rows (a route to Russia's stand-in point has
    no length, since the sources name no airfield there)."""
    rows = route_rows[
        (route_rows["destination"] == TO_RUSSIA)
        & (route_rows["asset_type"] == "aircraft_flight")
        & route_rows["all_claimed"]
        & route_rows["measured_km"].notna()
    ]
    return list(rows["measured_km"])


def legs_phrase(lengths_km: list[float]) -> str:
    """'a leg of 2,280 km', or 'legs of 2,264 to 2,280 km': the text's words for lengths the map labels."""
    return f"{'a leg' if len(lengths_km) == 1 else 'legs'} of {length_words(lengths_km, ' to ')} km"


def route_map_figure(
    route_rows: pd.DataFrame,
    places: pd.DataFrame,
    window: tuple[tuple[float, float], tuple[float, float]],
    period: tuple[pd.Timestamp, pd.Timestamp],
    named: list[str] = (),
    label_min_km: float = 300.0,
) -> go.Figure:
    """Air and road routes out of (and back into) Syria in one period, drawn along the geodesic and
    labelled with its length.

    The map is of the withdrawal: its route rows must all date from within `period` (build them from
    during(movements, period)), and the legend says which period. A later flight drawn on it (the
    Il-62M flight of 26 October 2025 to the Moscow region, mv_20251026_il62m_hmeimim_moscow, say)
    would read as a verified flight home during the drawdown, when the text finds no verified flight
    from Syria to Russia up to the period's end. Each line carries its first and last date (trace meta).

    Sea voyages are left to a table: ships do not sail the geodesic. Each pair of places gets one
    line, whichever way the movements ran; a route known only from a party's claim is dotted. A route
    that ends at a country's stand-in point is drawn, but carries no length.
    """
    # refused, not silently dropped: a route row that mixes the period with a later flight would lose its count
    outside = route_rows[(route_rows["first"] < period[0]) | (route_rows["last"] > period[1])]
    if not outside.empty:
        raise ValueError(f"routes dated outside {span(*period)}: {list(outside['chain'])}; build them from during()")
    p = places.set_index("place_id")
    land = route_rows[route_rows["asset_type"] != "ship_voyage"].copy()
    land["pair"] = [tuple(sorted((c[0], c[-1]))) for c in land["chain"]]
    # the locator inset over central Europe, north-west, which no route crosses
    fig = base_map(*window, focus=["Syria", "Libya", "Russia"], locator="top left")
    placer = LabelPlacer.for_map(window, avoid=[locator_box(fig)])
    for place_id in {c for chain in land["chain"] for c in chain}:
        placer.marker(p.loc[place_id, "lon"], p.loc[place_id, "lat"], 7)  # before any label is placed
    labels = []
    shown: set[str] = set()
    for _pair, rows in sorted(land.groupby("pair"), key=lambda kv: DESTINATION_ORDER.index(kv[1]["destination"].iloc[0])):
        first = rows.iloc[0]
        dest = first["destination"]
        claimed = bool(rows["all_claimed"].all())
        lons, lats = geodesic_line(first["chain"], places)
        lines = [
            f"<b>{html(' → '.join(short_name(p.loc[c, 'name']) for c in r.chain))}</b>: {html(r.asset_type.replace('_', ' '))}, "
            f"{html(_route_count(r))}{' (claimed)' if r.all_claimed else ''}, {html(span(r.first, r.last))}"
            for r in rows.itertuples()
        ]
        if dest not in shown:  # a solid legend entry per destination; dotting is explained by its own entry
            fig.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="lines",
                    name=dest,
                    legendgroup=dest,
                    line=dict(color=DESTINATION_COLOURS[dest], width=2.5),
                )
            )
        fig.add_trace(
            go.Scatter(
                x=lons,
                y=lats,
                mode="lines",
                name=dest,
                legendgroup=dest,
                showlegend=False,
                line=dict(color=DESTINATION_COLOURS[dest], width=2.5, dash="dot" if claimed else "solid"),
                hovertemplate="<br>".join(lines)
                + (
                    f"<br>{first['measured_km']:,.0f} km by the shortest path"
                    if pd.notna(first["measured_km"])
                    else "<br>no length: the sources name no place at one end, drawn at a stand-in point"
                )
                + "<extra></extra>",
                meta={"first": rows["first"].min().isoformat(), "last": rows["last"].max().isoformat()},
            )
        )
        shown.add(dest)
        end, start = first["chain"][-1], first["chain"][0]
        labels.append((end, first["measured_km"], first["chain"][-2], start))

    # Routes that end at the same place from nearby origins (Hmeimim and Latakia, say) run side by side:
    # one label gives their lengths as a range rather than two labels crowding the same lines.
    def apart_km(a: str, b: str) -> float:
        return distance_km(p.loc[a, "lat"], p.loc[a, "lon"], p.loc[b, "lat"], p.loc[b, "lon"])

    def same_route(a: tuple, b: tuple) -> bool:  # both ends close, whichever way the routes ran
        (a_end, a_start), (b_end, b_start) = (a[0], a[3]), (b[0], b[3])
        return (apart_km(a_end, b_end) < NEAR_ENDS_KM and apart_km(a_start, b_start) < NEAR_ENDS_KM) or (
            apart_km(a_end, b_start) < NEAR_ENDS_KM and apart_km(a_start, b_end) < NEAR_ENDS_KM
        )

    groups: list[list[tuple]] = []
    for leg in sorted(labels, key=lambda leg: -(leg[1] if pd.notna(leg[1]) else 0.0)):
        near = next((g for g in groups if same_route(g[0], leg)), None)
        if near is None:
            groups.append(near := [])
        near.append(leg)
    merged = []
    for legs in groups:
        lengths = [leg[1] for leg in legs if pd.notna(leg[1])]  # a stand-in end has no length to give
        if lengths and max(lengths) >= label_min_km:
            end, _, before, _ = next(leg for leg in legs if pd.notna(leg[1]))
            merged.append(leg_label(before, end, places, f"{length_words(lengths)} km"))
    add_labels(fig, merged, placer)
    fig.add_trace(
        go.Scatter(
            x=[None], y=[None], mode="lines", name="Claimed by a party only", line=dict(color=style.INK, dash="dot", width=2.5)
        )
    )
    add_places(fig, {c for chain in land["chain"] for c in chain}, places, list(named), placer)
    fig.update_layout(legend=dict(style.TOP_LEGEND, title=dict(text=f"Routes of {span(*period)}:", side="top")))
    return fig


def route_map_alt(route_rows: pd.DataFrame, places: pd.DataFrame, period: tuple[pd.Timestamp, pd.Timestamp]) -> str:
    """Alt text for the route map, from the routes it draws: each with its ends, its length where it has
    one, and whether only a party claims it."""
    names = places.set_index("place_id")["name"].map(short_name)
    land = route_rows[route_rows["asset_type"] != "ship_voyage"]
    land = land.assign(pair=[tuple(sorted((c[0], c[-1]))) for c in land["chain"]]).drop_duplicates("pair")
    land = land.assign(order=land["destination"].map(DESTINATION_ORDER.index)).sort_values(["order", "distance_km"])
    parts = [
        f"{names[r.chain[0]]} to {names[r.chain[-1]]}: "
        + (f"{r.measured_km:,.0f} km" if pd.notna(r.measured_km) else "not measured")
        + (", claimed only" if r.all_claimed else "")
        for r in land.itertuples()
    ]
    return (
        f"Map from Libya to central Russia with the {len(land)} air and road routes of {span(*period)}, drawn along "
        f"the shortest path: {'; '.join(parts)}."
    )


FIGURE_KINDS = {  # the summary's rows: kinds of asset, with the estimate and equipment kinds they gather
    "Personnel": ["personnel"],
    "Ships and submarines": ["warships", "submarines", "support_ships"],
    "Aircraft": ["fixed_wing_aircraft"],
    "Helicopters": ["helicopters"],
    "Air defence": ["air_defence"],
    "Ground vehicles": ["ground_vehicles"],
    "Other equipment": ["other"],
}
# The summary's columns: what became of an asset, one heading for each outcome the equipment table
# can record (OUTCOME_WORDS), in the order the chapter tells them.
OUTCOME_ORDER = [
    "In Syria as the regime fell",
    "Moved to the coast",
    "Moved out to sea",
    "Left for Russia",
    "Left for Libya",
    "Left for somewhere unknown",
    "Stayed in Syria",
    "Left behind",
    "Damaged",
    "Destroyed",
    "Captured",
    "Removed or disabled",
    "Outcome not known",
]
OUTCOME_WORDS = {  # the equipment table's outcomes, other than evacuated (which goes by destination)
    "remained": "Stayed in Syria",
    "left_behind": "Left behind",
    "damaged": "Damaged",
    "destroyed": "Destroyed",
    "captured": "Captured",
    "removed_or_disabled": "Removed or disabled",
    "unknown": "Outcome not known",
    "pre_collapse_inventory": "In Syria as the regime fell",
    "before_war_inventory": "In Syria as the regime fell",
}
OUTCOME_COLOURS = {
    "In Syria as the regime fell": style.MUTED,
    "Moved to the coast": "#6E7781",
    "Moved out to sea": DESTINATION_COLOURS[ELSEWHERE],
    "Left for Russia": DESTINATION_COLOURS["Back to Russia"],
    "Left for Libya": DESTINATION_COLOURS["To Libya"],
    "Left for somewhere unknown": "#332288",
    "Stayed in Syria": "#1a7f37",
    "Left behind": "#AA7744",
    "Damaged": "#555555",
    "Destroyed": "#000000",
    "Captured": "#AA4499",
    "Removed or disabled": "#555555",
    "Outcome not known": style.MUTED,
}


def _figure_kind(kind: str) -> str:
    return next((label for label, kinds in FIGURE_KINDS.items() if kind in kinds), "Other equipment")


def _where(outcome: str, country) -> str:
    if outcome == "evacuated":
        if pd.isna(country):
            return "Left for somewhere unknown"
        return {"RUS": "Left for Russia", "LBY": "Left for Libya", "SYR": "Moved to the coast", "": "Moved out to sea"}.get(
            country, "Left for somewhere unknown"
        )
    return OUTCOME_WORDS.get(outcome, outcome.replace("_", " ").capitalize())


def left_and_stayed(equipment: pd.DataFrame, estimates: pd.DataFrame, places: pd.DataFrame, fall: pd.Timestamp) -> pd.DataFrame:
    """Russia's own assets in Syria by kind: the estimates as the regime fell, then what became of them.

    One row per estimate or equipment row, with `range` (None where nothing was counted), the
    outcome in words (`where`) and the kind of asset as the summary groups it (`kind`).
    """
    before = posture(estimates, fall)
    rows = [
        {
            "kind": _figure_kind(r.asset_kind if pd.notna(r.asset_kind) else "other"),
            "where": "In Syria as the regime fell",
            "what": r.subject,
            "range": r.range,
            "as_of": r.as_of,
            "as_of_precision": r.as_of_precision,
            "place": r.place_id,
            "who": r.estimator,
            "status": r.status,
            "unit": r.unit,
            "fact_id": r.estimate_id,
        }
        for r in before.itertuples()
    ]
    own = equipment[
        (equipment["conflict"] == "syria_2024")
        & (equipment["owner_actor_id"] == "russia")
        & (equipment["as_of"] >= fall - pd.Timedelta(days=7))
    ]
    country = own["destination_place_id"].map(places.set_index("place_id")["country"].fillna(""))
    for (_, r), c in zip(own.iterrows(), country):
        counted_row = any(pd.notna(r[f"count_{k}"]) for k in ("low", "best", "high"))
        rows.append(
            {
                "kind": _figure_kind(CATEGORY_KIND.get(r["category"], "other")),
                "where": _where(r["outcome"], c),
                "what": r["system"],
                "range": ranges.from_row(r, "count") if counted_row else None,
                "place": r["destination_place_id"],
                "as_of": r["as_of"],
                "as_of_precision": r["as_of_precision"],
                "who": r["estimator"],
                "status": r["status_of_claim"],
                "unit": "items",
                "fact_id": r["equipment_id"],
            }
        )
    frame = pd.DataFrame(rows)
    frame["kind_order"] = frame["kind"].map({k: i for i, k in enumerate(FIGURE_KINDS)})
    frame["where_order"] = frame["where"].map({k: i for i, k in enumerate(OUTCOME_ORDER)}).fillna(len(OUTCOME_ORDER))
    return frame.sort_values(["kind_order", "where_order", "as_of"]).reset_index(drop=True)


def _cell_text(part: pd.DataFrame) -> str:
    """Counts in a cell. Rows of the same place on the same date are parts of one whole, such as the
    frigates, support ships and submarine seen at Tartus in one image, and are added up; but
    different counters' estimates of people are competing estimates, given as their span, never added."""
    counted_rows = part[part["range"].notna()]
    words, highs = [], []
    for _, same in counted_rows.groupby(["place", "as_of"], sort=False, dropna=False):
        # people are counted whole by each counter, so different counters compete; items seen in one
        # image or report (frigates, support ships, a submarine) are parts of one whole and add up
        people = "unit" in same and same["unit"].eq("people").all()
        counters = same.groupby("who", sort=False, dropna=False) if people else [(None, same)]
        by_counter = [ranges.total(g["range"]) for _, g in counters]
        if len(by_counter) == 1:
            r = by_counter[0]
            words.append(r.words() if not r.open_high else f"{r.low:,.0f}+")
        else:  # competing estimates of the same thing: their span (the hover lists each)
            low, high = min(r.low for r in by_counter), max(r.high for r in by_counter)
            words.append(f"{low:,.0f} to {high:,.0f}" if high > low else f"{low:,.0f}")
        highs.append(max(r.high for r in by_counter))
    words = [w for _, w in sorted(zip(highs, words), key=lambda t: -t[0])]
    loose = int(part["range"].isna().sum())
    if len(words) > 3:
        words = words[:3] + [f"+{len(words) - 3}"]
    text = " · ".join(words)
    if loose:
        text = (text + "<br>" if text else "") + ("no count" if loose == 1 else f"{loose} without count")
    return text


def outcome_columns(rows: pd.DataFrame) -> list[str]:
    """The matrix's columns, each with its heading: the outcomes the rows fill, in the chapter's order,
    and any the order does not list after them, named as they are."""
    return [o for o in OUTCOME_ORDER if o in set(rows["where"])] + sorted(set(rows["where"]) - set(OUTCOME_ORDER))


def left_stayed_alt(rows: pd.DataFrame) -> str:
    """Alt text for the matrix, from its rows and columns."""
    columns = outcome_columns(rows)
    first, last = (c[0].lower() + c[1:] for c in (columns[0], columns[-1]))
    return (
        f"Matrix of {rows['kind'].nunique()} kinds of Russian asset against {len(columns)} outcomes, from '{first}' to "
        f"'{last}'; {int(rows['range'].isna().sum())} of {len(rows)} entries have no count."
    )


def left_stayed_figure(rows: pd.DataFrame) -> go.Figure:
    """A matrix: kinds of asset down, what became of them across. One marker per cell with any
    evidence, filled when the best evidence in the cell is confirmed, outlined when reported,
    crossed when only claimed; the counts are written under it ('no count' where none was given)."""
    kinds = [k for k in FIGURE_KINDS if k in set(rows["kind"])]
    outcomes = outcome_columns(rows)  # every column the rows fill gets its heading
    strength = {"confirmed": 0, "reported": 1, "claimed": 2}
    fig = go.Figure()
    for (kind, where), part in rows.groupby(["kind", "where"]):
        best = min(part["status"], key=lambda st: strength.get(st, 3))
        colour = OUTCOME_COLOURS.get(where, style.MUTED)
        detail = "<br>".join(
            f"• {html(r.what[:80])}: {html(r.range.words() if r.range is not None else 'no count')} "
            f"({html(with_precision(r.as_of, r.as_of_precision))}; {html(r.who[:60])}; {html(r.status)})"
            for r in part.itertuples()
        )
        fig.add_trace(
            go.Scatter(
                x=[where],
                y=[kind],
                mode="markers+text",
                showlegend=False,
                text=[_cell_text(part)],
                textposition="bottom center",
                textfont=dict(size=10, color=style.INK),
                cliponaxis=False,  # a first column's wide count must not be cut at the plot's edge
                marker=dict(size=22, **style.status_marker(best, colour, width=3)),
                hovertemplate=f"<b>{html(kind)}: {html(where)}</b><br>{detail}<extra></extra>",
            )
        )
    style.add_status_legend(fig, size=14)
    fig.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=outcomes,
        side="top",
        # Set upright, one line each: eight headings side by side need about 60 px a column, and a
        # 390 px phone gives the plot about 200 px, so they would overlap; turned, each needs only
        # its line's height (about 14 px) across, at any width and in print.
        tickangle=-90,
        title=None,
        showgrid=True,
        tickvals=outcomes,
        ticktext=outcomes,
        tickfont=dict(size=11),
        automargin=True,
    )
    # the kinds' names wrapped (about 11 characters a line): on a phone the columns get the width they free
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=kinds[::-1],
        tickvals=kinds,
        ticktext=[wrap_label(k, 11) for k in kinds],
        title=None,
        showgrid=True,
        automargin=True,
    )
    fig.update_layout(legend=dict(style.TOP_LEGEND, y=-0.02, yanchor="top"), margin=dict(t=20, l=20))
    return fig


def left_stayed_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Every row behind the matrix, for the reader who wants the detail."""
    return _with_facts(
        rows["fact_id"],
        {
            "Asset": rows["kind"],
            "What became of it": rows["where"],
            "What": rows["what"],
            "Count": [r.words() if r is not None else "no count" for r in rows["range"]],
            "As of": [with_precision(d, p) for d, p in zip(rows["as_of"], rows["as_of_precision"])],
            "Source of the number": rows["who"],
            "Status": rows["status"],
        },
    )


# ------------------------------------------------------------------ lift capacity


def leaving_syria(movements: pd.DataFrame, places: pd.DataFrame) -> pd.Series:
    """Movements that carried things away from Syria: from a place in Syria to one outside it, or
    from a sea region (a loading port the sources do not name) to anywhere but Syria."""
    country = places.set_index("place_id")["country"]
    origin, dest = movements["origin_place_id"].map(country), movements["destination_place_id"].map(country)
    from_syria = origin.eq("SYR").fillna(False) & ~dest.eq("SYR").fillna(False)
    from_sea = origin.isna() & ~dest.eq("SYR").fillna(False)
    return (from_syria | from_sea).astype(bool)


def lift_capacity(movements: pd.DataFrame, platforms: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """What the counted, verified sorties and voyages out of Syria could have carried: count x stated
    payload, as ranges.

    Only movements that a source starts in Syria and whose platform has a stated payload count, and
    no claim does: a voyage from a sea region counts as leaving Syria elsewhere in the chapter, but
    its capacity is not added here, since no source says where it loaded. This is an upper bound on
    what those movements moved (aircraft and ships rarely sail at their maximum load), not a measure
    of cargo.
    """
    known = platforms.dropna(subset=["payload_t_low", "payload_t_best", "payload_t_high"], how="all").set_index("platform_id")
    frame = movements[capacity_candidates(movements, places) & movements["platform_id"].isin(known.index)].copy()
    frame["destination"] = destination_group(frame, places)
    rows = []
    for (dest, platform), part in frame.groupby(["destination", "platform_id"], sort=False):
        count = ranges.total(ranges.from_row(r, "count") for _, r in part.iterrows())
        payload = ranges.from_row(known.loc[platform], "payload_t")
        rows.append(
            {
                "destination": dest,
                "platform_id": platform,
                "platform": known.loc[platform, "name"],
                "mode": part["asset_type"].iloc[0],
                "count": count,
                "payload_t": payload,
                "capacity_t": count.scale(payload),
                "n_rows": len(part),
            }
        )
    return pd.DataFrame(rows)


def capacity_candidates(movements: pd.DataFrame, places: pd.DataFrame) -> pd.Series:
    """Counted, unclaimed movements from a place in Syria to one outside it: the rows whose capacity
    could be added, if their platform has a stated payload."""
    origin = movements["origin_place_id"].map(places.set_index("place_id")["country"])
    return (
        origin.eq("SYR").fillna(False)
        & leaving_syria(movements, places)
        & counted(movements)
        & (movements["status"] != "claimed")
    )


def ships_left_out(movements: pd.DataFrame, platforms: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Named ships the sources track away from Syria (or from the eastern Mediterranean) whose capacity
    the sum leaves out, each with the reason: no stated payload, or no source naming where it loaded."""
    with_payload = set(platforms.dropna(subset=["payload_t_low", "payload_t_best", "payload_t_high"], how="all")["platform_id"])
    names = platforms.set_index("platform_id")["name"].map(short_name)
    ships = movements[
        (movements["asset_type"] == "ship_voyage")
        & movements["platform_id"].notna()
        & leaving_syria(movements, places)
        & counted(movements)
        & (movements["status"] != "claimed")
    ]
    rows = []
    for platform, part in ships.groupby("platform_id", sort=False):
        if platform not in with_payload:
            reason = "no source gives a capacity"
        elif not capacity_candidates(part, places).any():
            reason = "no source says where it loaded"
        else:
            continue
        rows.append({"platform_id": platform, "ship": names.get(platform, platform), "reason": reason})
    return pd.DataFrame(rows, columns=["platform_id", "ship", "reason"])


def capacity_by_destination(capacity: pd.DataFrame) -> dict[str, ranges.Range]:
    return {dest: ranges.total(part["capacity_t"]) for dest, part in capacity.groupby("destination")}


def uncounted_movements(movements: pd.DataFrame, platforms: pd.DataFrame) -> pd.DataFrame:
    """Movements the capacity sum cannot include: no count, no platform, or a platform with no stated payload."""
    with_payload = set(platforms.dropna(subset=["payload_t_low", "payload_t_best", "payload_t_high"], how="all")["platform_id"])
    return movements[~movements["platform_id"].isin(with_payload) | ~counted(movements)]


def when(row) -> str:
    """A movement's or event's date in words, at its precision, with its end where it has one.
    A span known only to the week reads as days with 'about'; one known to the month, as months."""
    precision = row["date_precision"]
    if "date_end" in row and pd.notna(row["date_end"]):
        if precision == "week":
            return "about " + span(row["date"], row["date_end"], "day")
        if precision in ("month", "year") and with_precision(row["date"], precision) == with_precision(
            row["date_end"], precision
        ):
            return with_precision(row["date"], precision)
        return span(row["date"], row["date_end"], precision)
    return with_precision(row["date"], precision)


def mixed_fleet_capacity(count: ranges.Range, platforms: pd.DataFrame, platform_ids: list[str]) -> ranges.Range:
    """Capacity of `count` flights whose types are known only as a mix of `platform_ids`: at the
    low end every flight is the smallest type at its lowest stated payload, at the high end the
    largest type at its highest. No best value: the mix is unknown."""
    p = platforms.set_index("platform_id").loc[platform_ids]
    loads = [ranges.from_row(row, "payload_t") for _, row in p.iterrows()]
    lightest, heaviest = min(x.low for x in loads), max(x.high for x in loads)
    return ranges.Range(count.low * lightest, None, count.high * heaviest, count.open_high)


def voyages_table(movements: pd.DataFrame, platforms: pd.DataFrame, places: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Every ship voyage by name, so a reader can follow one ship through the chapter. A claimant
    is shown by name (Ukraine's military intelligence, not its data id)."""
    ships = movements[movements["asset_type"] == "ship_voyage"].sort_values(["date", "movement_id"])
    claimant = actors.set_index("actor_id")["name"].map(short_name)
    names = platforms.set_index("platform_id")["name"].map(short_name)
    # A country stand-in reads "port not named" in a table of ships (the place is named for aircraft).
    place = (
        places.set_index("place_id")["name"].map(short_name).str.replace("(airfield not named)", "(port not named)", regex=False)
    )
    return _with_facts(
        ships["movement_id"],
        {
            "When": [when(r) for _, r in ships.iterrows()],
            "Ship": [
                names.get(p, "") if isinstance(p, str) else ("several ships" if n > 1 else "not named")
                for p, n in zip(ships["platform_id"], ships[["count_low", "count_best", "count_high"]].max(axis=1).fillna(0))
            ],
            "From": ships["origin_place_id"].map(place),
            "To": ships["destination_place_id"].map(place),
            "Voyages": [
                ranges.from_row(r, "count").words() if counted(ships.loc[[i]]).iloc[0] else "no count"
                for i, r in ships.iterrows()
            ],
            "Known from": ships["detection"].str.replace("_", " "),
            "Status": [
                s if s != "claimed" else f"claimed by {claimant.get(c, c)}" for s, c in zip(ships["status"], ships["claimed_by"])
            ],
        },
    )


def chapter_numbers(
    all_events, equipment, estimates, events, movements, places, platforms, site_status, sources
) -> tuple[dict[str, object], dict[str, object]]:
    """Every number and date the chapter's prose weaves in, by name (glued by the notebook), and the
    objects its figure and table cells use, by name."""
    numbers: dict[str, object] = {}
    ev = events.set_index("event_id")
    mv = movements.set_index("movement_id")
    est = estimates.set_index("estimate_id")
    fall = regime_fall(all_events)
    after = after_the_fall(movements)
    phase = phases(after["date"])
    latest = max(events["date"].max(), site_status["date"].max(), after["date"].max())
    chapter_rows = pd.concat(
        [
            events["source_ids"],
            movements["source_ids"],
            site_status["source_ids"],
            estimates["source_ids"],
            equipment.loc[(equipment["owner_actor_id"] == "russia") & (equipment["as_of"] >= fall), "source_ids"],
        ]
    )
    cited = {s for cell in chapter_rows for s in cell.split(";")}

    numbers["d_fall"] = Plain(long_date(fall))
    numbers["m_fall"] = Plain(with_precision(fall, "month"))
    numbers["d_offensive"] = Plain(long_date(offensive_launch(all_events)))
    numbers["d_latest"] = Plain(with_precision(latest, "month"))
    numbers["n_events"] = len(events)
    numbers["n_movements"] = len(movements)
    numbers["n_sources"] = len(cited)
    for status, n in events["status"].value_counts().items():
        numbers[f"n_ev_{status}"] = int(n)
    numbers["n_claimed_movements"] = int((movements["status"] == "claimed").sum())

    # what Russia had
    posture_rows = posture(estimates, fall)
    numbers["n_posture"] = len(posture_rows)
    first_posture = posture_rows.sort_values("as_of").iloc[0]
    numbers["d_posture_first"] = Plain(with_precision(first_posture["as_of"], first_posture["as_of_precision"]))
    numbers["personnel"] = Plain(est.loc["est_personnel_syria_202412_rferl", "value_best"].__format__(",.0f"))
    tartus_fleet = posture_rows[
        (posture_rows["place_id"] == "tartus_naval_base")
        & (posture_rows["as_of"] == ev.loc["ev_20241205_tartus_six_vessels", "date"])
    ]
    numbers["n_tartus_ships"] = Plain(ranges.total(tartus_fleet["range"]).words())
    numbers["d_tartus_in_port"] = Plain(long_date(ev.loc["ev_20241205_tartus_six_vessels", "date"]))
    numbers["isw_remain"] = Plain(f"{est.loc['est_personnel_remaining_202412_isw', 'value_high']:,.0f}")
    # Putin's count is in his statement's summary, not a number column: read it there, or fail loudly
    said = re.search(r"evacuated ([\d,]+) Iranian fighters", ev.loc["ev_20241219_putin_not_defeat", "summary"])
    if said is None:
        raise ValueError("ev_20241219_putin_not_defeat no longer gives the number of Iranian fighters evacuated")
    numbers["putin_iranians"] = Plain(said.group(1))

    # the first weeks
    for key, event_id in {
        "tartus_empty": "ev_20241210_maxar_tartus_empty",
        "an124_loading": "ev_20241213_maxar_an124_loading",
        "pulling_back": "ev_20241214_pulling_back_not_out",
        "cargo_libya": "ev_20241214_cargo_flight_to_libya",
        "manbij_kobani": "ev_20241210_left_manbij_kobani",
        "convoy": "ev_20241213_channel4_convoy",
        "hur_damascus": "ev_20241213_damascus_convoy_claim",
        "kremlin_no_decision": "ev_20241216_kremlin_no_decision",
        "putin_presser": "ev_20241219_putin_not_defeat",
        "novorossiysk": "ev_20250102_novorossiysk_leaves_med",
        "tartus_frigates": "ev_20250114_tartus_ships_imagery",
        "ships_held": "ev_20250105_ships_held_offshore",
        "sparta_dock": "ev_20250121_sparta_ships_dock",
        "tartus_cleared": "ev_20250127_tartus_imagery_cleared",
        "channel": "ev_20250212_channel_task_group",
        "march_group": "ev_20250316_second_task_group",
        "port_contract": "ev_20250123_port_contract_annulled",
        "stg_denies": "ev_20250228_stg_denies_annulment",
        "bogdanov": "ev_20250128_bogdanov_visit",
        "abu_qasra": "ev_20250202_abu_qasra_interview",
        "putin_call": "ev_20250212_putin_sharaa_call",
        "sheltered": "ev_20250307_hmeimim_shelters_civilians",
        "sharaa_moscow": "ev_20251015_sharaa_moscow",
        "flights_resume": "ev_20251024_flights_resume",
        "qamishli_start": "ev_20260119_qamishli_withdrawal",
        "qamishli_last": "ev_20260127_qamishli_last_plane",
        "basing_2017": "ev_20170118_basing_agreement",
        "hur_claims": "ev_20241210_hur_evacuation_claim",
    }.items():
        # as precisely as the sources date it: a month-precise event is not printed as its first day
        numbers[f"d_{key}"] = Plain(with_precision(ev.loc[event_id, "date"], ev.loc[event_id, "date_precision"]))
        numbers[f"by_{key}"] = Plain(by_date(ev.loc[event_id]))
    # the sources put the sinking on the night of 23 to 24 December: the span, as the equipment chapter has it
    ursa = ev.loc["ev_20241223_ursa_major_sinks"]
    numbers["d_ursa_sinks"] = Plain(span(ursa["date"], ursa["date_end"]))
    dock = ev.loc["ev_20250121_sparta_ships_dock"]
    numbers["sparta_dock_span"] = Plain(span(dock["date"], dock["date_end"], "day"))  # "21–22 January 2025"
    numbers["days_offshore"] = int(
        (ev.loc["ev_20250121_sparta_ships_dock", "date"] - ev.loc["ev_20250105_ships_held_offshore", "date"]).days
    )
    numbers["ursa_cargo"] = Plain(f"{est.loc['est_ursa_major_cargo_20241223', 'value_best']:,.0f}")
    numbers["sheltered"] = Plain(ranges.from_row(est.loc["est_hmeimim_sheltered_202503"], "value").words())
    numbers["convoy_vehicles"] = Plain(
        ranges.from_row(equipment.set_index("equipment_id").loc["rus_convoy_to_coast_20241213"], "count").words()
    )
    numbers["hur_damascus"] = Plain(f"{est.loc['est_hur_damascus_troops_20241213', 'value_best']:,.0f}")
    # the two personnel figures that describe 2024 before the offensive (research of 3 Dec 2026)
    numbers["est_2024_early"] = Plain(ranges.from_row(est.loc["est_personnel_syria_2024early_bbcru"], "value").words("people"))
    numbers["est_2024_summer"] = Plain(
        ranges.from_row(est.loc["est_personnel_syria_2024summer_kovalenko"], "value").words("people")
    )
    numbers["d_hur_damascus"] = Plain(long_date(est.loc["est_hur_damascus_troops_20241213", "as_of"]))
    numbers["n_an124"] = Plain(f"{est.loc['est_an124_hmeimim_20241213', 'value_best']:,.0f}")
    numbers["y_port_contract"] = Plain(str(ev.loc["ev_20190420_tartus_port_lease", "date"].year))
    numbers["m_sealift"] = Plain(with_precision(ev.loc["ev_20250121_sparta_ships_dock", "date"], "month"))
    numbers["m_sharaa_moscow"] = Plain(with_precision(ev.loc["ev_20251015_sharaa_moscow", "date"], "month"))
    numbers["m_qamishli"] = Plain(with_precision(ev.loc["ev_20260127_qamishli_last_plane", "date"], "month"))
    numbers["n_feb_group"] = Plain(f"{est.loc['est_channel_group1_vessels_202502', 'value_best']:,.0f}")

    # the airlift: every December flight from Syria to Libya the sources count, typed or not
    airlift = mv.loc[list(AIRLIFT_ROWS)]
    airlift_count = ranges.total(ranges.from_row(r, "count") for _, r in airlift.iterrows())
    numbers["airlift_count"] = Plain(airlift_count.words("flights"))
    numbers["airlift_span"] = Plain(span(airlift["date"].min(), airlift["date_end"].fillna(airlift["date"]).max(), "day"))
    first_phase = during(after, phase[0])
    verified_to_russia = first_phase[
        (destination_group(first_phase, places) == TO_RUSSIA)
        & (first_phase["asset_type"] == "aircraft_flight")
        & (first_phase["status"] != "claimed")
    ]
    numbers["n_verified_flights_russia"] = Plain(
        "no verified flight" if verified_to_russia.empty else f"{len(verified_to_russia)} verified flights"
    )
    hur_flights = first_phase[(first_phase["asset_type"] == "aircraft_flight") & (first_phase["status"] == "claimed")]
    numbers["n_hur_flight_claims"] = len(hur_flights)
    numbers["d_phase1_end"] = Plain(long_date(phase[0][1]))

    # routes and distances
    p = places.set_index("place_id")

    def km(a, b):
        return f"{distance_km(p.loc[a, 'lat'], p.loc[a, 'lon'], p.loc[b, 'lat'], p.loc[b, 'lon']):,.0f}"

    numbers["km_khadim"] = Plain(km("hmeimim_air_base", "al_khadim_air_base"))
    numbers["km_moscow"] = Plain(km("hmeimim_air_base", "moscow"))
    # HUR's legs home, measured as the route map labels them, from the same rows (the first phase's):
    # a claim that names no airfield (HUR's Ulyanovsk) is drawn at Russia's stand-in point, with no length.
    numbers["hur_russia_legs"] = Plain(legs_phrase(hur_russia_legs(routes(during(after, phase[0]), places))))
    numbers["km_qamishli"] = Plain(km("qamishli_airport", "hmeimim_air_base"))

    # sea voyages home, verified
    voyages = after[(after["asset_type"] == "ship_voyage") & leaving_syria(after, places) & (after["status"] != "claimed")]
    numbers["n_voyages_home"] = int(ranges.total(ranges.from_row(r, "count") for _, r in voyages.iterrows()).low)

    # bases
    periods = status_periods(site_status, places, until=latest)
    last = periods[periods["last"]].set_index("place_id")
    for place in ("hmeimim_air_base", "tartus_naval_base", "qamishli_airport"):
        key = place.split("_")[0]
        numbers[f"status_{key}"] = Plain(SITE_STATUS_LABELS[last.loc[place, "site_status"]].lower())
        numbers[f"d_status_{key}"] = Plain(long_date(last.loc[place, "date"]))
    numbers["d_lavrov_feb"] = Plain(long_date(all_events.set_index("event_id").loc["ev_20260219_lavrov_bases_talks", "date"]))
    # the last time a source other than a party saw Tartus (not a row that only says it was still held)
    seen = site_status[
        (site_status["place_id"] == "tartus_naval_base")
        & (site_status["status"] != "claimed")
        & (site_status["site_status"] != "held")
    ]
    numbers["d_tartus_last_observed"] = Plain(long_date(seen["date"].max()))
    # what the sources record going to Tartus after that: SOHR's truck convoys to the naval base
    convoy = movements.set_index("movement_id").loc["mv_20251009_hmeimim_tartus_convoy"]
    numbers["d_tartus_convoy"] = Plain(span(convoy["date"], convoy["date_end"], convoy["date_precision"]))
    hmeimim, tartus = numbers["status_hmeimim"], numbers["status_tartus"]
    numbers["bases_status"] = Plain(
        f"Hmeimim and Tartus were both {hmeimim}" if hmeimim == tartus else f"Hmeimim was {hmeimim} and Tartus {tartus}"
    )
    numbers["n_sites"] = periods["place_id"].nunique()
    vacated = last[last["site_status"] == "vacated"]
    numbers["n_vacated"] = int((vacated["status"] != "claimed").sum())
    numbers["n_vacated_claimed"] = int((vacated["status"] == "claimed").sum())
    numbers["hur_plan"] = Plain(ranges.from_row(est.loc["est_hur_airlift_plan_202412"], "value").words("aircraft"))

    # what left, what stayed
    left = left_and_stayed(equipment, estimates, places, fall)
    numbers["n_left_rows"] = len(left)
    numbers["n_left_uncounted"] = int(left["range"].isna().sum())

    # lift capacity
    capacity = lift_capacity(after, platforms, places)
    sea = ranges.total(capacity.loc[capacity["mode"] == "ship_voyage", "capacity_t"])
    air = airlift_capacity(airlift, platforms)
    numbers["sea_capacity"] = Plain(sea.words("tonnes"))
    numbers["n_capacity_ships"] = int((capacity["mode"] == "ship_voyage").sum())
    numbers["air_capacity_low"] = Plain(f"{air.low:,.0f}")
    numbers["air_capacity_high"] = Plain(f"{air.high:,.0f}")
    numbers["sea_over_air"] = Plain(f"{sea.low / air.high:,.0f}")  # "about": a ratio of two bounds, not a floor
    pl = platforms.set_index("platform_id")
    numbers["an124_payload"] = Plain(ranges.from_row(pl.loc["an_124"], "payload_t").words("tonnes"))
    numbers["il76_payload"] = Plain(ranges.from_row(pl.loc["il_76md"], "payload_t").words("tonnes"))
    numbers["n_uncounted_capacity"] = len(uncounted_movements(after[leaving_syria(after, places)], platforms))
    left_out = ships_left_out(after, platforms, places)
    numbers["capacity_ships_left_out"] = Plain(
        "; ".join(f"{and_list(list(part['ship']))}, because {reason}" for reason, part in left_out.groupby("reason", sort=False))
        or "none"
    )
    untyped = airlift[airlift["platform_id"].isna()]
    numbers["airlift_untyped_count"] = Plain(
        ranges.total(ranges.from_row(r, "count") for _, r in untyped.iterrows()).words("flights")
    )
    numbers["untyped_flight_payload"] = Plain(
        f"{ranges.from_row(pl.loc['il_76md'], 'payload_t').low:,.0f} to {ranges.from_row(pl.loc['an_124'], 'payload_t').high:,.0f}"
    )
    shared = {
        "after": after,
        "air": air,
        "airlift": airlift,
        "airlift_count": airlift_count,
        "capacity": capacity,
        "fall": fall,
        "km": km,
        "last": last,
        "latest": latest,
        "left": left,
        "periods": periods,
        "phase": phase,
        "pl": pl,
        "posture": posture_rows,
    }
    return numbers, shared


def airlift_capacity(rows: pd.DataFrame, platforms: pd.DataFrame) -> ranges.Range:
    """What the counted airlift flights could carry at most: a typed row at its aircraft's stated payload,
    an untyped one as a mix of Il-76s and An-124s (the lightest at the low end, the heaviest at the high)."""
    pl = platforms.set_index("platform_id")
    parts = []
    for _, row in rows.iterrows():
        count = ranges.from_row(row, "count")
        if isinstance(row["platform_id"], str) and row["platform_id"]:
            parts.append(count.scale(ranges.from_row(pl.loc[row["platform_id"]], "payload_t")))
        else:
            parts.append(mixed_fleet_capacity(count, platforms, ["il_76md", "an_124"]))
    return ranges.total(parts)


def capacity_table(capacity: pd.DataFrame, airlift: pd.DataFrame, platforms: pd.DataFrame) -> pd.DataFrame:
    """The lift-capacity arithmetic as a reader's table: each counted voyage group with its stated
    payload and what it could carry; then the December flights from Syria to Libya one row per type
    (a type no source gives is a mix of Il-76s and An-124s), and their total on its own line, so that
    no flight is counted twice. Later flights to Libya belong to the Libya chapter and are left out."""
    pl = platforms.set_index("platform_id")
    by_sea = capacity[~((capacity["destination"] == TO_LIBYA) & (capacity["mode"] == "aircraft_flight"))]
    rows = [
        {
            "Where to": r.destination,
            "Ship or aircraft": short_name(r.platform),
            "Voyages or flights": r.count.words(),
            "Stated payload (t)": r.payload_t.words(),
            "Could carry (t)": r.capacity_t.words(),
        }
        for r in by_sea.itertuples()
    ]
    mix = ["il_76md", "an_124"]
    low, high = ranges.from_row(pl.loc[mix[0]], "payload_t").low, ranges.from_row(pl.loc[mix[1]], "payload_t").high
    for platform, part in airlift.groupby(airlift["platform_id"].fillna(""), sort=False):
        count = ranges.total(ranges.from_row(r, "count") for _, r in part.iterrows())
        if platform:
            payload = ranges.from_row(pl.loc[platform], "payload_t")
            name, payload_words, carry = short_name(pl.loc[platform, "name"]), payload.words(), count.scale(payload)
        else:
            name, payload_words = "Aircraft of a type no source gives (Il-76 to An-124)", f"{low:,.0f} to {high:,.0f}"
            carry = mixed_fleet_capacity(count, platforms, mix)
        rows.append(
            {
                "Where to": TO_LIBYA,
                "Ship or aircraft": name,
                "Voyages or flights": count.words(),
                "Stated payload (t)": payload_words,
                "Could carry (t)": carry.words(),
            }
        )
    rows.append(
        {
            "Where to": f"{TO_LIBYA}: total",
            "Ship or aircraft": "The December flights from Syria to Libya above",
            "Voyages or flights": ranges.total(ranges.from_row(r, "count") for _, r in airlift.iterrows()).words(),
            "Stated payload (t)": "",
            "Could carry (t)": airlift_capacity(airlift, platforms).words(),
        }
    )
    return pd.DataFrame(rows)


# The treaties and closures the section on the bases names (a fact missing from the data fails loudly).
BASIS_EVENTS = {
    "hmeimim_2015": "ev_20150826_hmeimim_agreement",
    "hmeimim_protocol": "ev_20170118_hmeimim_protocol_49_years",
    "tartus_2017": "ev_20170118_basing_agreement",
    "sochi": "ev_20191022_sochi_memorandum",
    "joint_patrols": "ev_20191101_joint_patrols_begin",
    "straits": "ev_20220227_turkey_straits_closed",
    "airspace": "ev_20220423_turkey_airspace_closed",
}


def basis_numbers(all_events: pd.DataFrame) -> dict[str, str]:
    """The dates of the agreements behind the bases and of Türkiye's closures."""
    return dates_of(all_events, BASIS_EVENTS, prefix="d_basis_")
