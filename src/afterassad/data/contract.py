"""The data contract: read every table in data/ and check it against datapackage.json.

One message per fault, each naming the file, the row, the column and the rule broken.
Nothing here ever writes to data/.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from afterassad.core.paths import data_dir
from afterassad.data.sources import outlet


@dataclass(frozen=True)
class Fault:
    file: str
    row: int | None  # 1-based data row (the header is row 0); None for whole-file faults
    column: str | None
    rule: str
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row} (line {self.row + 1})")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: [{self.rule}] {self.message}"


class DataContractError(Exception):
    """Raised when the data break the contract; carries every fault found."""

    def __init__(self, faults: list[Fault]):
        self.faults = faults
        lines = "\n".join(f"  - {f}" for f in faults)
        super().__init__(f"the data break the contract in {len(faults)} place(s):\n{lines}")


@dataclass
class RawTable:
    """A table as read from disk: header and rows of strings ('' for empty)."""

    name: str
    path: Path
    header: list[str]
    rows: list[dict[str, str]]


def read_package(root_data: Path | None = None) -> dict:
    folder = root_data or data_dir()
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def _label(path: Path) -> str:
    return f"data/{path.name}"


def read_raw(resource: dict, folder: Path) -> tuple[RawTable | None, list[Fault]]:
    """Read one CSV strictly: UTF-8, comma-delimited, header exactly as the schema says."""
    path = folder / resource["path"]
    label = _label(path)
    expected = [f["name"] for f in resource["schema"]["fields"]]
    if not path.is_file():
        return None, [Fault(label, None, None, "file-missing", "the file does not exist")]
    blob = path.read_bytes()
    if not blob.strip():
        return None, [Fault(label, None, None, "empty-file", "the file is empty; a table needs at least its header row")]
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as err:
        line = blob[: err.start].count(b"\n") + 1
        return None, [
            Fault(
                label,
                max(line - 1, 0) or None,
                None,
                "encoding",
                f"byte {err.start} (line {line}) is not valid UTF-8; save the file as UTF-8",
            )
        ]
    if text.startswith("\ufeff"):
        return None, [
            Fault(label, None, None, "encoding", "the file starts with a byte-order mark; save it as UTF-8 without BOM")
        ]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=",", quotechar='"', strict=True)
    try:
        records = list(reader)
    except csv.Error as err:
        return None, [Fault(label, None, None, "csv-syntax", f"not valid CSV: {err} (line {reader.line_num})")]
    header = records[0]
    faults = []
    if len(header) == 1 and len(expected) > 1:
        guess = next((d for d in (";", "\t", "|") if d in header[0]), None)
        hint = f" it looks {'tab' if guess == chr(9) else repr(guess)}-delimited;" if guess else ""
        return None, [
            Fault(
                label,
                None,
                None,
                "delimiter",
                f"the header has one column where {len(expected)} are expected;{hint} the contract asks for commas",
            )
        ]
    for name in expected:
        if name not in header:
            faults.append(Fault(label, None, name, "missing-column", "the schema requires this column and the header lacks it"))
    for name in header:
        if name not in expected:
            faults.append(
                Fault(label, None, name or "(blank)", "extra-column", "the header has a column the schema does not define")
            )
    if not faults and header != expected:
        faults.append(Fault(label, None, None, "column-order", f"columns must be in schema order: {', '.join(expected)}"))
    if faults:
        return None, faults
    rows = []
    for i, record in enumerate(records[1:], start=1):
        if len(record) != len(header):
            faults.append(
                Fault(label, i, None, "row-length", f"the row has {len(record)} cells where the header has {len(header)}")
            )
            continue
        rows.append(dict(zip(header, record)))
    return RawTable(resource["name"], path, header, rows), faults


def _check_value(value: str, field: dict) -> tuple[str, str] | None:
    """Return (rule, why) when a non-empty cell breaks its field's type or constraints."""
    kind = field["type"]
    cons = field.get("constraints", {})
    if value != value.strip():
        return "whitespace", "has leading or trailing spaces"
    number = None
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            return f"type:{kind}", f"'{value}' is not an integer"
        number = int(value)
    elif kind == "number":
        try:
            number = float(value)
        except ValueError:
            return f"type:{kind}", f"'{value}' is not a number"
        if not math.isfinite(number):
            return f"type:{kind}", f"'{value}' is not a finite number"
    elif kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return "bad-date", f"'{value}' is not an ISO 8601 date (YYYY-MM-DD)"
        try:
            date.fromisoformat(value)
        except ValueError:
            return "bad-date", f"'{value}' is not a real calendar date"
    elif kind == "boolean" and value not in ("true", "false"):
        return f"type:{kind}", f"'{value}' is not true or false"
    if "enum" in cons and value not in cons["enum"]:
        return "enum", f"'{value}' is not one of: {', '.join(cons['enum'])}"
    if "pattern" in cons and not re.fullmatch(cons["pattern"], value):
        return "pattern", f"'{value}' does not match the pattern {cons['pattern']}"
    if number is not None and "minimum" in cons and number < cons["minimum"]:
        return "out-of-range", f"{value} is below the minimum {cons['minimum']}"
    if number is not None and "maximum" in cons and number > cons["maximum"]:
        return "out-of-range", f"{value} is above the maximum {cons['maximum']}"
    return None


