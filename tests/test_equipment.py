"""The equipment chapter: its arithmetic on made-up rows with hand-computed answers, and its data
against the rules the chapter promises: headlines reconcile with their categories, money carries
its price year, and the Syrian state's equipment is never Russia's, nor Russia's the Syrian state's."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from afterassad import load
from afterassad.chapters import equipment as E
from afterassad.chapters.milestones import offensive_launch
from afterassad.core import ranges
from afterassad.core.paths import data_dir

RUSSIAN_SIDE = E.PATRON_OWNERS["syria_2024"]


@pytest.fixture(scope="module")
def data():
    return {name: load(name) for name in ("equipment", "estimates", "events", "deflators")}


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


def test_nominal_money_is_shown_but_not_restated_and_dated_money_is():
    deflators = pd.DataFrame({"index_id": ["cpi_u"] * 2, "year": [2021, 2024], "index_value": [100.0, 110.0]})
    rows = pd.DataFrame(
        {
            "what": ["dated", "nominal total"],
            "range": [ranges.Range(100e6, 100e6, 100e6)] * 2,
            "price_year": [2021, None],
            "who": ["x", "y"],
            "status": ["confirmed"] * 2,
        }
    )
    table = E.money_table(rows, deflators, 2024)
    assert list(table["Price year"]) == ["2021", "nominal"]
    assert table["In 2024 prices"].iloc[1] == "not restated (no single price year)"
    assert table["In 2024 prices"].iloc[0] != table["Nominal"].iloc[0]  # restated: 110 against 100


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
    for cell in cells.itertuples():
        owners = set(cell.detail["owner_actor_id"])
        assert {E.OWNER_LABELS[o] for o in owners} == {cell.owner}, cell.row


def test_civil_war_losses_are_not_counted_as_the_collapses(data):
    since = offensive_launch(data["events"])
    rows = E.by_category(data["equipment"], since)
    lost = pd.concat(list(rows.loc[rows["series"] == "syr_lost", "detail"]))
    assert (lost["as_of"] >= since).all()
    assert E.CIVIL_WAR_ARMOUR not in set(lost["equipment_id"])


def test_deflating_uses_the_ratio_of_the_indexes_in_the_table(data):
    with open(data_dir() / "deflators.csv", newline="", encoding="utf-8") as f:
        index = {int(r["year"]): float(r["index_value"]) for r in csv.DictReader(f) if r["index_id"] == "cpi_u"}
    assert E.deflate(100.0, 2021, 2024, data["deflators"]) == pytest.approx(100.0 * index[2024] / index[2021])
    assert E.deflate(5.0, 2019, 2019, data["deflators"]) == 5.0
    with pytest.raises(KeyError, match="deflators.csv"):
        E.deflate(1.0, 1995, 2024, data["deflators"])


def test_the_seeds_numbers_are_claims_sourced_to_a_seed(data):
    est = data["estimates"].set_index("estimate_id")
    for estimate_id in (E.SEED_US_VALUE, E.SEED_RUSSIA_COUNT):
        row = est.loc[estimate_id]
        assert row["status"] == "claimed"
        assert all(s.startswith("seed_") for s in row["source_ids"].split(";"))
        assert isinstance(row["method"], str) and row["method"], "how the seed's words were read as a number must be said"


def test_every_figure_of_the_chapter_has_data(data):
    eq, since = data["equipment"], offensive_launch(data["events"])
    money, counts = E.gap_rows(eq, data["estimates"], since)
    figures = {
        "fates": E.fate_figure(E.fate_cells(eq, since)),
        "headline": E.headline_figure(E.headline_parts(eq, E.DOD_HEADLINE)),
        "gap": E.gap_figure(money, counts),
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
