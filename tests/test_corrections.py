"""The corrections log and the ledger of what was published.

tests/published_claims.csv records each claim as first published: its id, its verdict and the
version it appeared in. Add rows for new claims when a release publishes them; never delete or
edit a row. A published claim may change its verdict, or leave the audit, only through a row of
data/corrections.csv that says so.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from afterassad import load
from afterassad.chapters.corrections import page_markdown, reconcile
from afterassad.data.contract import check_package
from afterassad.figures import style

LEDGER = Path(__file__).resolve().parent / "published_claims.csv"
FIELDS = ["correction_id", "date", "kind", "target_table", "target_id", "field", "old_value", "new_value", "reason", "source_ids"]


def ledger() -> pd.DataFrame:
    return pd.read_csv(LEDGER, dtype=str, keep_default_na=False)


def problems() -> list[str]:
    return reconcile(ledger(), load("claims"), load("corrections"))


def correction(**cells) -> dict[str, str]:
    row = dict.fromkeys(FIELDS, "")
    row.update(correction_id="corr_99001", date="2027-01-05", reason="A later source dates the event.")
    row.update(cells)
    return row


def test_the_ledger_is_well_formed():
    published = ledger()
    assert list(published.columns) == ["claim_id", "verdict", "published_in"]
    assert len(published) > 0 and published["claim_id"].is_unique
    assert set(published["verdict"]) <= set(style.VERDICT_ORDER)
    assert published["published_in"].str.fullmatch(r"\d+\.\d+\.\d+").all()


def test_published_claims_agree_with_the_data_and_the_corrections():
    assert problems() == []


# ------------------------------------------------------------- the ledger test can fail, and how
def _first_published(broken) -> tuple[int, dict[str, str]]:
    """The first published claim that no correction has touched, so a test's own change is the only one."""
    header, rows = broken.rows("claims")
    _, corrections = broken.rows("corrections")
    corrected = {r["target_id"] for r in corrections if r["target_table"] == "claims"}
    first = next(c for c in ledger()["claim_id"] if c not in corrected)
    index = next(i for i, r in enumerate(rows, start=1) if r["claim_id"] == first)
    return index, rows[index - 1]


def _other_verdict(verdict: str) -> str:
    return next(v for v in ("misleading", "correct") if v != verdict)


def test_a_changed_verdict_without_a_correction_fails(broken):
    index, row = _first_published(broken)
    broken.set_cell("claims", index, "verdict", _other_verdict(row["verdict"]))
    broken.set_cell("claims", index, "corrected_value", "a corrected value")  # wrong/misleading need one
    assert check_package(broken.data)[1] == []  # the data are valid; only the ledger notices
    found = problems()
    assert len(found) == 1 and found[0].startswith(row["claim_id"]) and "verdict_changed" in found[0]


def test_a_changed_verdict_with_its_correction_passes_and_a_mismatched_one_fails(broken):
    logged = broken.rows("corrections")[1]  # the real log: other claims' verdicts have changed too
    index, row = _first_published(broken)
    new = _other_verdict(row["verdict"])
    broken.set_cell("claims", index, "verdict", new)
    broken.set_cell("claims", index, "corrected_value", "a corrected value")
    fix = correction(
        kind="verdict_changed",
        target_table="claims",
        target_id=row["claim_id"],
        field="verdict",
        old_value=row["verdict"],
        new_value=new,
    )
    broken.write("corrections", FIELDS, logged + [fix])
    assert check_package(broken.data)[1] == [] and problems() == []
    wrong_start = next(v for v in style.VERDICT_ORDER if v not in (row["verdict"], new))
    broken.write("corrections", FIELDS, logged + [dict(fix, old_value=wrong_start)])
    assert any(f"starts from verdict '{wrong_start}'" in p for p in problems())


def test_a_removed_claim_fails_unless_a_correction_withdraws_it(broken):
    logged = broken.rows("corrections")[1]
    index, row = _first_published(broken)
    header, rows = broken.rows("claims")
    broken.write("claims", header, [r for r in rows if r["claim_id"] != row["claim_id"]])
    assert any(p.startswith(row["claim_id"]) and "no claim_withdrawn" in p for p in problems())
    broken.write(
        "corrections",
        FIELDS,
        logged + [correction(kind="claim_withdrawn", target_table="claims", target_id=row["claim_id"], old_value=row["verdict"])],
    )
    assert check_package(broken.data)[1] == [] and problems() == []


