"""The withdrawal chapter: its analysis checked on small made-up tables with hand-computed answers,
and its data checked against the rules the chapter promises its readers."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from afterassad import load
from afterassad.chapters import withdrawal as w
from afterassad.chapters.milestones import regime_fall
from afterassad.chapters.withdrawal import (
    after_the_fall,
    capacity_table,
    during,
    effective_span,
    left_and_stayed,
    left_stayed_figure,
    lift_capacity,
    movements_figure,
    phases,
    posture,
    route_map_figure,
    routes,
    ships_left_out,
    status_periods,
    status_timeline_figure,
    weekly_counts,
)
from afterassad.core import ranges
from afterassad.figures.render import locator_box, under_locator
from afterassad.figures.routemap import window_for

PLACES = pd.DataFrame(
    {
        "place_id": ["hmeimim", "benghazi", "moscow", "sea"],
        "name": ["Hmeimim", "Benghazi", "Moscow", "Eastern Mediterranean"],
        "country": ["SYR", "LBY", "RUS", "XXX"],
        "lat": [35.41, 32.09, 55.75, 34.0],
        "lon": [35.95, 20.27, 37.62, 30.0],
    }
)


def _movements(rows):
    base = {
        "date_end": pd.NaT,
        "date_precision": "day",
        "via_place_ids": pd.NA,
        "platform_id": pd.NA,
        "count_best": float("nan"),
        "asset_type": "aircraft_flight",
        "count_unit": "flights",
        "source_ids": "s",
        "status": "reported",
        "claimed_by": pd.NA,
        "earlier_context": False,
        "description": "made up",
    }
    frame = pd.DataFrame([{**base, **r} for r in rows])
    for c in ("date", "date_end"):
        frame[c] = pd.to_datetime(frame[c])
    return frame


def vincenty_km(lat1, lon1, lat2, lon2):
    """Vincenty's inverse formula on WGS84, written out here to check geographiclib independently."""
    a, f = 6378137.0, 1 / 298.257223563
    b = (1 - f) * a
    L = math.radians(lon2 - lon1)
    U1, U2 = math.atan((1 - f) * math.tan(math.radians(lat1))), math.atan((1 - f) * math.tan(math.radians(lat2)))
    sinU1, cosU1, sinU2, cosU2 = math.sin(U1), math.cos(U1), math.sin(U2), math.cos(U2)
    lam = L
    for _ in range(200):
        sin_lam, cos_lam = math.sin(lam), math.cos(lam)
        sin_sigma = math.hypot(cosU2 * sin_lam, cosU1 * sinU2 - sinU1 * cosU2 * cos_lam)
        if sin_sigma == 0:
            return 0.0
        cos_sigma = sinU1 * sinU2 + cosU1 * cosU2 * cos_lam
        sigma = math.atan2(sin_sigma, cos_sigma)
        sin_alpha = cosU1 * cosU2 * sin_lam / sin_sigma
        cos2_alpha = 1 - sin_alpha**2
        cos_2sm = cos_sigma - 2 * sinU1 * sinU2 / cos2_alpha if cos2_alpha else 0.0
        C = f / 16 * cos2_alpha * (4 + f * (4 - 3 * cos2_alpha))
        previous = lam
        lam = L + (1 - C) * f * sin_alpha * (sigma + C * sin_sigma * (cos_2sm + C * cos_sigma * (-1 + 2 * cos_2sm**2)))
        if abs(lam - previous) < 1e-12:
            break
    u2 = cos2_alpha * (a * a - b * b) / (b * b)
    A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
    B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
    d_sigma = (
        B
        * sin_sigma
        * (
            cos_2sm
            + B / 4 * (cos_sigma * (-1 + 2 * cos_2sm**2) - B / 6 * cos_2sm * (-3 + 4 * sin_sigma**2) * (-3 + 4 * cos_2sm**2))
        )
    )
    return b * A * (sigma - d_sigma) / 1000.0


# ------------------------------------------------------------------ analysis, on made-up tables


def test_a_month_precise_movement_covers_its_month_and_a_group_its_span():
    mv = _movements(
        [
            {
                "date": "2025-01-01",
                "date_precision": "month",
                "origin_place_id": "hmeimim",
                "destination_place_id": "moscow",
                "count_low": 3,
                "count_high": 3,
            },
            {
                "date": "2024-12-16",
                "date_end": "2024-12-22",
                "origin_place_id": "hmeimim",
                "destination_place_id": "benghazi",
                "count_low": 7,
                "count_high": 14,
            },
        ]
    )
    spans = effective_span(mv)
    assert spans.loc[0, "end"] == pd.Timestamp("2025-01-31")
    assert spans.loc[1, "end"] == pd.Timestamp("2024-12-22")


