"""The landing page's numbers: the claims audit's verdicts, how far the evidence reaches, and the
headline corrections, each computed from the tables (the page glues them into its opening); and its
lead figure, the map of Russia's sites in Syria and Libya at the latest evidence and the moves
between them (lead_map)."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from afterassad.chapters import libya
from afterassad.chapters.bases import SITE_STATUS_COLOURS, SITE_STATUS_LABELS, SITE_STATUS_ORDER, site_marker, status_periods
from afterassad.chapters.claims import distinct_errors, earliest_evidence, verdict_counts, verdict_sources
from afterassad.chapters.equipment import documented_total, series_rows
from afterassad.chapters.milestones import offensive_launch, regime_fall
from afterassad.chapters.withdrawal import DESTINATION_COLOURS, DESTINATION_ORDER, after_the_fall, destination_group, when
from afterassad.core import ranges
from afterassad.core.dates import long_date, with_precision
from afterassad.core.text import Plain, clip, html, short_name, wrap_label
from afterassad.data.loader import load
from afterassad.data.sources import newest_dated
from afterassad.figures import style
from afterassad.figures.labels import LabelPlacer, spread_markers
from afterassad.figures.render import Figure, add_leader_lines, base_map, scale_bar_km, show, source_line
from afterassad.figures.routemap import (
    add_arrowhead,
    geodesic_line,
    legs_km,
    points_inside,
    site_label,
    window_for,
)


def landing_numbers(
    claims: pd.DataFrame, sources: pd.DataFrame, events: pd.DataFrame, equipment: pd.DataFrame
) -> dict[str, object]:
    totals = verdict_counts(claims).sum()
    behind = verdict_sources(claims, sources)
    state_lost = documented_total(series_rows(equipment, "syr_lost", offensive_launch(events)))
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
        "intro_state_documented": Plain(state_lost.words("items")),  # a floor: "at least"
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
                "d_tartus_last_observed",
                "d_tartus_convoy",
                "d_lavrov_feb",
                "sea_capacity",
                "n_capacity_ships",
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
                "on_eu_airspace",
                "km_direct",
                "km_moscow_khadim",
            ],
        ),
        "equipment": (eq, ["headline", "provided"]),
        "new_syria": (
            ns,
            [
                "n_from_russia",
                "n_link_stated",
                "n_tie_readings",
                "n_tie_readings_low",
                "n_link_timing",
                "n_link_none",
                "on_qamishli_handover",
                "d_latest",
                "on_sharaa_moscow",
                "on_flights_resume",
            ],
        ),
    }
    out = {}
    for chapter_name, (numbers, names) in picked.items():
        for name in names:
            value = numbers[name]
            out[f"kf_{chapter_name}_{name}"] = value if isinstance(value, int) else Plain(str(value))
    return out


# ------------------------------------------------------------------ the lead map

LEAD_MAP = "fig-lead-map"
LEAD_MAP_HEIGHT = 560  # legend above, map below: no empty band under the map at 390 px or 1280 px
MAP_PLOT_PX = 320  # the map's width on a 390 px phone: the page's padding, less this figure's 10 px margins
LABEL_PX = 10
HALO = "1px 1px 1px #fff, -1px -1px 1px #fff, 1px -1px 1px #fff, -1px 1px 1px #fff"  # names stay legible over a line
# Strong marks for the sites Russia still holds or is leaving, quieter ones for the sites it has left
# and for Libya's, which the data give no status.
SITE_PX = {"held": 11, "vacated": 8, "activity": 10, "none": 8}
LIBYA_OUTLINE = 1.2
# Libya's sites, which carry no status: filled by when their latest Russian activity is dated (the Libya
# chapter's rule, libya.site_marks), and a cross, as for a claimed status in Syria, where it rests only on claims
LIBYA_FILL = libya.SINCE_FILL
LIBYA_CLAIMS_ONLY = "Cross: activity resting only on claims or low-graded pages"
HELD = ("operational", "under_negotiation")  # the bases Russia still uses, named first on the map
FLOW_MIN_KM = 100  # a shorter move hides under the markers at its two ends: left off the map
# Labels the first part of a site's name cannot give (the data's own words, shortened).
MAP_LABELS = {"tartus_naval_base": "Tartus", "golan_buffer_zone": "Quneitra posts (former)"}
COUNTRY_WORDS = {"RUS": "Russia"}  # where a line leaves the map
REGION_WORDS = {"SYR": "Syria", "LBY": "Libya"}  # where the map's sites lie
ASSET_WORDS = {
    "aircraft_flight": "flight",
    "road_convoy": "road convoy",
    "equipment": "equipment moved",
    "personnel": "people moved",
}
LEVELS = ("confirmed", "reported", "claimed")


def _claimants(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Who made a claim, by name (an actor missing from the table keeps its id)."""
    actors = tables.get("actors")
    return {} if actors is None else dict(zip(actors["actor_id"], actors["name"].map(short_name)))