def _rule_faults(label: str, i: int, row: dict[str, str], rule: dict) -> list[Fault]:
    """Row rules declared in the schema under x-rowRules."""
    kind = rule["rule"]
    if kind == "ordered":
        present = [(f, float(row[f])) for f in rule["fields"] if row.get(f, "") != ""]
        for (f1, v1), (f2, v2) in zip(present, present[1:]):
            if v1 > v2:
                return [Fault(label, i, f1, "low<=best<=high", f"{f1}={row[f1]} is greater than {f2}={row[f2]}")]
    elif kind == "any_required":
        if all(row.get(f, "") == "" for f in rule["fields"]):
            return [Fault(label, i, rule["fields"][1], "estimate-required", rule["description"])]
    elif kind == "required_unless":
        if row[rule["field"]] == "" and row[rule["column"]] not in rule["values"]:
            return [Fault(label, i, rule["field"], "required", rule["description"])]
    elif kind == "required_if":
        if row[rule["field"]] == "" and row[rule["column"]] in rule["values"]:
            return [Fault(label, i, rule["field"], "required", rule["description"])]
    elif kind == "required_with":
        if row[rule["field"]] == "" and any(row.get(f, "") != "" for f in rule["fields"]):
            return [Fault(label, i, rule["field"], "required", rule["description"])]
    elif kind == "equals_if":
        if row[rule["column"]] in rule["values"] and row[rule["field"]] != rule["value"]:
            return [Fault(label, i, rule["field"], "fixed-value", rule["description"])]
    elif kind == "different":
        first, second = (row[f] for f in rule["fields"])
        if first and first == second:
            return [Fault(label, i, rule["fields"][1], "no-change", f"{rule['description']}; both are '{first}'")]
    elif kind == "not_before":
        if row[rule["field"]] and row[rule["other"]] and row[rule["field"]] < row[rule["other"]]:
            return [
                Fault(
                    label, i, rule["field"], "date-order", f"{row[rule['field']]} is before {rule['other']}={row[rule['other']]}"
                )
            ]
    elif kind == "period_start":
        value, precision = row[rule["field"]], row[rule["precision"]]
        start = {"month": value[:8] + "01", "year": value[:5] + "01-01"}.get(precision, value)
        if value and value != start:
            return [
                Fault(
                    label,
                    i,
                    rule["field"],
                    "period-start",
                    f"{value} has {precision} precision, so it must be stored as the period's first day, {start}",
                )
            ]
    else:
        raise ValueError(f"unknown row rule {kind!r} in datapackage.json")
    return []