def test_weekly_counts_keep_every_flight_in_the_week_it_began():
    mv = _movements(
        [
            {
                "date": "2024-12-16",
                "date_end": "2024-12-22",
                "origin_place_id": "hmeimim",
                "destination_place_id": "benghazi",
                "count_low": 7,
                "count_high": 14,
            },
            {
                "date": "2024-12-20",
                "origin_place_id": "hmeimim",
                "destination_place_id": "moscow",
                "count_low": 2,
                "count_best": 2,
                "count_high": 2,
            },
            {
                "date": "2024-12-23",
                "origin_place_id": "hmeimim",
                "destination_place_id": "benghazi",
                "count_low": 1,
                "count_high": 1,
            },
        ]
    )
    weekly = weekly_counts(mv, PLACES)
    assert weekly["low"].sum() == 10 and weekly["high"].sum() == 17
    libya = weekly[weekly["destination"] == "To Libya"].set_index("week")
    assert libya.loc[pd.Timestamp("2024-12-16"), "low"] == 7 and libya.loc[pd.Timestamp("2024-12-16"), "high"] == 14
    assert libya.loc[pd.Timestamp("2024-12-23"), "low"] == 1  # 23 Dec 2024 was a Monday: a week of its own
    assert weekly[weekly["destination"] == "Back to Russia"]["low"].item() == 2
    assert movements_figure(weekly).data  # the figure draws something


def test_phases_split_at_long_gaps():
    dates = pd.Series(pd.to_datetime(["2024-12-10", "2024-12-20", "2025-03-16", "2025-10-26", "2026-01-26"]))
    assert phases(dates, gap_days=60) == [
        (pd.Timestamp("2024-12-10"), pd.Timestamp("2024-12-20")),
        (pd.Timestamp("2025-03-16"), pd.Timestamp("2025-03-16")),
        (pd.Timestamp("2025-10-26"), pd.Timestamp("2025-10-26")),
        (pd.Timestamp("2026-01-26"), pd.Timestamp("2026-01-26")),
    ]  # 92 days apart
    assert phases(dates, gap_days=100)[-1] == (pd.Timestamp("2025-10-26"), pd.Timestamp("2026-01-26"))


def test_routes_measure_each_leg_on_the_ellipsoid():
    mv = _movements(
        [
            {
                "date": "2024-12-20",
                "origin_place_id": "hmeimim",
                "destination_place_id": "moscow",
                "count_low": 1,
                "count_high": 4,
                "via_place_ids": "sea",
            }
        ]
    )
    r = routes(mv, PLACES).iloc[0]
    p = PLACES.set_index("place_id")
    expected = vincenty_km(
        p.loc["hmeimim", "lat"], p.loc["hmeimim", "lon"], p.loc["sea", "lat"], p.loc["sea", "lon"]
    ) + vincenty_km(p.loc["sea", "lat"], p.loc["sea", "lon"], p.loc["moscow", "lat"], p.loc["moscow", "lon"])
    assert r["distance_km"] == pytest.approx(expected, abs=0.01)
    assert r["chain"] == ["hmeimim", "sea", "moscow"]
    assert (r["count"].low, r["count"].high) == (1, 4)


def test_lift_capacity_multiplies_counts_by_payload_as_ranges():
    mv = _movements(
        [
            {
                "date": "2024-12-20",
                "origin_place_id": "hmeimim",
                "destination_place_id": "benghazi",
                "count_low": 5,
                "count_best": 6,
                "count_high": 8,
                "platform_id": "an124",
            },
            {
                "date": "2024-12-21",
                "origin_place_id": "hmeimim",
                "destination_place_id": "benghazi",
                "count_low": 2,
                "count_high": 2,
                "platform_id": "unknown_type",
            },
        ]
    )
    platforms = pd.DataFrame(
        {
            "platform_id": ["an124"],
            "name": ["An-124"],
            "payload_t_low": [120.0],
            "payload_t_best": [pd.NA],
            "payload_t_high": [150.0],
        }
    )
    cap = lift_capacity(mv, platforms, PLACES)
    assert len(cap) == 1  # the flight with no known payload is left out, not guessed
    c = cap.iloc[0]["capacity_t"]
    assert (c.low, c.high, c.best) == (600.0, 1200.0, None)