def libya_marks(tables: dict[str, pd.DataFrame], site_rows: pd.DataFrame) -> pd.DataFrame:
    """How the map marks the sites that carry no status (Libya's), by the Libya chapter's own rule
    (libya.site_marks), so that the two maps agree: when the latest Russian activity there is dated
    (from December 2024, before it, or none found) and whether it rests only on claims. The facts of
    Russia's side at the sites come from the events and movements, and a site row's latest activity is
    judged by the sources the evidence table gives for it (loaded when the tables given lack it)."""
    places = tables["places"]
    frame = site_rows.merge(places, on="place_id", suffixes=("", "_place"))
    frame["label"] = [site_label(n) for n in frame["name"]]
    empty = pd.DataFrame(columns=["event_id", "place_id", "actor_id", "other_actor_id", "date"])
    activity = libya.russian_activity(frame, tables.get("events", empty), tables.get("movements"))
    evidence = tables["evidence"] if "evidence" in tables else load("evidence")
    return libya.site_marks(frame, activity, tables["sources"], evidence)


def lead_sites(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every site in the data that has coordinates, once (the Russian sites whose status the data
    follow, and the sites table's), with what the data say of it at its latest evidence: a site
    with status rows (Syria's), its latest status and how far that is established; any other site
    of the sites table (Libya's, which carry no status), the date of its latest reported Russian
    activity, or none found in the sources.

    Sorted with the most recent evidence first.
    """
    places, site_status, sites = tables["places"], tables["site_status"], tables["sites"]
    names = _claimants(tables)
    periods = status_periods(site_status, places, until=site_status["date"].max())
    last = periods[periods["last"]]
    rows = [
        {
            "place_id": r.place_id,
            "kind": "status",
            "site_status": r.site_status,
            "evidence": r.status,
            "claimed_by": names.get(r.claimed_by, r.claimed_by) if isinstance(r.claimed_by, str) else None,
            "date": r.date,
            "precision": r.date_precision,
            "about": r.basis,
            "source_ids": r.source_ids,
        }
        for r in last.itertuples()
    ]
    others = sites[~sites["place_id"].isin(set(last["place_id"]))]
    marks = libya_marks(tables, others).set_index("place_id")
    rows += [
        {
            "place_id": r.place_id,
            "kind": "activity" if marks.loc[r.place_id, "since"] != "none" else "none",
            "since": marks.loc[r.place_id, "since"],
            "claims_only": bool(marks.loc[r.place_id, "claims_only"]),
            "straddles": bool(marks.loc[r.place_id, "straddles"]),
            "activity_words": marks.loc[r.place_id, "words"],
            "site_status": None,
            "evidence": None,
            "claimed_by": None,
            "date": marks.loc[r.place_id, "date"],
            "precision": marks.loc[r.place_id, "precision"],
            "about": r.role,
            "source_ids": r.source_ids,
        }
        for r in others.itertuples()
    ]
    frame = pd.DataFrame(rows).join(
        places.set_index("place_id")[["name", "country", "lat", "lon", "geo_precision"]], on="place_id"
    )
    frame = frame.dropna(subset=["lat", "lon"])
    frame["label"] = [MAP_LABELS.get(i, site_label(n)) for i, n in zip(frame["place_id"], frame["name"])]
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.sort_values(["date", "place_id"], ascending=[False, True], na_position="last").reset_index(drop=True)


def lead_flows(tables: dict[str, pd.DataFrame], site_ids) -> pd.DataFrame:
    """The moves after the fall (flights, road convoys, equipment or people moved) that link Russia's
    sites, with a site in Syria at one end: to or from another site on the map, or to or from
    Russia. A ship voyage is left out (ships do not sail the shortest path), and so is a move whose
    end inside the map the sources give only as a country or region (it has no point to draw), or
    one shorter than FLOW_MIN_KM.

    One row per line on the map: a pair of sites, whichever way the moves ran, or a site in Syria and
    Russia, drawn toward the most precisely located Russian end (the others lie in the same
    direction once the line leaves the map). `forward` and `backward` say which ways the moves ran
    along the drawn chain."""
    places, movements = tables["places"], after_the_fall(tables["movements"])
    p = places.set_index("place_id")
    country = p["country"]
    on_map = set(site_ids)
    moves = movements[movements["asset_type"] != "ship_voyage"]
    origin, dest = moves["origin_place_id"], moves["destination_place_id"]
    in_syria = {i for i in on_map if country.get(i) == "SYR"}
    o_end = origin.isin(on_map) | origin.map(country).eq("RUS").fillna(False)
    d_end = dest.isin(on_map) | dest.map(country).eq("RUS").fillna(False)
    moves = moves[(origin.isin(in_syria) & d_end) | (dest.isin(in_syria) & o_end)].copy()
    moves["group"] = destination_group(moves, places)
    names = _claimants(tables)
    moves["claimed_by"] = [names.get(c, c) if isinstance(c, str) else None for c in moves["claimed_by"]]
    moves["key"] = [
        (o, COUNTRY_WORDS[country[d]])
        if d not in on_map
        else (d, COUNTRY_WORDS[country[o]])
        if o not in on_map
        else tuple(sorted((o, d)))
        for o, d in zip(moves["origin_place_id"], moves["destination_place_id"])
    ]
    rank = {"site": 0, "settlement": 1, "region": 2, "country": 3}
    out = []
    for key, rows in moves.groupby("key", sort=False):
        rows = rows.sort_values(["date", "movement_id"])
        # the line runs between the best-located ends of its moves
        best = min(
            rows.itertuples(),
            key=lambda r: max(
                rank[p.loc[r.origin_place_id, "geo_precision"]], rank[p.loc[r.destination_place_id, "geo_precision"]]
            ),
        )
        via = [v for v in (best.via_place_ids if isinstance(best.via_place_ids, str) else "").split(";") if v]
        chain = [best.origin_place_id, *via, best.destination_place_id]
        km = sum(legs_km(chain, places))
        if km < FLOW_MIN_KM:
            continue

        def first_end(place: str, chain=chain) -> bool:  # whether a move's end is the drawn line's first end
            return place == chain[0] if place in on_map or chain[0] in on_map else True

        out.append(
            {
                "key": key,
                "chain": chain,
                "off_map": key[1] in COUNTRY_WORDS.values(),
                "group": rows["group"].iloc[0],
                "km": km,
                # a line most of whose moves are a party's claims is drawn as a claim: one reported flight
                # among the claims does not make the route a verified one
                "all_claimed": bool((rows["status"] == "claimed").sum() * 2 > len(rows)),
                "forward": any(first_end(o) for o in rows["origin_place_id"]),
                "backward": any(first_end(d) for d in rows["destination_place_id"]),
                "movement_ids": list(rows["movement_id"]),
                "ends": sorted(set(rows["origin_place_id"]) | set(rows["destination_place_id"])),
                "status": list(rows["status"]),
                "source_ids": ";".join(rows["source_ids"]),
                "rows": rows,
            }
        )
    frame = pd.DataFrame(out)
    order = {g: i for i, g in enumerate(DESTINATION_ORDER)}
    return frame.sort_values("group", key=lambda g: g.map(order), kind="stable").reset_index(drop=True)


def _region(sites: pd.DataFrame, default: str) -> str:
    """The country all these sites lie in, as the legend and the alt text name it, or `default`."""
    countries = set(sites["country"].dropna())
    return REGION_WORDS.get(countries.pop(), default) if len(countries) == 1 else default


def lead_map_date(sites: pd.DataFrame) -> pd.Timestamp:
    """The date of the newest evidence the map draws a site from."""
    return sites["date"].max()


def _claimant(status: str, claimed_by) -> str:
    return status + (f" by {claimed_by}" if status == "claimed" and isinstance(claimed_by, str) else "")


def _move_words(r) -> str:
    """One move as its line's hover gives it: when, how many (or that nobody counted), how far established."""
    row = pd.Series(r._asdict())
    counted = row[["count_low", "count_best", "count_high"]].notna().any()
    count = ranges.from_row(row, "count").words(r.count_unit) if counted else f"{r.count_unit}, not counted"
    kind = "" if r.asset_type == "aircraft_flight" else f" ({ASSET_WORDS.get(r.asset_type, r.asset_type)})"
    return f"{when(row)}: {count}{kind}, {_claimant(r.status, r.claimed_by)}"


def _wrapped(text: str, width: int = 80) -> str:
    """Hover text in lines of about `width` characters, escaped."""
    return "<br>".join(html(line) for line in wrap_label(text.replace("<br>", " "), width).split("<br>"))


def _levels(statuses) -> str:
    counts = pd.Series(list(statuses)).value_counts()
    return ", ".join(f"{int(counts[e])} {e}" for e in LEVELS if e in counts)


def _site_size(r) -> int:
    if r.kind == "status":
        return SITE_PX["vacated" if r.site_status == "vacated" else "held"]
    return SITE_PX[r.kind]


def _site_hover(r) -> str:
    if r.kind == "status":
        line = f"{SITE_STATUS_LABELS[r.site_status]} as of {with_precision(r.date, r.precision)} ({_claimant(r.evidence, r.claimed_by)})"
    elif r.kind == "activity":
        line = f"Latest dated Russian activity: {r.activity_words}" + (
            " (the activity there rests only on claims or low-graded pages)" if r.claims_only else ""
        )
    else:
        line = "No Russian activity found in the sources searched"
    # the name in full: it says where the point stands in for the site (a nearby town's coordinates)
    return f"<b>{_wrapped(r.name)}</b><br>{html(line)}<br>{_wrapped(clip(str(r.about), 240))}"


def lead_map_figure(sites: pd.DataFrame, flows: pd.DataFrame, places: pd.DataFrame, as_of: pd.Timestamp) -> go.Figure:
    """Russia's sites in Syria and Libya, each at its latest evidence, and the moves
    that link them, on one quiet map.

    In Syria a site's colour gives its status and its shape how far that status is established
    (bases.site_marker); Libya's sites, which carry no status in the data, are diamonds, dark where
    Russian activity is found in the sources and open where none is. Sites Russia has left, and
    Libya's, are drawn smaller than those it holds. Markers that would sit on one another on a phone
    are spread round their cluster's centre, each joined to its own point by a thin line
    (labels.spread_markers); names are written only where they fit at that size, and the length of a
    lone line within the map goes into the legend."""
    p = places.set_index("place_id")
    window = window_for(sites["place_id"], places, pad=2.5, label_room=5)
    (x0, x1), (y0, y1) = window
    # No locator inset: this map is itself the regional overview, from the central Mediterranean to Iraq.
    fig = base_map(*window, focus=["Syria", "Libya"], locator=None)
    placer = LabelPlacer.for_map(window, plot_px=MAP_PLOT_PX, font_px=LABEL_PX)

    # the date, top left over the sea, and the scale bar, bottom right: no label goes there
    stamp = ["Latest site evidence:", long_date(as_of)]
    sx, sy = x0 + 0.015 * (x1 - x0), y1 - 0.02 * (y1 - y0)
    left, top = placer._xy(sx, sy)
    placer.labels.append((left, top - 2.6 * LABEL_PX, left + max(map(len, stamp)) * LABEL_PX * 0.6 + 4, top))
    _, span = scale_bar_km((x0, x1), (y0 + y1) / 2)
    bar_left, bottom = placer._xy(x1 - 0.1 * (x1 - x0) - span, y0)
    bar_right, _ = placer._xy(x1 - 0.1 * (x1 - x0), y0)
    small_print = len("true to scale along 30°N") * 9 * 0.5  # the scale bar's 9 px print, right-aligned to it
    placer.labels.append(
        (min(bar_left, bar_right - small_print), bottom, bar_right + 2, bottom + 0.05 * placer.bounds[3] + 2.4 * LABEL_PX)
    )

    # the legend, in four groups: Syria's statuses, how far established, Libya's sites, the moves
    def titled(title: str, group: str, first: int) -> None:
        for trace in fig.data[first:]:
            trace.legendgroup = group
        fig.data[first].legendgrouptitle = dict(text=title, font=dict(size=11, color=style.MUTED))

    first = len(fig.data)
    for status in [s for s in SITE_STATUS_ORDER if s in set(sites["site_status"].dropna())]:
        fig.add_trace(style.legend_key(SITE_STATUS_LABELS[status], "circle", SITE_STATUS_COLOURS[status], size=11))
    titled(f"{_region(sites[sites['kind'] == 'status'], 'Sites')}: status", "syria", first)
    first = len(fig.data)
    style.add_status_legend(fig, size=11, shape="circle")
    titled("How far established", "evidence", first)
    first = len(fig.data)
    others = sites[sites["kind"] != "status"]
    for since, name in libya.since_legend(others).items():
        fig.add_trace(style.legend_key(name, "diamond", libya.SINCE_FILL[since], size=11))
    if others["claims_only"].fillna(False).any():
        fig.add_trace(style.legend_key(LIBYA_CLAIMS_ONLY, "x", libya.SINCE_FILL["earlier"], size=11))
    titled(f"{_region(others, 'Other sites')}: no status in the data", "libya", first)
    first = len(fig.data)
    for group in [g for g in DESTINATION_ORDER if g in set(flows["group"])]:
        # a group of one line within the map gives its length here: the sea between Libya and Syria
        # has no room for it on a phone
        part = flows[flows["group"] == group]
        name = group if len(part) > 1 or part["off_map"].iloc[0] else f"{group} ({part['km'].iloc[0]:,.0f} km)"
        fig.add_trace(
            go.Scatter(x=[None], y=[None], mode="lines", name=name, line=dict(color=DESTINATION_COLOURS[group], width=2.5))
        )
    if flows["all_claimed"].any():
        fig.add_trace(
            go.Scatter(x=[None], y=[None], mode="lines", name="Mostly claimed", line=dict(color=style.INK, dash="dot", width=2.5))
        )
    titled("Moves after the fall", "flows", first)

    # the sites: each on its own point unless others crowd it on a phone
    sizes = [_site_size(r) for r in sites.itertuples()]
    outlines = [
        site_marker(r.site_status, r.evidence)["line_width"] if r.kind == "status" else LIBYA_OUTLINE for r in sites.itertuples()
    ]
    # a marker's outline straddles its edge: it reads as wide as its size and its outline together
    spots = spread_markers(placer, list(sites["lon"]), list(sites["lat"]), [s + w for s, w in zip(sizes, outlines)])
    rank = {"confirmed": 0, "reported": 1, "claimed": 2}
    sites = sites.assign(
        x=[s[0] for s in spots],
        y=[s[1] for s in spots],
        size=sizes,
        width=[s + w for s, w in zip(sizes, outlines)],
        # the bases Russia still holds are named first, whatever the evidence level of their latest row
        rank=[
            (-1 if st in HELD else rank[e]) if k == "status" else {"activity": 1, "none": 3}[k]
            for k, e, st in zip(sites["kind"], sites["evidence"], sites["site_status"])
        ],
    )

    def clear_of_sites(lons: list[float], lats: list[float], at: float) -> bool:
        """Whether the arrowhead `at` that fraction of the line keeps clear of every site's marker on a phone."""
        i = min(max(1, round(at * (len(lons) - 1))), len(lons) - 1)
        head = placer._xy(lons[i], lats[i])
        return all(math.dist(head, placer._xy(r.x, r.y)) >= r.width / 2 + 6 for r in sites.itertuples())

    # the moves, under the sites
    lines = []
    for f in flows.itertuples():
        lons, lats = geodesic_line(f.chain, places)
        inside = points_inside(lons, lats, window)
        lines += inside
        colour = DESTINATION_COLOURS[f.group]
        a, b = f.chain[0], f.chain[-1]
        far = f.key[1] if f.off_map else short_name(p.loc[b, "name"])
        hover = [f"<b>{html(short_name(p.loc[a, 'name']))} – {html(far)}</b>"]
        hover += [
            _wrapped(
                f"{short_name(p.loc[r.origin_place_id, 'name'])} → {short_name(p.loc[r.destination_place_id, 'name'])}, {_move_words(r)}"
            )
            for r in f.rows.itertuples()
        ]
        if not f.off_map:
            hover.append(f"{f.km:,.0f} km by the shortest path")
        fig.add_trace(
            go.Scatter(
                x=lons,
                y=lats,
                mode="lines",
                showlegend=False,
                legendgroup="flows",
                line=dict(color=colour, width=2.5, dash="dot" if f.all_claimed else "solid"),
                hovertemplate="<br>".join(hover) + "<extra></extra>",
            )
        )
        xs, ys = [x for x, _ in inside], [y for _, y in inside]
        # an arrowhead near the edge on a line that leaves the map, else near the middle, clear of the sites
        edge_first = f.off_map and f.chain[0] not in set(sites["place_id"])  # the line comes in from the edge
        for way, run, from_edge in ((f.forward, (xs, ys), edge_first), (f.backward, (xs[::-1], ys[::-1]), not edge_first)):
            if way and xs:
                tries = ((0.15, 0.2, 0.25) if from_edge else (0.85, 0.8, 0.75)) if f.off_map else (0.5, 0.4, 0.6, 0.3, 0.7)
                at = next((t for t in tries if clear_of_sites(run[0], run[1], t)), tries[0])
                add_arrowhead(fig, *run, colour, at=at)

    add_leader_lines(fig, sites)
    # Names go first to the sites Russia holds, then to those whose status is best established, then to
    # the most recent evidence;
    # each where it crosses no line if it can, else across one (on a white halo).
    rivals = list(zip(sites["x"], sites["y"]))
    n_markers = len(placer.markers)
    for x, y in lines:
        placer.marker(x, y, 1)
    line_boxes = placer.markers[n_markers:]
    del placer.markers[n_markers:]
    positions = {}
    # the air base first: of the two bases, the one whose name the map can least do without
    sites = sites.assign(first=(sites["place_id"] != "hmeimim_air_base").astype(int))
    for r in sites.sort_values(["rank", "first", "date"], ascending=[True, True, False], kind="stable").itertuples():
        placer.markers += line_boxes
        positions[r.Index] = placer.place(r.x, r.y, r.label, marker_px=r.width, rivals=rivals)
        del placer.markers[n_markers:]
        positions[r.Index] = positions[r.Index] or placer.place(r.x, r.y, r.label, marker_px=r.width, rivals=rivals)
        if not positions[r.Index] and r.rank < 0:  # a base Russia holds is always named, if anywhere it fits
            positions[r.Index] = placer.place(r.x, r.y, r.label, marker_px=r.width)
    sites = sites.assign(
        text=[html(t) if positions[i] else "" for i, t in sites["label"].items()],
        pos=[positions[i] or "middle right" for i in sites.index],
    )

    syria, libya_sites = sites[sites["kind"] == "status"], sites[sites["kind"] != "status"]
    marks = [site_marker(s, e) for s, e in zip(syria["site_status"], syria["evidence"])]
    for name, part, marker in (
        (
            "Sites in Syria",
            syria,
            dict(
                size=list(syria["size"]),
                symbol=[m["symbol"] for m in marks],
                color=[m["color"] for m in marks],
                line=dict(color=[m["line_color"] for m in marks], width=[m["line_width"] for m in marks]),
            ),
        ),
        (
            "Sites in Libya",
            libya_sites,
            dict(
                size=list(libya_sites["size"]),
                symbol=["x" if c else "diamond" for c in libya_sites["claims_only"]],
                color=[LIBYA_FILL[k] for k in libya_sites["since"]],
                line=dict(
                    color=[
                        style.INK if (c or k == "none") else "white"
                        for k, c in zip(libya_sites["since"], libya_sites["claims_only"])
                    ],
                    width=LIBYA_OUTLINE,
                ),
            ),
        ),
    ):
        if part.empty:
            continue
        marker["opacity"] = 1  # plotly fades markers given a list of sizes (as bubbles): these are not
        fig.add_trace(
            go.Scatter(
                x=part["x"],
                y=part["y"],
                ids=list(part["place_id"]),
                mode="markers+text",
                name=name,
                showlegend=False,
                marker=marker,
                text=list(part["text"]),
                textposition=list(part["pos"]),
                textfont=dict(size=LABEL_PX, color=style.INK, shadow=HALO),
                customdata=[_site_hover(r) for r in part.itertuples()],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    fig.add_annotation(
        x=sx,
        y=sy,
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        text="<br>".join(html(t) for t in stamp),
        font=dict(size=LABEL_PX, color=style.INK),
    )
    # the web page prints the source line under the figure (show() draws it into the static image);
    # on a narrow screen the map keeps to the top, under its legend, and the spare height goes below
    fig.update_layout(legend=style.TOP_LEGEND | dict(traceorder="grouped"), margin=dict(l=10, r=10, t=30, b=10))
    fig.update_yaxes(constraintoward="top")
    return fig


def lead_map(tables: dict[str, pd.DataFrame]) -> Figure:
    """The landing page's lead figure: Russia's sites in Syria and Libya at the latest evidence, and the
    moves between them (the air bridge to Libya, the moves home to Russia), with its
    alt text and source line, built from the tables alone."""
    places = tables["places"]
    p = places.set_index("place_id")
    sites = lead_sites(tables)
    flows = lead_flows(tables, sites["place_id"])
    as_of = lead_map_date(sites)
    syria, others = sites[sites["kind"] == "status"], sites[sites["kind"] != "status"]
    active = others[others["kind"] == "activity"]
    newest = active.loc[active["date"].idxmax()]
    recent, crossed = (active["since"] == "recent").sum(), int(active["claims_only"].sum())

    states = []
    for status in [s for s in SITE_STATUS_ORDER if s in set(syria["site_status"])]:
        rows = syria[syria["site_status"] == status]
        states.append(f"{len(rows)} {SITE_STATUS_LABELS[status].lower()} ({_levels(rows['evidence'])})")

    def flow_words(f) -> str:
        a = short_name(p.loc[f.chain[0], "name"])
        b = f.key[1] if f.off_map else short_name(p.loc[f.chain[-1], "name"])
        n = len(f.status)
        return f"{a} to {b} ({n} move{'s' if n > 1 else ''} in the data: {_levels(f.status)}{'' if f.off_map else f'; {f.km:,.0f} km'})"

    alt = (
        f"Map of Libya, the eastern Mediterranean and Syria with {len(sites)} sites, each drawn at its latest evidence in the "
        f"data (the newest dated {long_date(as_of)}). In {_region(syria, 'all')}, {len(syria)} Russian sites: {'; '.join(states)}. "
        f"In {_region(others, 'the rest')}, {len(others)} sites, which carry no status in the data: {len(active)} with Russian activity found in the "
        f"sources (the latest dated {with_precision(newest['date'], newest['precision'])}), of which {recent} with activity dated from "
        f"December 2024 on, {len(active) - recent} with none dated that late, and {crossed} whose activity rests only on claims; and "
        f"{len(others) - len(active)} with none found in the sources searched. Lines show {len(flows)} links after the fall (ship voyages are not drawn): "
        + "; ".join(flow_words(f) for f in flows.itertuples())
        + "."
    )
    note = (
        source_line(
            pd.concat([sites["source_ids"], flows["source_ids"]]),
            tables["sources"],
            ["site_status", "sites", "movements", "places"],
        )
        + " Distances: shortest paths over the Earth's surface. Base map: Natural Earth (public domain)."
    )
    return show(lead_map_figure(sites, flows, places, as_of), name=LEAD_MAP, alt=alt, note=note, height=LEAD_MAP_HEIGHT)
