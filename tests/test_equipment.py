"""The equipment chapter: its arithmetic on made-up rows with hand-computed answers, and its data
against the rules the chapter promises: headlines reconcile with their categories, money carries
its price year, and the Syrian state's equipment is never Russia's, nor Russia's the Syrian state's."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from afterassad import load
from afterassad.chapters import equipment as E
from afterassad.chapters.milestones import offensive_launch
from afterassad.core import ranges

RUSSIAN_SIDE = E.PATRON_OWNERS["syria_2024"]


@pytest.fixture(scope="module")
def data():
    return {name: load(name) for name in ("equipment", "estimates", "events")}


def _rows(*rows):
    base = {"equipment_id": None, "same_items_as": None, "count_low": None, "count_best": None, "count_high": None}
    return pd.DataFrame([{**base, **r} for r in rows]).astype(
        {"count_low": "Float64", "count_best": "Float64", "count_high": "Float64"}
    )


def test_competing_counts_give_a_range_and_different_items_add_up():
    rows = _rows(
        {"equipment_id": "a", "count_best": 73},
        {"equipment_id": "b", "same_items_as": "a", "count_best": 80},
        {"equipment_id": "c", "count_best": 24},
    )
    total = E.documented_total(rows)
    # a and b are one thing counted twice (73 or 80); c is something else (24)
    assert (total.low, total.high) == (97, 104)


def test_a_count_given_only_as_a_floor_stays_open():
    total = E.documented_total(_rows({"equipment_id": "a", "count_low": 40000}, {"equipment_id": "b", "count_best": 5}))
    assert total.open_high and total.low == 40005


def test_inventory_estimates_add_an_estimators_parts_and_range_across_estimators():
    rows = _rows(
        {"equipment_id": "a", "count_best": 575},
        {"equipment_id": "b", "count_best": 2550},
        {"equipment_id": "c", "count_low": 3440},
    ).assign(estimator=["GFP", "GFP", "BESA"], as_of=pd.to_datetime(["2020-01-01", "2020-01-01", "2011-01-01"]))
    r = E.inventory_range(rows)
    assert (r.low, r.high) == (3125, 3440)


def test_the_money_table_gives_values_as_reported_and_restates_none():
    rows = pd.DataFrame(
        {
            "what": ["dated", "nominal total", "floor"],
            "range": [ranges.Range(100e6, 100e6, 100e6)] * 2 + [ranges.Range(500e6, None, 500e6, open_high=True)],
            "price_year": [2021, None, None],
            "who": ["x", "y", "z"],
            "status": ["confirmed"] * 3,
        }
    )
    table = E.money_table(rows)
    assert list(table.columns) == ["What", "Value, as reported", "Price year", "Who says", "Status"]
    assert list(table["Value, as reported"]) == ["$100m", "$100m", "at least $500m"]  # the dated value is not restated
    assert list(table["Price year"]) == ["2021", "none given", "none given"]
    assert not hasattr(E, "deflate"), "nothing restates a value any more; the method says the report does not"


def test_headlines_reconcile_with_their_categories_or_explain_the_remainder(data):
    eq = data["equipment"]
    heads = eq[eq["equipment_id"].isin(eq["part_of"].dropna())]
    assert not heads.empty, "no headline total has categories to reconcile with"
    for _, head in heads.iterrows():
        assert head["is_headline_total"], f"{head['equipment_id']} has parts but is not marked as a headline total"
        parts = eq[eq["part_of"] == head["equipment_id"]]
        assert (parts["price_year"] == head["price_year"]).all(), "parts and headline must be in the same prices"
        remainder = head["value_usd_best"] - parts["value_usd_best"].sum()
        assert remainder >= 0, f"the categories of {head['equipment_id']} add up to more than the headline"
        if remainder > 0:
            assert "remainder" in head["notes"].lower(), (
                f"{head['equipment_id']} leaves {remainder:,.0f} unexplained in its notes"
            )
        chart = E.headline_parts(eq, head["equipment_id"])
        assert chart.loc[chart["kind"] == "remainder", "value"].iloc[0] == pytest.approx(remainder)
        assert chart.loc[chart["kind"] != "total", "value"].sum() == pytest.approx(head["value_usd_best"])


def test_the_syrian_states_equipment_is_never_russias_and_russias_never_the_syrian_states(data):
    syria = data["equipment"][data["equipment"]["conflict"] == "syria_2024"]
    for _, r in syria.iterrows():
        words = f"{r['system']} {r['notes'] if isinstance(r['notes'], str) else ''}".lower()
        says_state = any(
            k in words
            for k in ("syrian navy", "syrian army", "syrian arab", "syrian state", "syrian air force", "assad's", "regime's")
        )
        says_russian = any(k in r["system"].lower() for k in ("russian", "russia's"))
        if says_state and not says_russian:
            assert r["owner_actor_id"] not in RUSSIAN_SIDE, (
                f"{r['equipment_id']} describes the Syrian state's equipment but names Russia as owner"
            )
        if says_russian and not says_state:
            assert r["owner_actor_id"] != "syrian_government", (
                f"{r['equipment_id']} describes Russian equipment but names the Syrian state as owner"
            )
    for key in ("syr_prewar", "syr_before", "syr_lost"):
        assert set(E.series_rows(syria, key)["owner_actor_id"]) == {"syrian_government"}, key


def test_the_fate_matrix_keeps_owners_apart(data):
    cells = E.fate_cells(data["equipment"], offensive_launch(data["events"]))
    eq = data["equipment"].set_index("equipment_id")
    for cell in cells.itertuples():
        # a row that counts the same items as another owner's row stands with the row it names
        owners = {
            eq.loc[r["same_items_as"], "owner_actor_id"]
            if isinstance(r["same_items_as"], str) and r["same_items_as"] in eq.index
            else r["owner_actor_id"]
            for _, r in cell.detail.iterrows()
        }
        assert {E.OWNER_LABELS[o] for o in owners} == {cell.owner}, cell.row


SINCE = pd.Timestamp("2024-11-27")


def _eq(*rows):
    """Made-up equipment rows with every column the fate matrix reads."""
    base = {
        "equipment_id": None,
        "conflict": "syria_2024",
        "owner_actor_id": "syrian_government",
        "outcome": "destroyed",
        "category": "naval",
        "system": "Vessels",
        "estimator": "Someone",
        "evidence_kind": "press_report",
        "status_of_claim": "claimed",
        "as_of": pd.Timestamp("2024-12-10"),
        "as_of_precision": "day",
        "same_items_as": None,
        "is_headline_total": False,
        **{f"{m}_{k}": None for m in ("count", "value_usd") for k in ("low", "best", "high")},
    }
    frame = pd.DataFrame([{**base, **r} for r in rows])
    return frame.astype({f"{m}_{k}": "Float64" for m in ("count", "value_usd") for k in ("low", "best", "high")})


def _cell(cells, column, owner="Syrian state's forces"):
    found = cells[(cells["column"] == column) & (cells["owner"] == owner)]
    assert len(found) == 1, (owner, column, list(zip(cells["owner"], cells["column"])))
    return found.iloc[0]


def test_a_cells_marker_follows_its_strongest_row_and_its_number_the_rows_that_are_not_claims():
    # an audited count, a competing audited count of the same items, and a commander's lower count of them
    cells = E.fate_cells(
        _eq(
            {"equipment_id": "audit", "status_of_claim": "confirmed", "count_best": 78, "category": "aircraft"},
            {"equipment_id": "other_audit", "same_items_as": "audit", "status_of_claim": "confirmed", "count_best": 80},
            {"equipment_id": "commander", "same_items_as": "audit", "status_of_claim": "claimed", "count_best": 73},
            {"equipment_id": "party", "status_of_claim": "claimed", "count_best": 27, "category": "vehicle"},
        ),
        SINCE,
    )
    cell = _cell(cells, "Destroyed")
    assert cell["status"] == "confirmed"
    # the competing counts stand in the category of the row they name (aircraft), whatever their own
    (aircraft, shown), (vehicles, claimed) = cell["item_counts"]
    assert (aircraft, shown.value.low, shown.value.high) == ("aircraft", 78, 80)  # not 73: the claim is not the cell's number
    assert not shown.claims_only and shown.more is None
    assert (vehicles, claimed.value.low, claimed.claims_only) == ("vehicles, mixed or unarmoured", 27, True)
    assert E._cell_text(cell) == "aircraft: 78 to 80<br>vehicles, mixed or unarmoured: 27 (claimed)"


def test_a_count_resting_on_claims_only_says_so_under_a_firmer_marker():
    cells = E.fate_cells(
        _eq(
            {"equipment_id": "seen", "status_of_claim": "confirmed", "outcome": "remained"},
            {"equipment_id": "said", "status_of_claim": "claimed", "outcome": "remained", "count_best": 4},
        ),
        SINCE,
    )
    cell = _cell(cells, "Still held")
    assert cell["status"] == "confirmed" and E._cell_text(cell) == "naval vessels: 4 (claimed)"


def test_every_cell_is_drawn_for_its_strongest_row(data):
    cells = E.fate_cells(data["equipment"], offensive_launch(data["events"]))
    strength = {"confirmed": 0, "reported": 1, "claimed": 2}
    markers = [t for t in E.fate_figure(cells).data if t.mode == "markers+text"]
    assert len(markers) == len(cells)
    for cell, trace in zip(cells.itertuples(), markers):
        best = min(cell.detail["status_of_claim"], key=strength.get)
        assert cell.status == best, cell.row
        symbol, fill = trace.marker.symbol, trace.marker.color
        assert symbol == ("x" if best == "claimed" else "square"), (cell.row, cell.column)
        assert (fill == "white") == (best == "reported"), (cell.row, cell.column)


def test_no_plus_on_a_single_value_or_on_competing_values_of_the_same_items():
    left = {"conflict": "afghanistan_2021", "owner_actor_id": "afghan_government", "outcome": "left_behind"}
    left |= {"status_of_claim": "confirmed", "category": "all"}
    cells = E.fate_cells(
        _eq(
            {**left, "equipment_id": "head", "is_headline_total": True, "value_usd_best": 7.12e9},
            {**left, "equipment_id": "rounded", "is_headline_total": True, "same_items_as": "head", "value_usd_best": 7.2e9},
            {**left, "equipment_id": "part", "category": "vehicle", "count_low": 40000, "value_usd_best": 4.12e9},
            {"equipment_id": "one", "status_of_claim": "confirmed", "count_best": 12},
        ),
        SINCE,
    )
    left = E._cell_text(_cell(cells, "Left behind", "Afghan state's forces (US-funded)"))
    # the floor keeps its +; the headline and its rounding do not
    assert left == "vehicles, mixed or unarmoured: 40,000+<br>$7.12bn to $7.2bn"
    assert E._cell_text(_cell(cells, "Destroyed")) == "naval vessels: 12"


def test_a_plus_marks_only_a_floor_in_the_matrix(data):
    cells = E.fate_cells(data["equipment"], offensive_launch(data["events"]))
    for cell in cells.itertuples():
        shown = [s for _, s in cell.item_counts] + [s for s in (cell.money,) if s is not None] + [g["shown"] for g in cell.mixed]
        floors = any(s.value.open_high or (s.more is not None and s.more.open_high) for s in shown)
        assert ("+" in E._cell_text(cell)) == floors, (cell.row, cell.column, E._cell_text(cell))


def test_competing_counts_with_different_outcomes_stand_once_and_are_never_added():
    cells = E.fate_cells(
        _eq(
            {"equipment_id": "idf", "count_best": 15},
            {"equipment_id": "sohr", "same_items_as": "idf", "outcome": "damaged", "count_best": 10},
            {"equipment_id": "guns", "category": "artillery", "count_best": 5},
            {"equipment_id": "jets", "category": "aircraft", "outcome": "damaged"},
        ),
        SINCE,
    )
    destroyed, damaged = _cell(cells, "Destroyed"), _cell(cells, "Damaged")
    assert set(destroyed["detail"]["equipment_id"]) == {"idf", "sohr", "guns"}
    assert set(damaged["detail"]["equipment_id"]) == {"jets"} and damaged["item_counts"] == ()
    # the vessels are added to no outcome's count
    assert [(label, s.value.high) for label, s in destroyed["item_counts"]] == [("artillery", 5)]
    (group,) = destroyed["mixed"]
    assert (group["shown"].value.low, group["shown"].value.high) == (10, 15) and group["outcomes"] == ["destroyed", "damaged"]
    assert "10 to 15 naval vessels, destroyed or damaged by competing counts" in E._cell_text(destroyed).replace("<br>", " ")


def test_rows_counting_the_same_items_are_never_in_two_cells_of_one_owners_outcomes(data):
    cells = E.fate_cells(data["equipment"], offensive_launch(data["events"]))
    seen = {}
    for cell in cells[~cells["inventory"]].itertuples():
        for group in set(E.competing_group(cell.detail)):
            key = (cell.row, group)
            assert key not in seen, f"{group} is counted under both {seen[key]} and {cell.column}"
            seen[key] = cell.column


def test_inventory_cells_give_the_stocks_range_not_a_count_of_sources(data):
    cells = E.fate_cells(
        _eq(
            {"equipment_id": "a", "outcome": "before_war_inventory", "category": "tank", "estimator": "A", "count_best": 4950},
            {"equipment_id": "b", "outcome": "before_war_inventory", "category": "tank", "estimator": "B", "count_best": 3800},
            {"equipment_id": "c", "outcome": "before_war_inventory", "category": "armoured_vehicle", "count_best": 2200},
        ).assign(status_of_claim="reported"),
        SINCE,
    )
    # the categories and the year the stock was counted in are printed with it
    text = E._cell_text(_cell(cells, "Held before the war"))
    # each category's range of estimates, never added across categories (not "6,000 to 7,150")
    assert text == "tanks: 3,800 to 4,950<br>armoured vehicles: 2,200<br>(as of 2024)"
    real = E.fate_cells(data["equipment"], offensive_launch(data["events"]))
    for cell in real[real["inventory"]].itertuples():
        assert not re.search(r"\d estimates", E._cell_text(cell)), cell.row


def test_the_85bn_claim_is_not_drawn_as_equipment(data):
    cells = E.fate_cells(data["equipment"], offensive_launch(data["events"]))
    assert E.TRUMP_CLAIM in set(data["equipment"]["equipment_id"])
    assert not any(E.TRUMP_CLAIM in set(d["equipment_id"]) for d in cells["detail"])
    us_own = cells[cells["owner"] == E.OWNER_LABELS["united_states"]]
    assert not any(c is not None and c.value.high >= 1e10 for c in us_own["money"])


def test_one_marker_per_cell_and_no_line_drawn_over_a_marker(data):
    cells = E.fate_cells(data["equipment"], offensive_launch(data["events"]))
    fig = E.fate_figure(cells)
    points = [
        (x, y) for t in fig.data if "markers" in (t.mode or "") and t.x is not None for x, y in zip(t.x, t.y) if x is not None
    ]
    assert len(points) == len(set(points)) == len(cells)
    assert fig.layout.shapes and all(s.layer == "below" for s in fig.layout.shapes)


def test_headline_bars_say_which_parts_were_disabled_and_which_are_a_stock_not_what_was_left(data):
    eq = data["equipment"].set_index("equipment_id")
    parts = E.headline_parts(data["equipment"], E.DOD_HEADLINE)
    for r in parts[parts["kind"] == "part"].itertuples():
        row = eq.loc[r.equipment_id]
        if row["outcome"] == "removed_or_disabled":
            assert "disabled by US troops before they left" in r.label
        if row["outcome"] in E.INVENTORY:
            assert "inventory" in r.label and "not a count of what was left" in r.label
            assert f"{row['as_of'].day} {row['as_of']:%B %Y}" in r.label
    assert {eq.loc[i, "outcome"] for i in parts.loc[parts["kind"] == "part", "equipment_id"]} >= {
        "removed_or_disabled",
        "pre_collapse_inventory",
    }, "the headline no longer has a disabled or an inventory part: check the labels still say what each bar is"


def test_civil_war_losses_are_not_counted_as_the_collapses(data):
    since = offensive_launch(data["events"])
    rows = E.by_category(data["equipment"], since)
    lost = pd.concat(list(rows.loc[rows["series"] == "syr_lost", "detail"]))
    assert (lost["as_of"] >= since).all()
    assert E.CIVIL_WAR_ARMOUR not in set(lost["equipment_id"])


def test_the_seeds_numbers_are_claims_sourced_to_a_seed(data):
    est = data["estimates"].set_index("estimate_id")
    for estimate_id in (E.SEED_US_VALUE, E.SEED_RUSSIA_COUNT):
        row = est.loc[estimate_id]
        assert row["status"] == "claimed"
        assert all(s.startswith("seed_") for s in row["source_ids"].split(";"))
        assert isinstance(row["method"], str) and row["method"], "how the seed's words were read as a number must be said"


def test_every_figure_of_the_chapter_has_data(data):
    eq, since = data["equipment"], offensive_launch(data["events"])
    figures = {
        "fates": E.fate_figure(E.fate_cells(eq, since, load("evidence"))),
        "headline": E.headline_figure(E.headline_parts(eq, E.DOD_HEADLINE)),
    }
    for name, fig in figures.items():
        drawn = [t for t in fig.data if t.x is not None and any(x is not None for x in t.x)]
        assert len(drawn) > 3, name


def test_money_words_keep_their_scale():
    assert E.money_words(7.12e9) == "$7.12bn"
    assert E.money_words(923.3e6) == "$923m"
    assert E.money_words(6.54e6) == "$6.54m"
    assert ranges.Range(1, 1, 1).words("items") == "1 item"


def test_each_theatre_table_keeps_its_own_rows_and_never_sums_across_conditions(data):
    since = offensive_launch(data["events"])
    by_cat = E.by_category(data["equipment"], since)
    for conflict in ("afghanistan_2021", "syria_2024"):
        table = E.theatre_table(by_cat, conflict)
        rows = pd.concat(list(by_cat.loc[by_cat["series"].map(lambda k: E.SERIES[k][1]) == conflict, "detail"]))
        assert set(rows["conflict"]) == {conflict}
        # one line per category and condition: a disabled aircraft and a derelict one are never one figure
        assert not table.duplicated(["Category", "Condition"]).any()
        expected = {(E.CATEGORY_LABELS[r["category"]], E.condition(r)) for _, r in rows.iterrows()}
        assert {(c, k[0].lower() + k[1:]) for c, k in zip(table["Category"], table["Condition"])} == expected


def test_the_counted_by_column_names_only_rows_that_give_a_count():
    detail = pd.DataFrame(
        {
            "conflict": ["syria_2024"] * 2,
            "category": ["aircraft"] * 2,
            "outcome": ["captured"] * 2,
            "system": ["Jets at base A", "Trainers at base B"],
            "notes": ["", ""],
            "estimator": ["Imagery analyst", "Video account"],
            "evidence_kind": ["imagery", "analyst_estimate"],
            "count_low": pd.array([4, None], dtype="Float64"),
            "count_best": pd.array([None, None], dtype="Float64"),
            "count_high": pd.array([None, None], dtype="Float64"),
            "same_items_as": [None, None],
            "equipment_id": ["a", "b"],
        }
    )
    rows = pd.DataFrame([{"series": "syr_lost", "category": "aircraft", "detail": detail}])
    table = E.theatre_table(rows, "syria_2024")
    assert table.loc[0, "Counted by"] == "Imagery analyst"
    assert table.loc[0, "Also reported, with no count"] == "Trainers at base B"
    assert table.loc[0, "Items"] == "at least 4"


def test_the_independent_syrian_count_is_what_the_prose_says_it_is(data):
    """The chapter and the landing page describe the Syrian count that sources independent of the parties
    give as airframes one outlet reported from imagery of one base: if the data change, this fails and
    the sentence must be rewritten."""
    since = offensive_launch(data["events"])
    counted = E.series_rows(data["equipment"], "syr_lost", since)
    counted = counted[E.is_counted(counted)]
    evidence = load("evidence")
    count_evidence = evidence[
        evidence["fact_id"].isin(counted["equipment_id"]) & evidence["fields"].str.contains("count_", na=False)
    ]
    assert set(counted["category"]) == {"aircraft"}
    assert count_evidence["source_id"].nunique() == 1 and set(count_evidence["basis"]) == {"imagery"}
    assert all("Nayrab" in s for s in counted["system"])
    assert all("non-operational" in str(n) for n in counted["notes"])


# ------------------------------------------------------------------ the editorial review's rules


def test_a_stock_counted_long_before_the_exit_is_not_held_before_it():
    rows = _eq(
        {"equipment_id": "old", "outcome": "pre_collapse_inventory", "category": "aircraft", "count_best": 365},
        {"equipment_id": "new", "outcome": "pre_collapse_inventory", "category": "tank", "count_best": 40},
        {"equipment_id": "fate", "status_of_claim": "reported", "count_best": 3},
    ).assign(status_of_claim="reported", as_of=pd.to_datetime(["2013-01-01", "2023-01-01", "2024-12-10"]))
    # the exit begins on 27 November 2024: 2024 - 2013 = 11 years, more than two; 2024 - 2023 = 1
    assert list(E.stale_stock(rows, {"syria_2024": SINCE})) == [True, False, False]
    cell = _cell(E.fate_cells(rows, SINCE), "Held before the exit")
    assert set(cell["detail"]["equipment_id"]) == {"new"}
    assert E._cell_text(cell) == "tanks: 40<br>(as of 2023)"
    # with only the old count, there is no cell at all
    only_old = E.fate_cells(rows[rows["equipment_id"] != "new"], SINCE)
    assert "Held before the exit" not in set(only_old["column"])


def test_a_modelled_index_never_enters_a_count():
    rows = _eq(
        {"equipment_id": "index", "outcome": "pre_collapse_inventory", "category": "tank", "count_best": 4135},
        {"equipment_id": "index_afv", "outcome": "pre_collapse_inventory", "category": "armoured_vehicle", "count_best": 5370},
        {"equipment_id": "lost", "status_of_claim": "reported", "count_best": 3},
    ).assign(evidence_kind=["modelled_index", "modelled_index", "press_report"])
    cells = E.fate_cells(rows, SINCE)
    assert list(cells["column"]) == ["Destroyed"]  # no stock cell, and no "claimed: 9,505 more items"
    assert "9,505" not in " ".join(E._cell_text(c) for c in cells.itertuples())


def test_a_restatement_of_a_figure_is_that_figure_not_a_range():
    left = {"conflict": "afghanistan_2021", "owner_actor_id": "afghan_government", "outcome": "left_behind"}
    left |= {"status_of_claim": "confirmed", "category": "all", "is_headline_total": True}
    rows = _eq(
        {**left, "equipment_id": "head", "estimator": "US Department of Defense (March 2022)", "value_usd_best": 7.12e9},
        {**left, "equipment_id": "again", "estimator": "SIGAR, a later report", "same_items_as": "head", "value_usd_best": 7.2e9},
    ).assign(notes=["Headline figure.", "SIGAR's rounded restatement of the headline; not a separate estimate."])
    cell = _cell(E.fate_cells(rows, SINCE), "Left behind", "Afghan state's forces (US-funded)")
    assert (cell["money"].value.low, cell["money"].value.high) == (7.12e9, 7.12e9)
    assert E._cell_text(cell).replace("<br>", " ") == "$7.12bn (SIGAR's ~$7.2bn is the same figure)"
    # the same two values without the note are competing figures, and stay a range
    competing = E.fate_cells(rows.assign(notes=None), SINCE)
    text = E._cell_text(_cell(competing, "Left behind", "Afghan state's forces (US-funded)"))
    assert text == "$7.12bn to $7.2bn"


def _evidence(*rows):
    base = {"fact_table": "equipment", "stance": "states", "evidence_id": None}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_a_bound_only_a_party_states_is_a_claim_and_shown_apart():
    flown = {"conflict": "afghanistan_2021", "owner_actor_id": "afghan_government", "outcome": "evacuated"}
    flown |= {"category": "aircraft"}
    rows = _eq(
        {**flown, "equipment_id": "north", "status_of_claim": "confirmed", "count_low": 46, "count_best": 46, "count_high": 47},
        {**flown, "equipment_id": "east", "status_of_claim": "reported", "count_low": 5, "count_high": 60},
    )
    evidence = _evidence(
        {"evidence_id": "1", "fact_id": "north", "fields": "count_low;count_high", "source_id": "a", "basis": "imagery"},
        {"evidence_id": "2", "fact_id": "east", "fields": "count_low;estimator", "source_id": "b", "basis": "not_stated"},
        {
            "evidence_id": "3",
            "fact_id": "east",
            "fields": "count_high",
            "source_id": "c",
            "basis": "party_statement",
            "as_given": "envoy: about 60",
        },
    )
    split = E.split_party_bounds(rows, evidence).set_index("equipment_id")
    # the reported row keeps the press count, a floor; the envoy's 60 is a claim of the same items
    assert pd.isna(split.loc["east", "count_high"]) and split.loc["east", "count_low"] == 5
    claim = split.loc["east.count_party"]
    assert claim["status_of_claim"] == "claimed" and claim["same_items_as"] == "east" and claim["count_high"] == 60
    cell = _cell(E.fate_cells(rows, SINCE, evidence), "Moved to the coast, offshore or out", "Afghan state's forces (US-funded)")
    assert cell["status"] == "confirmed"
    # 46 to 47 and at least 5: 51 to 52, open above; never 51 to 107 under the firmer marker
    ((label, shown),) = cell["item_counts"]
    assert (label, shown.value.low, shown.value.high, shown.value.open_high) == ("aircraft", 51, 52, True)
    text = " ".join(re.sub(r"<[^>]+>", " ", E._cell_text(cell)).split())
    assert text.startswith("aircraft: 51 to 52+") and "107" not in text
    assert text.endswith("claimed: 60 where the reported count is 5+")


def test_imagery_is_one_class_of_evidence_whoever_read_it():
    rows = pd.DataFrame(
        {
            "evidence_kind": ["analyst_estimate", "press_report", "official_claim", "analyst_estimate", "imagery"],
            "estimator": [
                "Satellite imagery analysis reported by an outlet",
                "Commercial imagery read by a newspaper",
                "A ministry, citing its own imagery",
                "Geolocated videos and photos",
                "An imagery company",
            ],
        }
    )
    assert list(E.evidence_class(rows)) == ["imagery", "imagery", "official_claim", "analyst_estimate", "imagery"]
    assert E.evidence_words(rows) == "imagery, official's claim, analyst's estimate"


def test_derelict_airframes_are_described_as_such_and_never_as_usable_captures():
    rows = _eq(
        {
            "equipment_id": "jets",
            "system": "Fighters at an air base",
            "outcome": "captured",
            "category": "aircraft",
            "status_of_claim": "reported",
            "count_low": 8,
        },
        {
            "equipment_id": "guns",
            "system": "Guns in a depot",
            "outcome": "captured",
            "category": "artillery",
            "status_of_claim": "reported",
            "count_best": 3,
        },
    ).assign(notes=["said to be non-operational; analysts believe they serve mainly as spare-parts sources", ""])
    jets, guns = rows.iloc[0], rows.iloc[1]
    assert E.is_derelict(jets) and not E.is_derelict(guns)
    assert E.condition(jets) == "captured: derelict airframes on an overrun base, said to be non-operational"
    assert E.condition(guns) == "captured; condition not given"
    assert E.derelict_words(rows.iloc[:1]) == "derelict airframes, said to be non-operational"
    assert E.derelict_words(rows) == ""  # one usable-looking row: the cell is not called derelict
    cell = _cell(E.fate_cells(rows.iloc[:1], SINCE), "Captured")
    assert E._cell_text(cell).replace("<br>", " ") == "aircraft: 8+ (derelict airframes, said to be non-operational)"
    usable = E.usable_captured(rows.assign(as_of=SINCE), SINCE)
    assert list(usable["equipment_id"]) == ["guns"]


def test_no_usable_captured_syrian_item_is_counted_by_a_source_independent_of_the_parties(data):
    """The chapter says so in words: if a usable capture is ever counted by a source that is not a party,
    this fails and the sentence must be rewritten."""
    since = offensive_launch(data["events"])
    assert E.usable_captured(data["equipment"], since).empty
    counted = E.series_rows(data["equipment"], "syr_lost", since)
    counted = counted[(counted["outcome"] == "captured") & E.is_counted(counted)]
    assert not counted.empty and all(E.is_derelict(r) for _, r in counted.iterrows())


def test_the_headline_remainder_says_its_parts_are_of_mixed_scope_when_one_is_a_stock():
    head = {"conflict": "afghanistan_2021", "owner_actor_id": "afghan_government", "category": "all"}
    rows = _eq(
        {**head, "equipment_id": "head", "outcome": "left_behind", "value_usd_best": 10e9, "is_headline_total": True},
        {**head, "equipment_id": "cars", "outcome": "left_behind", "category": "vehicle", "value_usd_best": 6e9},
        {**head, "equipment_id": "guns", "outcome": "pre_collapse_inventory", "category": "small_arms", "value_usd_best": 1e9},
    ).assign(part_of=[None, "head", "head"], price_year=None)
    parts = E.headline_parts(rows, "head")
    remainder = parts[parts["kind"] == "remainder"].iloc[0]
    assert remainder["value"] == 3e9  # 10 - 6 - 1
    assert remainder["label"] == "Difference between the headline and categories of mixed scope"
    left_only = E.headline_parts(rows[rows["equipment_id"] != "guns"], "head")
    assert left_only.loc[left_only["kind"] == "remainder", "label"].iloc[0] == "No category in the sources"


def test_the_framing_table_sets_nothing_on_one_scale_and_never_says_seed(data):
    since = offensive_launch(data["events"])
    table = E.framing_table(data["equipment"], data["estimates"], since)
    assert list(table.columns) == ["Measure", "What", "Figure", "Categories", "Standing"]
    words = " ".join(table.astype(str).to_numpy().ravel()).lower()
    assert "seed" not in words and "thousands" in words and "2,000" not in words  # the article gives no count
    captured = table[table["What"].str.contains("captured, counted by sources independent")]
    assert "derelict airframes" in captured["Figure"].iloc[0]
    money = E.money_table(E.money_rows(data["equipment"], data["estimates"]))
    assert not money.apply(lambda c: c.str.contains("seed", case=False)).any().any()


def test_a_cell_never_adds_counts_of_different_categories():
    """Four categories destroyed: 2 and 4 aircraft (different aircraft, added: 6), 5 guns, 3 vessels and
    1 tank. The cell gives each category's count, largest first, names the three largest and counts
    the fourth; no number for all of them (15) is given."""
    rows = _eq(
        {"equipment_id": "jets", "category": "aircraft", "count_best": 2},
        {"equipment_id": "more_jets", "category": "aircraft", "count_best": 4},
        {"equipment_id": "guns", "category": "artillery", "count_best": 5},
        {"equipment_id": "boats", "category": "naval", "count_best": 3},
        {"equipment_id": "tank", "category": "tank", "count_best": 1},
    ).assign(status_of_claim="reported")
    cell = _cell(E.fate_cells(rows, SINCE), "Destroyed")
    assert [(label, s.value.low, s.value.high) for label, s in cell["item_counts"]] == [
        ("aircraft", 6, 6),
        ("artillery", 5, 5),
        ("naval vessels", 3, 3),
        ("tanks", 1, 1),
    ]
    text = E._cell_text(cell)
    assert text == "aircraft: 6<br>artillery: 5<br>naval vessels: 3<br>and 1 more category"
    assert "15" not in text
    # in prose, the same counts are listed, never summed
    assert E.category_words(rows) == "6 aircraft, 5 artillery pieces, 3 naval vessels and 1 tank"


def test_a_stock_s_value_that_is_the_same_figure_as_a_fate_s_is_shown_once_under_the_fate():
    """The stock held before the exit: 300 rifles worth $5m and 10 aircraft, and a headline of $70m for
    the whole stock that names the $70m left in the country. The $70m is shown once, under left
    behind; the stock's cell gives no value (one category's $5m would read as the value of both), and
    its counts stand apart, by category: rifles 300, aircraft 10, never 310."""
    afg = {"conflict": "afghanistan_2021", "owner_actor_id": "afghan_government", "status_of_claim": "confirmed"}
    held = {**afg, "outcome": "pre_collapse_inventory", "as_of": pd.Timestamp("2021-08-15")}
    left = {**afg, "outcome": "left_behind", "as_of": pd.Timestamp("2021-08-30")}
    rows = _eq(
        {**left, "equipment_id": "left", "category": "all", "is_headline_total": True, "value_usd_best": 7e7},
        {**left, "equipment_id": "left_trucks", "category": "vehicle", "count_low": 40},
        {
            **held,
            "equipment_id": "stock",
            "category": "all",
            "is_headline_total": True,
            "same_items_as": "left",
            "value_usd_best": 7e7,
        },
        {**held, "equipment_id": "rifles", "category": "small_arms", "count_best": 300, "value_usd_best": 5e6},
        {**held, "equipment_id": "planes", "category": "aircraft", "count_best": 10},
    )
    cells = E.fate_cells(rows, SINCE)
    owner = "Afghan state's forces (US-funded)"
    stock, gone = _cell(cells, "Held before the exit", owner), _cell(cells, "Left behind", owner)
    assert stock["money"] is None
    assert E._cell_text(stock) == "small arms: 300<br>aircraft: 10<br>(as of 2021)"
    assert E._cell_text(gone) == "vehicles, mixed or unarmoured: 40+<br>$70m"


def test_counts_in_prose_are_given_by_category_and_competing_counts_stay_one_range():
    """Claims of 15 vessels and of 12 of the same vessels (one range, 12 to 15), 5 guns and 1 air-defence
    system: three counts, largest first, the one in the singular."""
    rows = _eq(
        {"equipment_id": "idf", "count_best": 15},
        {"equipment_id": "osa", "same_items_as": "idf", "count_best": 12},
        {"equipment_id": "guns", "category": "artillery", "count_best": 5},
        {"equipment_id": "pantsir", "category": "air_defence", "count_best": 1},
        {"equipment_id": "bombs", "category": "air_defence"},
    )
    assert E.category_words(rows) == "12 to 15 naval vessels, 5 artillery pieces and 1 air-defence system"
    assert E.category_words(rows.iloc[4:]) == ""


def test_every_row_of_the_fate_matrix_holds_its_longest_cell(data):
    cells = E.fate_cells(data["equipment"], offensive_launch(data["events"]), load("evidence"))
    fig = E.fate_figure(cells)
    titles = next(t for t in fig.data if t.mode == "text")
    tops = [y + 12 for y in titles.y]  # each row's top: its name is written 12 px below it
    bottom = fig.layout.yaxis.range[0]
    for trace in (t for t in fig.data if t.mode == "markers+text"):
        row = max(i for i, top in enumerate(tops) if top >= trace.y[0])
        end = tops[row + 1] if row + 1 < len(tops) else bottom
        lines = trace.text[0].count("<br>") + 1
        # the text starts under the marker (about 8 px below its centre) and takes LINE_PX a line
        assert trace.y[0] - 8 - lines * E.LINE_PX >= end, trace.text[0]