# ------------------------------------------------------------- the contract's rules for the log
def only_fault(broken, row: dict[str, str]):
    broken.write("corrections", FIELDS, [row])
    faults = check_package(broken.data)[1]
    assert len(faults) == 1, [str(f) for f in faults]
    assert faults[0].file == "data/corrections.csv" and faults[0].row == 1
    return faults[0]


def _claim(broken) -> dict[str, str]:
    return broken.rows("claims")[1][0]


@pytest.mark.parametrize(
    "change, column, rule",
    [
        ({"field": "claim"}, "field", "fixed-value"),  # a verdict change must name verdict
        ({"target_table": "events"}, "target_table", "fixed-value"),  # ... and the claims table
        ({"new_value": ""}, "new_value", "required"),
        ({"kind": "retracted"}, "kind", "enum"),
        ({"date": "5 January 2027"}, "date", "bad-date"),
        ({"source_ids": "no_such_source"}, "source_ids", "unknown-reference"),
    ],
)
def test_row_rules(broken, change, column, rule):
    claim = _claim(broken)
    row = correction(
        kind="verdict_changed",
        target_table="claims",
        target_id=claim["claim_id"],
        field="verdict",
        old_value=_other_verdict(claim["verdict"]),
        new_value=claim["verdict"],
    )
    fault = only_fault(broken, {**row, **change})
    assert (fault.column, fault.rule) == (column, rule), str(fault)


def test_old_and_new_values_must_differ(broken):
    claim = _claim(broken)
    fault = only_fault(
        broken,
        correction(
            kind="fact_changed",
            target_table="claims",
            target_id=claim["claim_id"],
            field="claim_type",
            old_value=claim["claim_type"],
            new_value=claim["claim_type"],
        ),
    )
    assert (fault.column, fault.rule) == ("new_value", "no-change")


@pytest.mark.parametrize(
    "change, column, rule",
    [
        ({"target_table": "nonexistent"}, "target_table", "unknown-table"),
        ({"field": "colour"}, "field", "unknown-column"),
        ({"new_value": "bogus"}, "new_value", "enum"),
        ({"target_id": "no_such_row"}, "target_id", "unknown-reference"),
        ({"new_value": "event", "old_value": "date"}, "new_value", "stale-correction"),
    ],
)
def test_targets_must_exist_and_agree_with_the_data(broken, change, column, rule):
    claim = _claim(broken)
    other = next(t for t in ("date", "event") if t != claim["claim_type"])
    row = correction(
        kind="fact_changed",
        target_table="claims",
        target_id=claim["claim_id"],
        field="claim_type",
        old_value=other,
        new_value=claim["claim_type"],
    )
    if rule == "stale-correction" and claim["claim_type"] in ("date", "event"):
        change = {"new_value": "number", "old_value": "date"}
    fault = only_fault(broken, {**row, **change})
    assert (fault.column, fault.rule) == (column, rule), str(fault)
    assert "data/corrections.csv, row 1" in str(fault)


def test_a_withdrawn_claim_must_be_gone(broken):
    claim = _claim(broken)
    fault = only_fault(
        broken, correction(kind="claim_withdrawn", target_table="claims", target_id=claim["claim_id"], old_value=claim["verdict"])
    )
    assert (fault.column, fault.rule) == ("target_id", "still-present")


def test_the_latest_correction_of_a_cell_is_the_one_checked(broken):
    claim = _claim(broken)
    other = next(t for t in ("date", "event") if t != claim["claim_type"])
    first = correction(
        kind="fact_changed",
        target_table="claims",
        target_id=claim["claim_id"],
        field="claim_type",
        old_value=other,
        new_value=claim["claim_type"],
        date="2027-01-05",
    )
    earlier = dict(first, correction_id="corr_002", date="2026-12-30", old_value="number", new_value=other)
    broken.write("corrections", FIELDS, [first, earlier])
    assert check_package(broken.data)[1] == []


# ------------------------------------------------------------- the page
def test_page_says_plainly_when_there_are_no_corrections():
    text = page_markdown(load("corrections").head(0), "9.8.7")
    assert "No correction" in text and "9\\.8\\.7" in text


