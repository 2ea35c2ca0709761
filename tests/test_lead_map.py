"""The landing page's lead map: its sites, their marks, its date and its lines come from the tables,
checked here against the tables read independently; and on a phone no marker or name hides another."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from afterassad import load
from afterassad.chapters import landing
from afterassad.chapters.bases import SITE_STATUS_COLOURS, SITE_STATUS_LABELS
from afterassad.core.dates import long_date, with_precision
from afterassad.core.text import html
from afterassad.figures.labels import POSITIONS, LabelPlacer, _overlap, spread_markers
from afterassad.figures.routemap import site_label


@pytest.fixture(scope="module")
def tables():
    return {
        name: load(name) for name in ("site_status", "sites", "places", "movements", "sources", "actors", "events", "evidence")
    }


@pytest.fixture(scope="module")
def figure(tables):
    return landing.lead_map(tables)


def site_points(fig) -> pd.DataFrame:
    """Every site marker the map draws, one row each, from the figure itself."""
    rows = []
    for trace in fig.data:
        if trace.ids is None:
            continue
        n = len(trace.ids)

        def each(value, n=n):
            return list(value) if isinstance(value, (list, tuple)) else [value] * n

        for place_id, x, y, symbol, colour, line, width, size, text, pos, hover in zip(
            trace.ids,
            trace.x,
            trace.y,
            each(trace.marker.symbol),
            each(trace.marker.color),
            each(trace.marker.line.color),
            each(trace.marker.line.width),
            each(trace.marker.size),
            trace.text,
            trace.textposition,
            trace.customdata,
        ):
            rows.append(
                dict(
                    place_id=place_id,
                    x=x,
                    y=y,
                    symbol=symbol,
                    colour=colour,
                    line=line,
                    width=width,
                    size=size,
                    text=text,
                    pos=pos,
                    hover=hover,
                )
            )
    return pd.DataFrame(rows).set_index("place_id")


def latest_rows(site_status: pd.DataFrame) -> pd.DataFrame:
    """Each place's standing status row, read directly: the latest row (the status id breaks a tie),
    leaving out a party's claim dated after the place's first reported or confirmed row."""
    first_firm = site_status[site_status["status"] != "claimed"].groupby("place_id")["date"].min()
    later_claim = (site_status["status"] == "claimed") & (site_status["date"] > site_status["place_id"].map(first_firm))
    rows = site_status[~later_claim.fillna(False)]
    return rows.sort_values(["date", "status_id"]).groupby("place_id").tail(1).set_index("place_id")


def test_the_map_draws_every_site_in_the_data_with_coordinates_once(tables, figure):
    places = tables["places"].set_index("place_id")
    in_data = set(tables["site_status"]["place_id"]) | set(tables["sites"]["place_id"])
    with_coordinates = {p for p in in_data if pd.notna(places.loc[p, "lat"]) and pd.notna(places.loc[p, "lon"])}
    drawn = site_points(figure.fig)
    assert drawn.index.is_unique
    assert set(drawn.index) == with_coordinates


def test_each_syrian_site_is_drawn_by_its_latest_status_and_how_far_that_is_established(tables, figure):
    drawn = site_points(figure.fig)
    latest = latest_rows(tables["site_status"])
    for place_id, row in latest.iterrows():
        mark, colour = drawn.loc[place_id], SITE_STATUS_COLOURS[row["site_status"]]
        if row["status"] == "confirmed":
            assert (mark["symbol"], mark["colour"]) == ("circle", colour), place_id
        elif row["status"] == "reported":  # open: white inside a ring of the status's colour
            assert (mark["symbol"], mark["colour"], mark["line"]) == ("circle", "white", colour), place_id
        else:  # claimed: a cross, never a filled or open circle
            assert row["status"] == "claimed"
            assert (mark["symbol"], mark["colour"]) == ("x", colour), place_id
        # the hover names the status and the date of that same row
        assert (
            f"{SITE_STATUS_LABELS[row['site_status']]} as of {with_precision(row['date'], row['date_precision'])}"
            in mark["hover"]
        )
        assert f"({row['status']}" in mark["hover"]


def test_libyan_sites_carry_no_status_and_are_marked_by_the_libya_chapter_s_rule(tables, figure):
    """Libya's sites carry no status: each is filled by when its latest Russian activity is dated (from
    December 2024, before it, or none found) and crossed where that activity rests only on claims, by the
    rule the Libya chapter's own map uses (libya.site_marks), from the same tables."""
    from afterassad.chapters import libya

    drawn = site_points(figure.fig)
    status_places = set(tables["site_status"]["place_id"])
    others = tables["sites"][~tables["sites"]["place_id"].isin(status_places)]
    marks = landing.libya_marks(tables, others).set_index("place_id")
    for r in others.itertuples():
        mark, m = drawn.loc[r.place_id], marks.loc[r.place_id]
        assert mark["symbol"] == ("x" if m["claims_only"] else "diamond"), r.place_id
        assert mark["colour"] == libya.SINCE_FILL[m["since"]], r.place_id
        status_line = mark["hover"].split("<br>")[1]  # the line under the name: what the map says of the site
        assert not any(label.lower() in status_line.lower() for label in SITE_STATUS_LABELS.values()), r.place_id
        if m["since"] == "none":
            assert "No Russian activity found in the sources searched" in mark["hover"]
        else:
            assert html(m["words"]) in mark["hover"]
    # the reviewer's cases, read from the data: Sirte's latest activity is of 2021 and Sokna's of 2022, so
    # neither is drawn as active since the fall; Sokna's rests on one low-graded page and a claim
    assert marks.loc["sirte", "date"].year == 2021 and marks.loc["sokna", "date"].year == 2022
    assert drawn.loc["sirte", "colour"] == drawn.loc["sokna", "colour"] == libya.SINCE_FILL["earlier"]
    assert drawn.loc["sokna", "symbol"] == "x"
    names = {t.name for t in figure.fig.data if t.showlegend is not False and t.x == (None,)}
    assert set(libya.since_legend(marks.reset_index()).values()) <= names
    assert landing.LIBYA_CLAIMS_ONLY in names