def test_ranges_add_and_stay_open_when_a_part_has_no_upper_bound():
    at_least_seven = ranges.from_values(7, None, None)
    exact = ranges.from_values(2, 2, 2)
    both = at_least_seven + exact
    assert (both.low, both.high, both.open_high, both.best) == (9, 9, True, None)
    assert both.words("flights") == "at least 9 flights"
    assert ranges.from_values(3, 4, 6).words() == "3 to 6 (best 4)"
    with pytest.raises(ValueError):
        ranges.from_values(None, None, None)


def test_status_periods_run_until_the_next_evidence():
    st = pd.DataFrame(
        {
            "status_id": ["a", "b", "c"],
            "place_id": ["hmeimim", "hmeimim", "benghazi"],
            "date": pd.to_datetime(["2024-12-01", "2025-01-21", "2024-12-20"]),
            "date_precision": ["day"] * 3,
            "site_status": ["operational", "under_negotiation", "operational"],
            "basis": ["x"] * 3,
            "status": ["confirmed"] * 3,
        }
    )
    periods = status_periods(st, PLACES, until=pd.Timestamp("2025-06-30"))
    hm = periods[periods["place_id"] == "hmeimim"]
    assert list(hm["end"]) == [pd.Timestamp("2025-01-21"), pd.Timestamp("2025-06-30")]
    assert status_timeline_figure(periods).data


# ------------------------------------------------------------------ the chapter's data


@pytest.fixture(scope="module")
def data():
    return {name: load(name) for name in ("movements", "places", "events", "site_status", "platforms", "estimates", "equipment")}


def test_the_chapter_has_data(data):
    mv = data["movements"]
    assert (mv["chapter"] == "withdrawal").sum() >= 10
    assert (data["events"]["chapter"] == "withdrawal").sum() >= 20
    assert len(data["site_status"]) >= 6
    assert not posture(data["estimates"], regime_fall(data["events"])).empty


def test_no_movement_before_the_fall_unless_marked_as_earlier_context(data):
    fall = regime_fall(data["events"])
    mv = data["movements"]
    # the last day a movement's date could be, given its precision (a month is stored as its first day)
    latest = effective_span(mv.assign(date_end=pd.NaT))["end"]
    early = mv[(latest < fall) & ~mv["earlier_context"]]
    assert early.empty, early["movement_id"].tolist()
    late_context = mv[(mv["date"] >= fall) & mv["earlier_context"]]
    assert late_context.empty, late_context["movement_id"].tolist()


def test_every_movement_goes_between_known_places_with_coordinates(data):
    mv, p = data["movements"], data["places"].set_index("place_id")
    for column in ("origin_place_id", "destination_place_id"):
        assert mv[column].notna().all() and mv[column].isin(p.index).all(), column
        coords = p.loc[mv[column], ["lat", "lon"]]
        assert coords.notna().all().all()
    assert (mv["origin_place_id"] != mv["destination_place_id"]).all()


def test_every_range_in_every_table_is_ordered(data):
    """Checked here without the contract's own rule: any _low/_best/_high triple, in any table."""
    for name, frame in data.items():
        for stem in {c.rsplit("_", 1)[0] for c in frame.columns if c.endswith(("_low", "_high"))}:
            lo, best, hi = (frame.get(f"{stem}_{s}") for s in ("low", "best", "high"))
            values = pd.concat([lo, best, hi], axis=1).astype("Float64")
            for a, b in ((0, 1), (1, 2), (0, 2)):
                bad = values[(values.iloc[:, a] > values.iloc[:, b]).fillna(False)]
                assert bad.empty, (name, stem, bad.index.tolist())


def test_route_distances_agree_with_an_independent_geodesic(data):
    mv, places = data["movements"], data["places"]
    p = places.set_index("place_id")
    table = routes(mv[mv["chapter"] == "withdrawal"], places)
    assert not table.empty
    for r in table.itertuples():
        legs = [
            vincenty_km(p.loc[a, "lat"], p.loc[a, "lon"], p.loc[b, "lat"], p.loc[b, "lon"]) for a, b in zip(r.chain, r.chain[1:])
        ]
        assert r.distance_km == pytest.approx(sum(legs), abs=0.01), r.chain


