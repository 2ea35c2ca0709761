"""Shared helpers every chapter uses: geodesy, date wording, lane timelines."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from afterassad.core.dates import span, with_precision
from afterassad.core.geo import distance_km, geodesic_midpoint, geodesic_path
from afterassad.figures.timeline import pack, stack_in_lanes

SRC = Path(__file__).resolve().parent.parent / "src" / "afterassad" / "chapters"
CHAPTER_MODULES = ["collapse", "withdrawal", "libya", "equipment"]


def haversine_km(lat1, lon1, lat2, lon2, radius=6371.0088):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


def test_one_degree_of_latitude_at_the_equator_is_the_textbook_length():
    # WGS84: a degree of latitude at the equator is 110.574 km (meridian arc), longitude 111.320 km.
    assert distance_km(0, 0, 1, 0) == pytest.approx(110.574, abs=0.01)
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.320, abs=0.01)


def test_geodesic_path_ends_where_asked_and_sums_to_the_distance():
    lons, lats = geodesic_path(35.41, 35.95, 55.75, 37.62, step_km=50)
    assert (lons[0], lats[0]) == pytest.approx((35.95, 35.41)) and (lons[-1], lats[-1]) == pytest.approx((37.62, 55.75))
    legs = sum(haversine_km(a, b, c, d) for a, b, c, d in zip(lats, lons, lats[1:], lons[1:]))
    assert legs == pytest.approx(distance_km(35.41, 35.95, 55.75, 37.62), rel=0.005)
    mid_lon, mid_lat = geodesic_midpoint(35.41, 35.95, 55.75, 37.62)
    assert distance_km(35.41, 35.95, mid_lat, mid_lon) == pytest.approx(distance_km(mid_lat, mid_lon, 55.75, 37.62), rel=1e-6)


def test_dates_are_written_no_more_precisely_than_known():
    ts = pd.Timestamp("2024-12-01")
    assert with_precision(ts, "day") == "1 December 2024"
    assert with_precision(ts, "month") == "December 2024"
    assert with_precision(ts, "year") == "2024"
    assert span(pd.Timestamp("2024-12-08"), pd.Timestamp("2024-12-14")) == "8–14 December 2024"
    assert span(pd.Timestamp("2024-12-30"), pd.Timestamp("2025-01-02")) == "30 December 2024 – 2 January 2025"
    with pytest.raises(ValueError):
        with_precision(ts, "fortnight")


def test_packing_never_puts_two_touching_intervals_in_one_slot():
    starts = [0, 0, 0, 0.2, 3, 3.1, 10]
    ends = [5, 0, 0, 0.2, 3, 3.1, 10]
    slots = pack(starts, ends, gap=0.5)
    for i in range(len(starts)):
        for j in range(i + 1, len(starts)):
            if slots[i] == slots[j]:
                first, second = sorted([i, j], key=lambda k: starts[k])
                assert starts[second] - ends[first] >= 0.5
    assert max(slots) == 3  # four intervals overlap around day 0


def test_stacked_lanes_keep_rows_in_their_own_band():
    frame = pd.DataFrame({"date": pd.to_datetime(["2024-12-08"] * 3 + ["2024-12-09"]), "lane": ["A", "A", "A", "B"]})
    lanes = stack_in_lanes(frame, "lane", ["A", "B"], gap_days=0.5)
    a, b = lanes.y[frame["lane"] == "A"], lanes.y[frame["lane"] == "B"]
    assert a.is_unique and a.min() > b.max()  # lane A above lane B, three distinct slots
    assert lanes.ticktext == ["A", "B"]
    with pytest.raises(ValueError):
        stack_in_lanes(frame, "lane", ["A"])


def test_no_chapter_module_imports_another_chapters_module():
    for name in CHAPTER_MODULES:
        path = SRC / f"{name}.py"
        if not path.is_file():
            continue
        text = path.read_text()
        for other in CHAPTER_MODULES:
            if other != name:
                assert f"from .{other} import" not in text and f"afterassad.{other}" not in text, (name, other)


def test_point_in_country_on_the_map_shapes():
    from afterassad.figures.basemap import inside

    assert inside(20.07, 32.11, "Libya")  # Benghazi
    assert not inside(29.92, 31.20, "Libya")  # Alexandria, Egypt
    assert not inside(18.0, 33.5, "Libya")  # the Gulf of Sidra, at sea


def test_label_placer_keeps_clustered_labels_apart_or_leaves_them_off():
    from afterassad.figures.labels import LabelPlacer, _overlap

    window = ((9, 26), (19, 34))
    placer = LabelPlacer.for_map(window)
    points = [
        (20.07, 32.11, "Benghazi port"),
        (20.08, 32.11, "Benina"),
        (20.09, 32.12, "al-Khadim"),
        (20.3, 32.0, "Marj"),
        (20.2, 31.9, "Tocra"),
        (20.1, 32.2, "Deryana"),
    ]
    for x, y, _ in points:
        placer.marker(x, y)
    markers = list(placer.markers)
    placed = [(x, y, t, placer.place(x, y, t, marker_px=10)) for x, y, t in points]
    boxes = [placer.box(x, y, t, pos, 10) for x, y, t, pos in placed if pos]
    assert 2 <= len(boxes) < len(points)  # room for some at phone size, not for all six
    assert not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert not any(_overlap(a, m) for a in boxes for m in markers)  # clear of every marker, its own included
    lone = LabelPlacer.for_map(window)
    assert lone.place(15.0, 25.0, "Alone") == "middle right"
    assert lone.place(25.9, 25.0, "At the east edge") == "middle left"  # not off the plot
    assert LabelPlacer.for_map(window).place(15.0, 25.0, "x" * 80) is None  # wider than the plot


def test_label_placer_writes_no_label_over_an_area_it_must_avoid():
    from afterassad.figures.labels import LabelPlacer, _overlap

    window = ((35.3, 42.6), (32.1, 37.4))
    inset = (40.0, 35.5, 42.4, 37.3)  # west, south, east, north: a locator inset's place
    free = LabelPlacer.for_map(window)
    assert free.place(39.6, 36.4, "Somewhere long") == "middle right"  # into the inset's area, were it not there
    placer = LabelPlacer.for_map(window, avoid=[inset])
    position = placer.place(39.6, 36.4, "Somewhere long")
    assert position and position != "middle right"
    x0, y0 = placer._xy(inset[0], inset[1])
    x1, y1 = placer._xy(inset[2], inset[3])
    assert not _overlap(placer.labels[-1], (x0, y0, x1, y1))
    assert LabelPlacer.for_map(window, avoid=[None]).blocked == []  # a map without an inset


def test_label_placer_works_at_phone_scale_so_desktop_is_safe_too():
    from afterassad.figures.labels import PHONE_PLOT_PX, LabelPlacer

    placer = LabelPlacer.for_map(((35.3, 42.6), (32.1, 37.4)))
    assert placer.bounds[2] == PHONE_PLOT_PX
    # a degree of latitude is taller than a degree of longitude, by 1/cos(34.75°)
    assert abs(placer.sy / placer.sx - 1 / 0.8216) < 0.001


def test_a_date_in_a_sentence_takes_the_preposition_of_its_precision():
    from afterassad.core.dates import on_date

    ts = pd.Timestamp("2024-12-08")
    assert on_date(ts, "day") == "on 8 December 2024"
    assert on_date(ts, "week") == "in the week of 8 December 2024"
    assert on_date(ts, "month") == "in December 2024"
    assert on_date(ts, "year") == "in 2024"


def test_wrap_label_breaks_at_spaces_and_keeps_explicit_breaks():
    from afterassad.core.text import wrap_label

    assert wrap_label("Disabled or removed by the owner", 10) == "Disabled<br>or removed<br>by the<br>owner"
    assert wrap_label("Syria 2024:<br>Russia's own", 20) == "Syria 2024:<br>Russia's own"


def test_clip_cuts_at_a_word_and_marks_the_cut():
    from afterassad.core.text import clip

    assert clip("short", 10) == "short"
    assert clip("US Department of Defense (report to Congress dated March 2022)", 40) == "US Department of Defense (report to…"
    assert len(clip("a " * 100, 30)) <= 30


def test_newest_dated_source_skips_seeds_and_dates_not_known_to_the_day():
    from afterassad.data.sources import newest_dated

    sources = pd.DataFrame(
        {
            "source_id": ["seed_000", "a", "b", "c"],
            "source_type": ["seed_article", "news", "news", "news"],
            "date_published": pd.to_datetime(["2027-01-01", "2026-03-05", "2026-04-01", "2026-02-01"]),
            "date_published_precision": ["day", "day", "month", "day"],
        }
    )
    assert newest_dated(sources) == pd.Timestamp("2026-03-05")
    assert newest_dated(sources, ["c", "b"]) == pd.Timestamp("2026-02-01")


def test_dates_of_reads_every_fact_table_and_names_a_missing_fact():
    from afterassad.chapters.milestones import dated_facts, dates_of

    tables = {
        "events": pd.DataFrame({"event_id": ["ev_1"], "date": pd.to_datetime(["2025-01-28"]), "date_precision": ["day"]}),
        "estimates": pd.DataFrame(
            {"estimate_id": ["est_1"], "as_of": pd.to_datetime(["2025-05-01"]), "as_of_precision": ["month"]}
        ),
    }
    assert dates_of(dated_facts(tables), {"visit": "ev_1", "oil": "est_1"}) == {"d_visit": "28 January 2025", "d_oil": "May 2025"}
    with pytest.raises(KeyError, match="ev_2"):
        dates_of(dated_facts(tables), {"gone": "ev_2"})


def test_clip_prefers_the_end_of_a_sentence_and_never_cuts_a_word():
    from afterassad.core.text import clip

    text = "Ships left Tartus on 10 Dec. They waited offshore for weeks before docking again at the base."
    assert clip(text, 50) == "Ships left Tartus on 10 Dec."  # a sentence ends in the second half: no ellipsis
    assert clip(text, 60) == "Ships left Tartus on 10 Dec. They waited offshore for…"  # it ends in the first half
    cut = clip("Estimates of troops ranged from 1,200 to 2,000 across the three bases", 35)
    assert cut.endswith("…") and cut[:-1] in "Estimates of troops ranged from 1,200 to 2,000" and not cut[:-1].endswith("1,2")


def test_short_name_reads_a_country_level_stand_in_as_a_reader_would():
    from afterassad.core.text import short_name

    assert short_name("Hama military airport (coordinates of Hama city)") == "Hama military airport"
    assert short_name("Mali, airfield not specified (coordinates of Bamako as proxy)") == "Mali (airfield not named)"
    assert (
        short_name("Libya, destination airfield not specified (coordinates of Benghazi city as proxy)")
        == "Libya (airfield not named)"
    )
    assert short_name("Eastern Libya / Cyrenaica (airfield not specified; coordinates of Benghazi city)") == "Eastern Libya"


def test_a_span_reads_as_its_two_ends_in_a_sentence():
    import pandas as pd

    from afterassad.core.dates import on_date

    day = pd.Timestamp
    assert on_date(day("2026-02-08"), "day", day("2026-02-21")) == "between 8 and 21 February 2026"
    assert on_date(day("2024-12-30"), "day", day("2025-01-02")) == "between 30 December 2024 and 2 January 2025"
    assert on_date(day("2024-12-01"), "month", day("2025-01-01")) == "between December 2024 and January 2025"
    assert on_date(day("2024-12-08"), "day", pd.NaT) == "on 8 December 2024"


def test_a_range_open_above_reads_at_least_its_low():
    from afterassad.core.ranges import Range, from_values

    # a ship of 450 t and one of "at least 8,000 t" (no high): the sum bounds nothing above
    ships = from_values(450, 450, 450) + from_values(8000, None, None)
    assert ships.open_high and ships.low == 8450
    assert ships.words("tonnes") == "at least 8,450 tonnes"
    assert Range(2, None, 5).words("flights") == "2 to 5 flights"
