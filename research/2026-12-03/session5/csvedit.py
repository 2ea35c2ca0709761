"""One-off data edits of session 5, each logged in data/corrections.csv (the record of what changed and why).
Rows are rewritten with the csv module's minimal quoting, as the tables are stored, so a diff shows only the edit."""
import csv, sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "data"


def read(table):
    with open(DATA / f"{table}.csv", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def write(table, header, rows):
    with open(DATA / f"{table}.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def next_corr_id():
    h, rows = read("corrections")
    return max(int(r[0].split("_")[1]) for r in rows) + 1


def log(kind, table, target, field, old, new, reason, source_ids=""):
    h, rows = read("corrections")
    n = next_corr_id()
    rows.append([f"corr_{n:03d}", "2026-12-03", kind, table, target, field, old, new, reason, source_ids])
    write("corrections", h, rows)


def set_value(table, key, field, new, reason, source_ids=""):
    h, rows = read(table)
    i, j = 0, h.index(field)
    hits = [r for r in rows if r[0] == key]
    if len(hits) != 1:
        sys.exit(f"{table}: {key} found {len(hits)} times")
    old = hits[0][j]
    if old == new:
        return
    hits[0][j] = new
    write(table, h, rows)
    log("fact_changed", table, key, field, old, new, reason, source_ids)


def add_row(table, values: dict):
    h, rows = read(table)
    unknown = set(values) - set(h)
    if unknown:
        sys.exit(f"{table}: unknown columns {unknown}")
    rows.append([str(values.get(c, "")) for c in h])
    write(table, h, rows)