def test_every_figure_of_the_chapter_has_data(data):
    mv = data["movements"][data["movements"]["chapter"] == "withdrawal"]
    places = data["places"]
    weekly = weekly_counts(mv, places)
    period = phases(after_the_fall(mv)["date"])[0]
    table = routes(during(after_the_fall(mv), period), places)
    figures = {
        "movements": movements_figure(weekly),
        "routes": route_map_figure(table, places, window_for([c for ch in table["chain"] for c in ch], places), period),
        "status": status_timeline_figure(status_periods(data["site_status"], places, until=data["site_status"]["date"].max())),
        "left_stayed": left_stayed_figure(
            left_and_stayed(data["equipment"], data["estimates"], places, regime_fall(data["events"]))
        ),
    }
    for name, fig in figures.items():
        drawn = [t for t in fig.data if t.x is not None and any(x is not None for x in t.x)]
        assert drawn, name


def test_platforms_named_by_movements_have_a_sourced_description(data):
    mv, platforms = data["movements"], data["platforms"].set_index("platform_id")
    named = mv["platform_id"].dropna().unique()
    assert len(named) >= 2
    assert platforms.loc[named, "description"].notna().all()


def test_a_movement_naming_one_ship_counts_one_voyage(data):
    """A payload is multiplied by the count, so a row tagged with one ship must not count a whole group."""
    mv, platforms = data["movements"], data["platforms"].set_index("platform_id")
    ships = mv[mv["platform_id"].isin(platforms.index[platforms["platform_kind"] == "ship"])]
    assert not ships.empty
    too_many = ships[(ships[["count_low", "count_best", "count_high"]] > 1).any(axis=1) | (ships["count_unit"] != "voyages")]
    assert too_many.empty, too_many["movement_id"].tolist()


def test_claims_are_kept_out_of_the_counted_bars(data):
    from afterassad.chapters.withdrawal import uncounted_weekly

    mv, places = data["movements"], data["places"]
    claimed = mv[(mv["status"] == "claimed") & (mv["chapter"] == "withdrawal") & ~mv["earlier_context"]]
    assert not claimed.empty
    weekly = weekly_counts(claimed, places)
    assert weekly.empty  # a claim never becomes a bar
    assert len(uncounted_weekly(claimed, places)) == len(claimed)  # it is drawn as a marker instead


def test_mixed_fleet_capacity_spans_the_lightest_and_heaviest_type():
    from afterassad.chapters.withdrawal import mixed_fleet_capacity

    platforms = pd.DataFrame(
        {
            "platform_id": ["il76", "an124"],
            "payload_t_low": [40.0, 120.0],
            "payload_t_best": [pd.NA, 120.0],
            "payload_t_high": [50.0, 150.0],
        }
    )
    cap = mixed_fleet_capacity(ranges.from_values(7, None, None), platforms, ["il76", "an124"])
    assert (cap.low, cap.high, cap.best, cap.open_high) == (280.0, 1050.0, None, True)  # 7 x 40 t and 7 x 150 t


def test_one_of_a_unit_reads_singular():
    assert ranges.from_values(1, 1, 1).words("ships") == "1 ship"
    assert ranges.from_values(1, 1, 1).words("people") == "1 person"
    assert ranges.from_values(1, None, 2).words("ships") == "1 to 2 ships"


PLATFORMS = pd.DataFrame(
    {
        "platform_id": ["il_76md", "an_124", "cargo_ship", "unrated_ship"],
        "name": ["Il-76", "An-124", "Cargo ship", "Unrated ship"],
        "payload_t_low": [28.0, 120.0, 1000.0, None],
        "payload_t_best": [40.0, 120.0, None, None],
        "payload_t_high": [60.0, 150.0, 1000.0, None],
    }
)


def test_the_airlift_total_counts_each_flight_once():
    airlift = _movements(
        [
            {
                "date": "2024-12-10",
                "origin_place_id": "hmeimim",
                "destination_place_id": "benghazi",
                "count_low": 1,
                "count_high": 1,
                "count_best": 1,
                "platform_id": "an_124",
            },
            {
                "date": "2024-12-11",
                "origin_place_id": "hmeimim",
                "destination_place_id": "benghazi",
                "count_low": 1,
                "count_high": 1,
                "count_best": 1,
            },
        ]
    )
    table = capacity_table(
        pd.DataFrame(columns=["destination", "platform", "mode", "count", "payload_t", "capacity_t"]), airlift, PLATFORMS
    )
    typed, untyped, total = table.iloc[0], table.iloc[1], table.iloc[2]
    assert typed["Could carry (t)"] == "120 to 150"
    assert untyped["Could carry (t)"] == "28 to 150"
    # the total is the sum of the lines above it: 120 + 28 at the low end, 150 + 150 at the high end
    assert total["Voyages or flights"] == "2" and total["Could carry (t)"] == "148 to 300"