def test_page_lists_corrections_newest_first_and_keeps_withdrawn_claims_linkable():
    fixes = pd.DataFrame(
        [
            correction(
                correction_id="corr_001",
                date="2027-01-05",
                kind="verdict_changed",
                target_table="claims",
                target_id="c000_p01_s01_a",
                field="verdict",
                old_value="wrong",
                new_value="misleading",
                reason="A *new* source <b>says</b> so.",
            ),
            correction(
                correction_id="corr_002",
                date="2027-02-01",
                kind="claim_withdrawn",
                target_table="claims",
                target_id="c001_p02_s01_b",
                old_value="correct",
            ),
        ]
    ).assign(date=lambda f: pd.to_datetime(f["date"]))
    text = page_markdown(fixes, "0.2.0")
    assert text.index("corr\\_002") < text.index("corr\\_001")
    assert "(claim-c001_p02_s01_b)=" in text and "<claim-c000_p01_s01_a>" in text
    assert "(claim-c000_p01_s01_a)=" not in text  # that claim's card still exists; one label per target
    assert "<b>" not in text and "\\*new\\*" in text


# ------------------------------------------------------------- published facts, cell by cell
FACT_LEDGER = Path(__file__).resolve().parent / "published_facts.csv"
FACT_IDS = {
    "events": "event_id",
    "movements": "movement_id",
    "estimates": "estimate_id",
    "equipment": "equipment_id",
    "site_status": "status_id",
    "sites": "place_id",
    "places": "place_id",
    "platforms": "platform_id",
    "deliveries": "delivery_id",
}


def _digest(value: str) -> str:
    import hashlib

    return hashlib.sha256(value.encode()).hexdigest()[:8]


def unlogged_fact_changes(data_folder=None) -> list[str]:
    """Every published fact cell (tests/published_facts.csv holds a digest of each, as published)
    that now differs, without a correction whose old value is the published one."""
    tables, faults = check_package(data_folder)
    assert not [f for f in faults if f.rule in ("csv-syntax", "missing-column")]
    old_values = {}
    for r in tables["corrections"].rows:
        old_values.setdefault((r["target_table"], r["target_id"], r["field"]), set()).add(_digest(r["old_value"]))
    found = []
    for entry in pd.read_csv(FACT_LEDGER, dtype=str, keep_default_na=False).itertuples():
        rows = {r[FACT_IDS[entry.table]]: r for r in tables[entry.table].rows}
        row = rows.get(entry.fact_id)
        if row is None:
            found.append(f"{entry.table} row '{entry.fact_id}' was published and is gone")
            continue
        for cell in entry.cells.split(";"):
            column, published = cell.split("=")
            if _digest(row[column]) != published and published not in old_values.get((entry.table, entry.fact_id, column), set()):
                found.append(
                    f"{entry.table} row '{entry.fact_id}', column '{column}' changed since it was published, "
                    "with no correction in data/corrections.csv"
                )
    return found


def test_every_changed_published_fact_is_in_the_corrections_log():
    assert unlogged_fact_changes() == []


def test_an_unlogged_change_to_a_published_fact_is_caught(broken):
    header, rows = broken.rows("movements")
    rows[0]["count_best"] = str(int(float(rows[0]["count_best"] or 0)) + 1)
    broken.write("movements", header, rows)
    assert [p for p in unlogged_fact_changes(broken.data) if f"'{rows[0]['movement_id']}', column 'count_best'" in p] != []


def test_a_logged_change_to_a_published_fact_passes(broken):
    header, rows = broken.rows("movements")
    old = rows[0]["description"]
    rows[0]["description"] = old + " (corrected)"
    broken.write("movements", header, rows)
    ch, corrections = broken.rows("corrections")
    corrections.append(
        correction(
            correction_id=f"corr_{len(corrections) + 1:03d}",
            kind="fact_changed",
            target_table="movements",
            target_id=rows[0]["movement_id"],
            field="description",
            old_value=old,
            new_value=old + " (corrected)",
        )
    )
    broken.write("corrections", ch, corrections)
    assert [p for p in unlogged_fact_changes(broken.data) if rows[0]["movement_id"] in p] == []


def test_the_pdf_summarises_the_log_with_its_counts():
    from afterassad.chapters.corrections import pdf_summary

    rows = [
        correction(correction_id=f"corr_00{i}", kind=k, target_table=t, target_id="x", field="f", old_value="a", new_value="b")
        for i, (k, t) in enumerate(
            [("fact_changed", "events"), ("fact_changed", "places"), ("sources_changed", "events")], start=1
        )
    ]
    text = pdf_summary(pd.DataFrame(rows).assign(date=pd.Timestamp("2027-01-05")), "9.9.9")
    assert text.startswith("The log holds 3 corrections, made 5 January 2027: 2 changes to a fact, 1 changes to the sources")
    assert "events 2, places 1" in text and "version 9.9.9" in text