def test_the_map_is_dated_by_the_newest_evidence_it_draws(tables, figure):
    newest = max(tables["site_status"]["date"].max(), tables["sites"]["latest_activity"].max())
    assert newest == tables["site_status"]["date"].max()  # in the data as they stand, a status row is the newest
    stamp = " ".join(a.text for a in figure.fig.layout.annotations if "Latest site evidence" in (a.text or ""))
    assert long_date(newest) in stamp
    assert f"the newest dated {long_date(newest)}" in figure.alt


def test_the_alt_text_counts_the_sites_per_status_as_the_data_do(tables, figure):
    latest = latest_rows(tables["site_status"])
    for status, rows in latest.groupby("site_status"):
        levels = rows["status"].value_counts()
        how = ", ".join(f"{levels[e]} {e}" for e in ("confirmed", "reported", "claimed") if e in levels)
        assert f"{len(rows)} {SITE_STATUS_LABELS[status].lower()} ({how})" in figure.alt
    libyan = tables["sites"][~tables["sites"]["place_id"].isin(latest.index)]
    marks = landing.libya_marks(tables, libyan)
    active = marks[marks["since"] != "none"]
    assert f"{len(active)} with Russian activity found in the sources" in figure.alt
    assert f"of which {(active['since'] == 'recent').sum()} with activity dated from December 2024 on" in figure.alt
    assert f"{int(active['claims_only'].sum())} whose activity rests only on claims" in figure.alt
    assert f"{(marks['since'] == 'none').sum()} with none found in the sources searched" in figure.alt


def test_lines_run_only_between_places_the_movements_give(tables, figure):
    places, movements = tables["places"].set_index("place_id"), tables["movements"].set_index("movement_id")
    sites = landing.lead_sites(tables)
    flows = landing.lead_flows(tables, sites["place_id"])
    assert len(flows)
    lines = [t for t in figure.fig.data if t.mode == "lines" and t.hovertemplate and t.x[0] is not None]
    assert len(lines) == len(flows)
    for f, line in zip(flows.itertuples(), lines):
        rows = movements.loc[f.movement_ids]
        assert (rows["asset_type"] != "ship_voyage").all() and not rows["earlier_context"].any()
        ends = set(rows["origin_place_id"]) | set(rows["destination_place_id"])
        assert f.chain[0] in ends and f.chain[-1] in ends  # the line is one of its moves, end to end
        assert any(e in set(sites["place_id"]) and str(places.loc[e, "country"]) == "SYR" for e in ends)
        for end, (x, y) in ((f.chain[0], (line.x[0], line.y[0])), (f.chain[-1], (line.x[-1], line.y[-1]))):
            assert math.isclose(x, places.loc[end, "lon"], abs_tol=1e-6) and math.isclose(y, places.loc[end, "lat"], abs_tol=1e-6)
        assert (line.line.dash == "dot") == ((rows["status"] == "claimed").sum() * 2 > len(rows))  # mostly claims
    # a move the map leaves out is a ship voyage, before the fall, or has no drawable end in the map
    drawn = {m for ids in flows["movement_ids"] for m in ids}
    for mid, r in movements.drop(index=list(drawn)).iterrows():
        ends = {r["origin_place_id"], r["destination_place_id"]}
        on_map = ends & set(sites["place_id"])
        russian = {e for e in ends if str(places.loc[e, "country"]) == "RUS"}
        short = len(on_map) == 2 and landing.legs_km(sorted(on_map), tables["places"])[0] < landing.FLOW_MIN_KM
        assert (
            r["asset_type"] == "ship_voyage"
            or r["earlier_context"]
            or on_map | russian != ends
            or short
            or not any(places.loc[e, "country"] == "SYR" for e in on_map)
        ), mid