def test_a_voyage_from_a_sea_region_adds_no_capacity_and_is_named_as_left_out():
    mv = _movements(
        [
            {
                "date": "2025-01-20",
                "origin_place_id": "hmeimim",
                "destination_place_id": "moscow",
                "asset_type": "ship_voyage",
                "count_low": 1,
                "count_high": 1,
                "platform_id": "cargo_ship",
            },
            {
                "date": "2025-03-01",
                "origin_place_id": "sea",
                "destination_place_id": "moscow",
                "asset_type": "ship_voyage",
                "count_low": 1,
                "count_high": 1,
                "platform_id": "cargo_ship",
            },
            {
                "date": "2025-03-01",
                "origin_place_id": "hmeimim",
                "destination_place_id": "moscow",
                "asset_type": "ship_voyage",
                "count_low": 1,
                "count_high": 1,
                "platform_id": "unrated_ship",
            },
        ]
    )
    places = PLACES.assign(country=PLACES["country"].replace("XXX", None))
    cap = lift_capacity(mv, PLATFORMS, places)
    assert list(cap["platform_id"]) == ["cargo_ship"] and cap.iloc[0]["count"].low == 1
    left = ships_left_out(mv, PLATFORMS, places).set_index("platform_id")["reason"].to_dict()
    assert left == {"unrated_ship": "no source gives a capacity"}


def test_the_route_map_s_locator_inset_hides_no_route_place_or_label(data):
    """The map as the chapter draws it (its window leaves room for names east of the markers)."""
    mv = after_the_fall(data["movements"][data["movements"]["chapter"] == "withdrawal"])
    period = phases(mv["date"])[0]
    table = routes(during(mv, period), data["places"])
    land = table[table["asset_type"] != "ship_voyage"]
    window = window_for([c for ch in land["chain"] for c in ch], data["places"], label_room=9)
    fig = route_map_figure(table, data["places"], window, period, named=["hmeimim_air_base", "al_khadim_air_base", "tehran"])
    assert locator_box(fig) is not None
    assert under_locator(fig) == []


# ------------------------------------------------------------------ the chapter's figures, as it draws them


@pytest.fixture(scope="module")
def chapter():
    """The chapter's numbers and shared objects, built as its notebook builds them."""
    all_events = load("events")
    return w.chapter_numbers(
        all_events=all_events,
        equipment=load("equipment"),
        estimates=load("estimates").query("chapter == 'withdrawal'").reset_index(drop=True),
        events=all_events.query("chapter == 'withdrawal'").reset_index(drop=True),
        movements=load("movements").query("chapter == 'withdrawal'").reset_index(drop=True),
        places=load("places"),
        platforms=load("platforms"),
        site_status=load("site_status"),
        sources=load("sources"),
    )


def _route_map(chapter, places):
    numbers, shared = chapter
    period = shared["phase"][0]
    table = routes(during(shared["after"], period), places)
    land = table[table["asset_type"] != "ship_voyage"]
    window = window_for([c for ch in land["chain"] for c in ch], places, label_room=9)
    return route_map_figure(table, places, window, period), table, period


def test_every_line_on_the_route_map_is_dated_inside_the_withdrawal_period(chapter, data):
    """The map is of the drawdown the text tells (its first phase): a later flight would read as a
    flight home the text says no independent source saw."""
    fig, _, (start, end) = _route_map(chapter, data["places"])
    lines = [t for t in fig.data if t.mode == "lines" and t.x is not None and any(x is not None for x in t.x)]
    lines = [t for t in lines if t.meta]  # the base map's outlines carry no dates; every route does
    assert lines
    for t in lines:
        assert start <= pd.Timestamp(t.meta["first"]) <= pd.Timestamp(t.meta["last"]) <= end, t.hovertemplate
    assert str(start.year) in fig.layout.legend.title.text and str(end.year) in fig.layout.legend.title.text
    # and rows from outside the period are refused, not drawn
    everything = routes(chapter[1]["after"], data["places"])
    assert (everything["last"] > end).any()
    with pytest.raises(ValueError):
        route_map_figure(everything, data["places"], ((0, 60), (20, 60)), (start, end))