def check_table(table: RawTable, resource: dict) -> list[Fault]:
    """Types, required fields, enums, patterns, ranges, primary key and row rules."""
    label = _label(table.path)
    schema = resource["schema"]
    fields = {f["name"]: f for f in schema["fields"]}
    faults: list[Fault] = []
    bad_cells: set[tuple[int, str]] = set()
    for i, row in enumerate(table.rows, start=1):
        for name, field in fields.items():
            value = row[name]
            if value == "":
                if field.get("constraints", {}).get("required"):
                    faults.append(Fault(label, i, name, "required", "the cell is empty and the column is required"))
                    bad_cells.add((i, name))
                continue
            broken = _check_value(value, field)
            if broken:
                faults.append(Fault(label, i, name, *broken))
                bad_cells.add((i, name))
        # row rules only make sense on cells that passed their own checks
        for rule in schema.get("x-rowRules", []):
            names = set(rule.get("fields", [])) | {rule.get(k) for k in ("field", "column", "other", "precision")}
            if any((i, n) in bad_cells for n in names if n):
                continue
            faults.extend(_rule_faults(label, i, row, rule))
    key = schema["primaryKey"]
    key = [key] if isinstance(key, str) else key
    seen: dict[tuple, int] = {}
    for i, row in enumerate(table.rows, start=1):
        value = tuple(row[k] for k in key)
        if value in seen:
            faults.append(
                Fault(label, i, ",".join(key), "duplicate-id", f"{'/'.join(value)} repeats row {seen[value]}; ids must be unique")
            )
        else:
            seen[value] = i
    return faults


def check_references(tables: dict[str, RawTable], package: dict) -> list[Fault]:
    """Foreign keys, single-valued and semicolon-separated lists (x-listForeignKeys)."""
    faults = []
    for resource in package["resources"]:
        table = tables.get(resource["name"])
        if table is None:
            continue
        label = _label(table.path)
        schema = resource["schema"]
        links = [(fk, None) for fk in schema.get("foreignKeys", [])]
        links += [(fk, fk["separator"]) for fk in schema.get("x-listForeignKeys", [])]
        for fk, sep in links:
            target = tables.get(fk["reference"]["resource"])
            if target is None:
                continue
            known = {r[fk["reference"]["fields"]] for r in target.rows}
            column = fk["fields"]
            for i, row in enumerate(table.rows, start=1):
                cell = row[column]
                values = [v for v in cell.split(sep)] if (sep and cell) else ([cell] if cell else [])
                for v in values:
                    if v not in known:
                        what = "source id" if fk["reference"]["resource"] == "sources" else f"{fk['reference']['fields']}"
                        faults.append(
                            Fault(label, i, column, "unknown-reference", f"unknown {what} '{v}': not in data/{target.path.name}")
                        )
    return faults


def _key(resource: dict, row: dict[str, str]) -> str:
    key = resource["schema"]["primaryKey"]
    return "/".join(row[k] for k in ([key] if isinstance(key, str) else key))


