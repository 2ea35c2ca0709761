"""Field-level evidence: every key field of every fact is backed, and status follows the evidence.

Each rule gets a fixture that breaks it (in a temporary copy of data/) and must be reported
with the file, the row, the column and the rule's name.
"""

from __future__ import annotations

import json

from conftest import DATA

from afterassad.data.contract import check_package

PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
FACTS = {r["name"]: r["schema"] for r in PACKAGE["resources"] if "x-keyFields" in r["schema"]}


def faults_of(copy) -> list[tuple]:
    return [(f.file, f.row, f.column, f.rule) for f in check_package(copy.data)[1]]


def fact_row(copy, table: str, fact_id: str) -> int:
    _, rows = copy.rows(table)
    key = FACTS[table]["primaryKey"]
    return next(i for i, r in enumerate(rows, start=1) if r[key] == fact_id)


def test_every_fact_table_declares_its_key_fields_and_they_exist():
    for name, schema in FACTS.items():
        columns = {f["name"] for f in schema["fields"]}
        assert set(schema["x-keyFields"]) <= columns, name
        assert set(schema["x-coreFields"]) <= set(schema["x-keyFields"]), name
        # dates, places, counts or values, outcome, status and claimant are key wherever a table has them
        for must in (
            "date",
            "date_reported",
            "place_id",
            "count_best",
            "value_best",
            "outcome",
            "status",
            "status_of_claim",
            "claimed_by",
            "lat",
            "lon",
        ):
            if must in columns and must != schema["primaryKey"]:
                assert must in schema["x-keyFields"], f"{name}.{must} must be a key field"


def test_the_committed_evidence_covers_every_key_field():
    faults = [f for f in check_package()[1] if f.rule in ("unbacked-field", "source-not-cited", "unknown-fact")]
    assert faults == [], [str(f) for f in faults[:10]]


def test_a_key_field_with_no_evidence_is_named(broken):
    header, rows = broken.rows("evidence")
    victim = next(r for r in rows if r["fact_table"] == "events" and "date" in r["fields"].split(";"))
    fact_id = victim["fact_id"]
    kept = []
    for r in rows:
        if r["fact_table"] == "events" and r["fact_id"] == fact_id:
            fields = [f for f in r["fields"].split(";") if f != "date"]
            if not fields:
                continue
            r = dict(r, fields=";".join(fields))
        kept.append(r)
    broken.write("evidence", header, kept)
    assert ("data/events.csv", fact_row(broken, "events", fact_id), "date", "unbacked-field") in faults_of(broken)


def test_evidence_from_a_source_the_fact_does_not_cite(broken):
    header, rows = broken.rows("evidence")
    _, facts = broken.rows("movements")
    i, victim = next((i, r) for i, r in enumerate(rows, start=1) if r["fact_table"] == "movements" and r["source_id"])
    cited = next(f["source_ids"] for f in facts if f["movement_id"] == victim["fact_id"]).split(";")
    _, sources = broken.rows("sources")
    stranger = next(s["source_id"] for s in sources if s["source_id"] not in cited)
    broken.set_cell("evidence", i, "source_id", stranger)
    assert ("data/evidence.csv", i, "source_id", "source-not-cited") in faults_of(broken)


def test_evidence_for_a_fact_that_does_not_exist(broken):
    broken.set_cell("evidence", 1, "fact_id", "ev_19000101_nothing")
    assert ("data/evidence.csv", 1, "fact_id", "unknown-fact") in faults_of(broken)


def test_a_derived_value_needs_its_rule(broken):
    _, rows = broken.rows("evidence")
    i = next(i for i, r in enumerate(rows, start=1) if r["stance"] == "derived")
    broken.set_cell("evidence", i, "rule", "")
    assert ("data/evidence.csv", i, "rule", "required") in faults_of(broken)


def test_confirmed_on_anonymous_officials_from_one_outlet_is_refused(broken):
    """Keep only one source's evidence for a confirmed event and make it anonymous officials."""
    fact_id = _one_source_as(broken, None, "anonymous_officials")
    assert ("data/events.csv", fact_row(broken, "events", fact_id), "status", "confirmed-needs-evidence") in faults_of(broken)


def test_a_fact_resting_only_on_low_graded_sources_is_a_claim(broken):
    _, events = broken.rows("events")
    victim = next(e for e in events if e["status"] in ("confirmed", "reported"))
    header, sources = broken.rows("sources")
    cited = set(victim["source_ids"].split(";"))
    broken.write("sources", header, [dict(s, reliability="low") if s["source_id"] in cited else s for s in sources])
    assert ("data/events.csv", fact_row(broken, "events", victim["event_id"]), "status", "low-sources-only") in faults_of(broken)