def test_the_text_gives_the_leg_lengths_the_route_map_writes(chapter, data):
    """The chapter's glued lengths of HUR's legs home are lengths written on the map, from the same rows."""
    numbers, _ = chapter
    fig, _, _ = _route_map(chapter, data["places"])
    written = {n for t in fig.data if t.mode == "text" for label in t.text for n in re.findall(r"\d[\d,]*", label)}
    glued = re.findall(r"\d[\d,]*", str(numbers["hur_russia_legs"]))
    assert glued and set(glued) <= written, (numbers["hur_russia_legs"], written)


def test_a_route_ending_at_a_country_s_stand_in_point_is_drawn_but_carries_no_length():
    places = PLACES.assign(geo_precision=["site", "site", "country", "region"])  # 'moscow' as Russia's stand-in
    mv = _movements(
        [
            {
                "date": "2024-12-10",
                "origin_place_id": "hmeimim",
                "destination_place_id": "moscow",
                "count_low": 1,
                "count_high": 1,
            },
            {
                "date": "2024-12-11",
                "origin_place_id": "hmeimim",
                "destination_place_id": "benghazi",
                "count_low": 1,
                "count_high": 1,
            },
        ]
    )
    table = routes(mv, places)
    assert table.set_index("destination_place")["measured_km"].isna().to_dict() == {"moscow": True, "benghazi": False}
    period = (pd.Timestamp("2024-12-08"), pd.Timestamp("2024-12-31"))
    fig = route_map_figure(table, places, ((15, 45), (28, 60)), period)
    labels = [label for t in fig.data if t.mode == "text" for label in t.text]
    to_benghazi = table.set_index("destination_place").loc["benghazi", "measured_km"]
    assert labels == [f"{to_benghazi:,.0f} km"]
    assert len([t for t in fig.data if t.meta]) == 2  # both routes drawn


def test_every_column_of_the_left_stayed_matrix_has_a_heading(chapter):
    _, shared = chapter
    fig = left_stayed_figure(shared["left"])
    axis = fig.layout.xaxis
    headed = {v for v, text in zip(axis.tickvals, axis.ticktext) if text.strip()}
    drawn = {x for t in fig.data if t.x is not None for x in t.x if x is not None}
    assert drawn and drawn <= headed, drawn - headed
    assert f"against {len(axis.tickvals)} outcomes" in w.left_stayed_alt(shared["left"])  # the alt text counts them all
    # an outcome the chapter's order does not list still gets its column's heading
    extra = shared["left"].iloc[[0]].assign(where="Something new")
    fig = left_stayed_figure(pd.concat([shared["left"], extra], ignore_index=True))
    assert "Something new" in fig.layout.xaxis.tickvals


def test_every_outcome_the_equipment_table_can_record_has_a_column_heading():
    from afterassad.data.contract import read_package

    equipment = next(r for r in read_package()["resources"] if r["name"] == "equipment")
    outcomes = next(f for f in equipment["schema"]["fields"] if f["name"] == "outcome")["constraints"]["enum"]
    for outcome in outcomes:
        if outcome != "evacuated":  # which goes by destination
            assert w.OUTCOME_WORDS[outcome] in w.OUTCOME_ORDER, outcome


def _panels(fig):
    """Each panel of a figure of subplots: its y axis, and the y values its bars draw."""
    bars: dict[str, list] = {}
    for t in fig.data:
        if t.type == "bar" and t.y is not None:
            bars.setdefault(t.yaxis or "y", []).extend(v for v in t.y if v is not None)
    return {name: bars.get(name.replace("axis", ""), []) for name in fig.layout if name.startswith("yaxis")}