def test_no_marker_or_name_hides_another_on_a_phone(figure):
    fig = figure.fig
    window = (tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range))
    placer = LabelPlacer.for_map(window, plot_px=landing.MAP_PLOT_PX, font_px=landing.LABEL_PX)
    drawn = site_points(fig)
    centres = [(placer._xy(r.x, r.y), r.size + r.width) for r in drawn.itertuples()]
    for i, (a, wa) in enumerate(centres):
        for b, wb in centres[i + 1 :]:
            assert math.dist(a, b) >= (wa + wb) / 2, (a, b)
    boxes = [placer.box(r.x, r.y, r.text, r.pos, r.size + r.width) for r in drawn.itertuples() if r.text]
    assert len(boxes) >= len(drawn) // 2  # most sites are named even on a phone
    for i, a in enumerate(boxes):
        assert all(a[k] >= 0 for k in (0, 1)) and a[2] <= placer.bounds[2] and a[3] <= placer.bounds[3]
        assert not any(_overlap(a, b) for b in boxes[i + 1 :])
        for c, w in centres:
            half = w / 2
            assert not _overlap(a, (c[0] - half, c[1] - half, c[0] + half, c[1] + half)), (a, c)
    for name in ("Hmeimim", "Tartus", "Qamishli", "Al-Khadim", "Tobruk"):
        assert name in set(drawn["text"]), name


def test_the_legend_keeps_claimed_apart_from_reported_and_confirmed(figure):
    names = {t.name for t in figure.fig.data if t.showlegend is not False and t.x == (None,)}
    assert {"Confirmed", "Reported by one source", "Claimed only"} <= names
    from afterassad.chapters.bases import SITE_STATUS_LABELS

    standing = latest_rows(load("site_status"))
    assert {SITE_STATUS_LABELS[s] for s in standing["site_status"]} <= names  # every status drawn is keyed


def test_spread_markers_keeps_a_lone_marker_on_its_point_and_fans_a_cluster_out_around_it():
    placer = LabelPlacer.for_map(((10, 40), (20, 40)))
    xs, ys = [15.0, 30.0, 30.05, 30.1], [25.0, 35.0, 35.0, 35.05]
    spots = spread_markers(placer, xs, ys, 10)
    assert spots[0] == (15.0, 25.0)  # clear of the others: untouched
    px = [placer._xy(x, y) for x, y in spots]
    for i in range(len(px)):
        for j in range(i + 1, len(px)):
            assert math.dist(px[i], px[j]) >= 11 - 1e-9
    centre = sum(xs[1:]) / 3
    assert spots[1][0] < centre < spots[3][0]  # each keeps its side: the west one west, the east one east
    assert len(placer.markers) == 4


def test_a_label_is_not_written_where_it_would_read_as_a_neighbours_name():
    placer = LabelPlacer.for_map(((10, 40), (20, 40)))
    # a neighbour just right of the point (13 px on a phone): the name goes to the other side
    assert placer.place(20.0, 30.0, "Here", marker_px=8, rivals=[(20.0, 30.0), (21.6, 30.0)]) == "middle left"
    # one further off (17 px) is nearer its own name than the point is: no rival
    assert LabelPlacer.for_map(((10, 40), (20, 40))).place(20.0, 30.0, "Here", marker_px=8, rivals=[(22.0, 30.0)]) == POSITIONS[0]


def test_site_label_drops_qualifiers_kinds_and_districts():
    assert site_label("Benina International Airport, Benghazi") == "Benina"
    assert site_label("Maaten al-Sarra air base, Kufra district") == "Maaten al-Sarra"
    assert site_label("Tobruk port (coordinates of Tobruk city; the port itself lies within about 3 km)") == "Tobruk"
    assert site_label("Al-Khadim air base (coordinates of al-Marj town)") == "Al-Khadim"