def check_targets(tables: dict[str, RawTable], package: dict, skip: frozenset = frozenset()) -> list[Fault]:
    """Rows that point at a cell of another table (x-targetRows; the corrections log).

    The target table and column must exist, the old and new values must be allowed in that column,
    the target row must exist (or, for the kinds listed as `removed`, must be gone), and the latest
    correction of each cell must agree with what the table holds now. Rows in `skip` (file, row)
    already broke a rule of their own and are not checked again.
    """
    resources = {r["name"]: r for r in package["resources"]}
    faults = []
    for resource in package["resources"]:
        spec = resource["schema"].get("x-targetRows")
        table = tables.get(resource["name"])
        if not spec or table is None:
            continue
        label = _label(table.path)
        latest: dict[tuple, tuple] = {}
        for i, row in enumerate(table.rows, start=1):
            if (label, i) in skip:
                continue
            name, row_id, column = row[spec["table"]], row[spec["id"]], row[spec["field"]]
            if name not in resources or name == resource["name"]:
                faults.append(
                    Fault(label, i, spec["table"], "unknown-table", f"'{name}' is not a table of data/datapackage.json")
                )
                continue
            target = tables.get(name)
            if target is None:
                continue  # the target file's own faults are reported already
            fields = {f["name"]: f for f in resources[name]["schema"]["fields"]}
            if column and column not in fields:
                faults.append(
                    Fault(label, i, spec["field"], "unknown-column", f"data/{target.path.name} has no column '{column}'")
                )
                continue
            enum = fields[column].get("constraints", {}).get("enum") if column else None
            outside = [c for c in spec["values"] if enum and row[c] and row[c] not in enum]
            for value_column in outside:
                faults.append(
                    Fault(
                        label,
                        i,
                        value_column,
                        "enum",
                        f"'{row[value_column]}' is not an allowed {column} of {name}: {', '.join(enum)}",
                    )
                )
            if outside:
                continue
            rows = {_key(resources[name], r): r for r in target.rows}
            removed = row[spec["kind"]] in spec["removed"]
            if removed and row_id in rows:
                faults.append(
                    Fault(
                        label,
                        i,
                        spec["id"],
                        "still-present",
                        f"data/{target.path.name} still holds '{row_id}', which this row says was removed",
                    )
                )
            elif not removed and row_id not in rows:
                faults.append(Fault(label, i, spec["id"], "unknown-reference", f"no row '{row_id}' in data/{target.path.name}"))
            elif not removed and column:  # an emptied cell (new value '') is a correction too
                cell = (name, row_id, column)
                order = (row[spec["date"]], i)  # same day: the later row of the log is the later correction
                if cell not in latest or order >= latest[cell][0]:
                    latest[cell] = (order, i, rows[row_id][column])
        for (name, row_id, column), (_, i, now) in latest.items():
            new = table.rows[i - 1][spec["values"][-1]]
            if now != new:
                faults.append(
                    Fault(
                        label,
                        i,
                        spec["values"][-1],
                        "stale-correction",
                        f"{name} row '{row_id}' holds {column}='{now}', but the latest correction of that cell set it to '{new}'",
                    )
                )
    return faults


def check_seed_articles(tables: dict[str, RawTable]) -> list[Fault]:
    """Claims and non-claims must point at seed articles, not at ordinary sources."""
    sources = tables.get("sources")
    if sources is None:
        return []
    seeds = {r["source_id"] for r in sources.rows if r["source_type"] == "seed_article"}
    known = {r["source_id"] for r in sources.rows}  # unknown ids are reported by check_references
    faults = []
    for name in ("claims", "non_claims"):
        table = tables.get(name)
        for i, row in enumerate(table.rows if table else [], start=1):
            if row["article_id"] in known - seeds:
                faults.append(
                    Fault(
                        _label(table.path), i, "article_id", "seed-article", f"'{row['article_id']}' is not a seed_article source"
                    )
                )
    return faults


# What a source's account must rest on for a fact to be `confirmed` from one source alone.
_CONFIRMING_BASES = {"imagery", "tracking", "official_on_record"}
_BACKING = {"states", "implies", "derived"}
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def _range_of(field: str) -> tuple[str, str] | None:
    """count_best -> (count_low, count_high): the range a disagreeing value must fall in."""
    for end in ("_low", "_best", "_high"):
        if field.endswith(end):
            stem = field.removesuffix(end)
            return f"{stem}_low", f"{stem}_high"
    return None