def test_no_panel_of_the_movements_figure_is_drawn_without_data(chapter, data):
    _, shared = chapter
    after, places, window = shared["after"], data["places"], shared["phase"][0]
    weekly, loose = weekly_counts(after, places), w.uncounted_weekly(after, places)
    fig = movements_figure(weekly, loose, window=window)
    for axis, heights in _panels(fig).items():
        assert any(h > 0 for h in heights), f"panel {axis} has no bar"
    # a unit only claims speak of gets no panel, and the alt text names only the panels drawn
    claims_only = set(loose["unit"]) - set(weekly.loc[weekly["week"].between(*window), "unit"])
    titles = [a.text for a in fig.layout.annotations]
    alt = w.movements_alt(weekly, loose, window=window)
    for unit in w.UNIT_TITLES:
        drawn = f"{w.UNIT_TITLES[unit]} per week" in titles
        assert drawn == (unit in set(weekly.loc[weekly["week"].between(w.week_of(pd.Series([window[0]]))[0], window[1]), "unit"]))
        assert (w.UNIT_TITLES[unit].lower() in alt) == drawn, unit
    assert claims_only <= {u for u in w.UNIT_TITLES if f"{w.UNIT_TITLES[u]} per week" not in titles}


def test_the_movements_figure_s_count_axes_repeat_no_tick(chapter, data):
    _, shared = chapter
    weekly = weekly_counts(shared["after"], data["places"])
    fig = movements_figure(weekly, window=shared["phase"][0])
    for name in (n for n in fig.layout if n.startswith("yaxis")):
        axis = fig.layout[name]
        labels = [f"{v:,d}" for v in axis.tickvals]
        assert axis.tickvals and all(float(v).is_integer() for v in axis.tickvals), name
        assert len(set(labels)) == len(labels), (name, labels)


def test_no_legend_of_the_chapter_s_figures_names_a_gesture(chapter, data):
    """A printed legend cannot be hovered: no legend entry says "hover" (or click, or tap)."""
    from afterassad.chapters import new_syria as ns

    numbers, shared = chapter
    site_status, places = data["site_status"], data["places"]
    board = ns.base_board(site_status, places, load("sources"))
    figures = [
        status_timeline_figure(shared["periods"]),
        ns.board_figure(site_status, places, board, until=board["date"].max()),
        left_stayed_figure(shared["left"]),
        _route_map(chapter, places)[0],
        movements_figure(weekly_counts(shared["after"], places), w.uncounted_weekly(shared["after"], places)),
    ]
    for fig in figures:
        names = [t.name for t in fig.data if t.showlegend is not False and t.name]
        assert names
        for name in names:
            assert not re.search(r"hover|click|tap", name, re.I), name


def test_one_counters_parts_are_added_and_competing_estimates_give_their_span():
    from afterassad.chapters.withdrawal import _cell_text

    day = pd.Timestamp("2024-12-10")
    cell = pd.DataFrame(
        {
            "range": [ranges.from_values(3, 3, 3), ranges.from_values(2, 2, 2)],
            "place": ["tartus", "tartus"],
            "as_of": [day, day],
            "who": ["Maxar", "Planet"],
            "unit": ["items", "items"],
        }
    )
    assert _cell_text(cell) == "5"  # frigates and support ships in one image: parts of one whole
    competing = pd.DataFrame(
        {
            "range": [ranges.from_values(6000, None, 7500), ranges.from_values(7500, 7500, 7500)],
            "place": ["syria", "syria"],
            "as_of": [day, day],
            "who": ["Ukrainian official", "BBC Russian"],
            "unit": ["people", "people"],
        }
    )
    assert _cell_text(competing) == "6,000 to 7,500"  # their span, never 13,500 to 15,000


def test_the_matrix_s_column_headings_do_not_overlap_on_a_phone(chapter):
    """Eight headings side by side on a 390 px phone: set upright, one line each, every heading needs
    only its line's height across, and the columns are wider than that even after the kinds' wrapped
    names take their share of the phone's plot width."""
    from afterassad.figures.labels import CHAR_EM, PHONE_PLOT_PX

    _, shared = chapter
    fig = left_stayed_figure(shared["left"])
    x, y = fig.layout.xaxis, fig.layout.yaxis
    assert x.tickangle == -90 and not [t for t in x.ticktext if "<br>" in t]
    assert list(x.ticktext) == list(x.tickvals)  # the headings in full, never cut or abbreviated
    font = x.tickfont.size
    widest_kind = max(len(line) for t in y.ticktext for line in t.split("<br>"))
    kinds_px = widest_kind * (y.tickfont.size or 13) * CHAR_EM  # counted against the plot, to be safe
    column_px = (PHONE_PLOT_PX - kinds_px) / len(x.tickvals)
    assert column_px >= 1.3 * font, (column_px, font)