def test_date_reported_later_than_the_first_report_is_refused(broken):
    _, events = broken.rows("events")
    header, sources = broken.rows("sources")
    _, evidence = broken.rows("evidence")
    stating = {
        (r["fact_id"], r["source_id"])
        for r in evidence
        if r["fact_table"] == "events" and r["stance"] == "states" and "summary" in r["fields"].split(";")
    }
    explained = {r["fact_id"] for r in evidence if r["stance"] == "derived" and "date_reported" in r["fields"].split(";")}
    by_id = {s["source_id"]: s for s in sources}
    i, victim, first = next(
        (i, e, s)
        for i, e in enumerate(events, start=1)
        if e["date_reported"] and e["date"] < e["date_reported"] and e["event_id"] not in explained
        for s in e["source_ids"].split(";")
        if (e["event_id"], s) in stating and by_id[s]["date_published_precision"] == "day"
    )
    # the source that states the event now carries a publication date on the day of the event,
    # before the date_reported the row gives
    broken.write("sources", header, [dict(s, date_published=victim["date"]) if s["source_id"] == first else s for s in sources])
    assert ("data/events.csv", i, "date_reported", "not-first-report") in faults_of(broken)


def test_a_disagreeing_count_outside_the_range_needs_a_reason(broken):
    header, rows = broken.rows("evidence")
    _, moves = broken.rows("movements")
    i, victim = next(
        (i, r)
        for i, r in enumerate(rows, start=1)
        if r["fact_table"] == "movements"
        and r["source_id"]
        and next(m for m in moves if m["movement_id"] == r["fact_id"])["count_high"]
    )
    high = float(next(m for m in moves if m["movement_id"] == victim["fact_id"])["count_high"])
    rows[i - 1] = dict(victim, stance="disagrees", fields="count_best", as_given=f"about {int(high) * 10 + 10}", rule="")
    broken.write("evidence", header, rows)
    assert ("data/evidence.csv", i, "as_given", "disagreement-outside-range") in faults_of(broken)
    # the same disagreement with a reason passes that rule
    rows[i - 1]["rule"] = "left out: the source counts every flight of the year, not this movement"
    broken.write("evidence", header, rows)
    assert ("data/evidence.csv", i, "as_given", "disagreement-outside-range") not in faults_of(broken)


def _one_source_as(broken, event_type: str | None, basis: str):
    """Reduce a confirmed event's evidence to one source with the given basis, and set its type (None: keep it)."""
    header_e, events = broken.rows("events")
    header, rows = broken.rows("evidence")
    confirmed = {e["event_id"] for e in events if e["status"] == "confirmed"}
    fact_id = next(
        r["fact_id"]
        for r in rows
        if r["fact_table"] == "events" and r["fact_id"] in confirmed and r["source_id"] and "summary" in r["fields"].split(";")
    )
    keep = next(
        r["source_id"] for r in rows if r["fact_id"] == fact_id and r["source_id"] and "summary" in r["fields"].split(";")
    )
    out = []
    for r in rows:
        if r["fact_table"] == "events" and r["fact_id"] == fact_id and r["stance"] != "derived":
            r = dict(r, basis=basis) if r["source_id"] == keep else dict(r, stance="disagrees", rule="test: no longer stating")
        out.append(r)
    broken.write("evidence", header, out)
    if event_type is not None:
        broken.write("events", header_e, [dict(e, event_type=event_type) if e["event_id"] == fact_id else e for e in events])
    return fact_id


def test_a_speakers_own_words_confirm_a_statement_but_not_an_act(broken):
    """'X said Y' is established by X's own published words; 'X did Y' is not."""
    fact_id = _one_source_as(broken, "statement", "party_statement")
    where = ("data/events.csv", fact_row(broken, "events", fact_id), "status", "confirmed-needs-evidence")
    assert where not in faults_of(broken)
    assert _one_source_as(broken, "military_movement", "party_statement") == fact_id
    assert where in faults_of(broken)


def test_an_encyclopaedia_page_is_never_one_of_two_outlets_that_confirm(broken):
    """A confirmed event held up by two outlets' reports (no imagery, tracking or on-record official)
    loses its footing when one of the two is an encyclopaedia page, which only relays others' reports."""
    header_e, events = broken.rows("events")
    header, rows = broken.rows("evidence")
    header_s, sources = broken.rows("sources")
    confirmed = {e["event_id"]: e for e in events if e["status"] == "confirmed" and e["event_type"] != "statement"}
    stating = {}
    for r in rows:
        if r["fact_table"] == "events" and r["fact_id"] in confirmed and r["source_id"] and r["stance"] in ("states", "implies"):
            stating.setdefault(r["fact_id"], []).append(r)
    fact_id, evs = next((f, e) for f, e in stating.items() if len({r["source_id"] for r in e}) == 2)
    two = sorted({r["source_id"] for r in evs})
    # no evidence of its own kind: both rows become plain reports, so only the two outlets confirm it
    broken.write(
        "evidence",
        header,
        [dict(r, basis="not_stated") if r["fact_id"] == fact_id and r["source_id"] in two else r for r in rows],
    )
    where = ("data/events.csv", fact_row(broken, "events", fact_id), "status", "confirmed-needs-evidence")
    before = faults_of(broken)
    broken.write("sources", header_s, [dict(s, source_type="reference") if s["source_id"] == two[0] else s for s in sources])
    after = faults_of(broken)
    assert where not in before and where in after