def check_evidence(tables: dict[str, RawTable], package: dict) -> list[Fault]:
    """Field-level evidence (data/evidence.csv) against the fact tables that declare x-keyFields.

    - each evidence row names a real fact and real columns of it, and its source is one of the
      fact row's sources;
    - every non-empty key field of every fact row is backed (states, implies or derived);
    - `confirmed` rests on imagery, tracking data or an on-record official, or on at least two
      independent outlets that state a core field; a fact whose sources are all graded low is `claimed`;
    - a disagreeing number lies inside the fact's range, or the row's rule says why not;
    - `date_reported` is not later than the earliest cited source's publication.
    """

    evidence = tables.get("evidence")
    sources = tables.get("sources")
    if evidence is None or sources is None:
        return []
    source_rows = {r["source_id"]: r for r in sources.rows}
    facts = {r["name"]: r for r in package["resources"] if "x-keyFields" in r["schema"]}
    label = _label(evidence.path)
    faults: list[Fault] = []
    by_fact: dict[tuple[str, str], list[dict]] = {}
    index: dict[str, dict[str, tuple[int, dict]]] = {}
    for name, resource in facts.items():
        table = tables.get(name)
        key = resource["schema"]["primaryKey"]
        index[name] = {row[key]: (i, row) for i, row in enumerate(table.rows, start=1)} if table else {}

    for i, ev in enumerate(evidence.rows, start=1):
        name, fact_id = ev["fact_table"], ev["fact_id"]
        if name not in facts or tables.get(name) is None:
            continue  # the enum reports an unknown table; an unreadable one has its own fault
        if fact_id not in index[name]:
            faults.append(Fault(label, i, "fact_id", "unknown-fact", f"no row '{fact_id}' in data/{name}.csv"))
            continue
        _, fact = index[name][fact_id]
        columns = {f["name"] for f in facts[name]["schema"]["fields"]}
        unknown = [f for f in ev["fields"].split(";") if f and f not in columns]
        if unknown:
            faults.append(Fault(label, i, "fields", "unknown-column", f"data/{name}.csv has no column {', '.join(unknown)}"))
        cited = [s for s in fact.get("source_ids", "").split(";") if s]
        if ev["source_id"] and ev["source_id"] not in cited:
            faults.append(
                Fault(
                    label,
                    i,
                    "source_id",
                    "source-not-cited",
                    f"'{ev['source_id']}' is not among the sources of {name} row '{fact_id}' ({', '.join(cited)})",
                )
            )
        if ev["stance"] == "derived" and ev["source_id"]:
            faults.append(
                Fault(
                    label,
                    i,
                    "source_id",
                    "derived-has-source",
                    "a derived value is this report's inference: leave source_id empty and give the rule",
                )
            )
        if ev["stance"] == "disagrees" and not ev["rule"]:
            for field in ev["fields"].split(";"):
                bounds = _range_of(field)
                found = _NUMBER.search(ev["as_given"])
                if not bounds or not found or field not in fact:
                    continue
                value = float(found.group().replace(",", ""))
                low = fact.get(bounds[0]) or fact.get(field)
                high = fact.get(bounds[1]) or fact.get(field)
                if low and high and not float(low) <= value <= float(high):
                    faults.append(
                        Fault(
                            label,
                            i,
                            "as_given",
                            "disagreement-outside-range",
                            f"{name} row '{fact_id}' has {field} {low} to {high}, but this source gives {found.group()}; "
                            "widen the range or say in rule why it leaves this value out",
                        )
                    )
        by_fact.setdefault((name, fact_id), []).append(ev)

    for name, resource in facts.items():
        schema = resource["schema"]
        table = tables.get(name)
        if table is None:
            continue
        fact_label = _label(table.path)
        status_field = schema.get("x-statusField")
        for fact_id, (i, row) in index[name].items():
            rows = by_fact.get((name, fact_id), [])
            backed = {f for ev in rows if ev["stance"] in _BACKING for f in ev["fields"].split(";")}
            # A fact with no evidence rows at all has not been re-verified yet: pending_facts lists
            # it. Once a verifier has recorded any evidence for it, every key field must be backed.
            for field in schema["x-keyFields"] if rows else []:
                if row.get(field, "") and field not in backed:
                    faults.append(
                        Fault(
                            fact_label,
                            i,
                            field,
                            "unbacked-field",
                            f"no evidence row in data/evidence.csv states, implies or derives {field} of '{fact_id}'",
                        )
                    )
            cited = [s for s in row.get("source_ids", "").split(";") if s in source_rows]
            graded = [source_rows[s]["reliability"] for s in cited if source_rows[s]["reliability"] != "under_test"]
            if status_field and graded and all(g == "low" for g in graded) and row[status_field] != "claimed":
                faults.append(
                    Fault(
                        fact_label,
                        i,
                        status_field,
                        "low-sources-only",
                        f"every source of '{fact_id}' is graded low, so it can only be 'claimed', not '{row[status_field]}'",
                    )
                )
            if status_field and rows and row[status_field] == "confirmed":
                core = set(schema.get("x-coreFields", []))
                stating = [ev for ev in rows if ev["stance"] in ("states", "implies") and core & set(ev["fields"].split(";"))]
                # A statement event records that something was said: the speaker's own published words
                # prove that (and only that), as an on-record official's do.
                bases = _CONFIRMING_BASES | ({"party_statement"} if row.get("event_type") == "statement" else set())
                strong = any(ev["basis"] in bases for ev in stating)
                # An encyclopaedia page relays others' reports: it never counts as an independent outlet.
                outlets = {
                    outlet(source_rows[ev["source_id"]])
                    for ev in stating
                    if ev["source_id"] in source_rows and source_rows[ev["source_id"]]["source_type"] != "reference"
                }
                if not strong and len(outlets) < 2:
                    faults.append(
                        Fault(
                            fact_label,
                            i,
                            status_field,
                            "confirmed-needs-evidence",
                            f"'{fact_id}' is confirmed, but its evidence has no imagery, tracking data or on-record "
                            f"official and {len(outlets)} independent outlet(s) stating {', '.join(sorted(core))}; "
                            "anonymous officials give 'reported', a party's own word 'claimed'",
                        )
                    )
            # The first report is the earliest dated source that states the fact itself (a core
            # field) and was published on or after the fact's date: an older page cited for
            # background cannot have reported it.
            reported = row.get("date_reported", "")
            happened = row.get("date", "")
            core = set(schema.get("x-coreFields", []))
            reporting = {
                ev["source_id"] for ev in rows if ev["stance"] in ("states", "implies") and core & set(ev["fields"].split(";"))
            }
            cited = [s for s in cited if s in reporting]
            dated = [
                source_rows[s]["date_published"]
                for s in cited
                if source_rows[s]["date_published_precision"] == "day"
                and source_rows[s]["date_published"]
                and source_rows[s]["date_published"] >= happened
            ]
            # A derived row for date_reported carries the rule that explains why an earlier
            # cited page is not the first report of this fact (it reports something else).
            explained = any(ev["stance"] == "derived" and "date_reported" in ev["fields"].split(";") for ev in rows)
            if reported and dated and min(dated) < reported and not explained:
                first = min(
                    (s for s in cited if source_rows[s]["date_published"] == min(dated)),
                    key=lambda s: source_rows[s]["date_published"],
                )
                faults.append(
                    Fault(
                        fact_label,
                        i,
                        "date_reported",
                        "not-first-report",
                        f"'{fact_id}' says it was first reported on {reported}, but its source '{first}' "
                        f"was published on {min(dated)}; date_reported is the first report's date",
                    )
                )
    return faults


def pending_facts(tables: dict[str, RawTable], package: dict) -> list[tuple[str, str]]:
    """Fact rows (table, id) that no verifier has yet backed field by field in data/evidence.csv."""
    evidence = tables.get("evidence")
    checked = {(r["fact_table"], r["fact_id"]) for r in (evidence.rows if evidence else [])}
    pending = []
    for resource in package["resources"]:
        schema = resource["schema"]
        if "x-keyFields" not in schema or resource["name"] not in tables:
            continue
        pending += [
            (resource["name"], row[schema["primaryKey"]])
            for row in tables[resource["name"]].rows
            if (resource["name"], row[schema["primaryKey"]]) not in checked
        ]
    return pending


def check_package(folder: Path | None = None) -> tuple[dict[str, RawTable], list[Fault]]:
    """Read and check every table. Returns the raw tables and all faults found."""
    folder = folder or data_dir()
    package = read_package(folder)
    tables: dict[str, RawTable] = {}
    faults: list[Fault] = []
    for resource in package["resources"]:
        table, read_faults = read_raw(resource, folder)
        faults += read_faults
        if table is not None:
            faults += check_table(table, resource)
            tables[resource["name"]] = table
    faults += check_references(tables, package)
    faults += check_targets(tables, package, frozenset((f.file, f.row) for f in faults))
    faults += check_seed_articles(tables)
    faults += check_evidence(tables, package)
    return tables, faults


def validate(folder: Path | None = None) -> dict[str, RawTable]:
    """Check everything; raise DataContractError listing every fault."""
    tables, faults = check_package(folder)
    if faults:
        raise DataContractError(faults)
    return tables
