"""Draw an acceptance sample for issue 15: 40 fact rows, uniformly at random over every fact table
(every table whose schema declares x-keyFields). The seed is fixed before looking at any row and
recorded, so a sample can be redrawn from the data it was drawn from.

Run from the repository root at the commit the sample was drawn at:
    python research/2026-12-03/sample/draw_sample.py SEED OUT.csv [IDS-TO-EXCLUDE.txt]

The samples of 3 December 2026, and the commit whose data/ each redraws from (checked):
    sample.csv   seed 202612032  at e477340
    sample3.csv  seed 202612033  excluding unverified_ids.txt; drawn from a working state of data/ that was
                 never committed as such (the rows merged just before 2548e35), so it cannot be redrawn exactly
    sample4.csv  seed 202612034  at 6d9ebd2
    sample5.csv  seed 202612035  at 7b7b261
    sample6.csv  seed 202612036  at 01c89d8
    sample7.csv  seed 202612037  at 4e8c8e4
"""

import csv
import json
import random
import sys
from pathlib import Path

SAMPLE_SIZE = 40
ROOT = Path(__file__).resolve().parents[3]


def population(excluded: set[str]) -> list[tuple[str, str]]:
    package = json.loads((ROOT / "data/datapackage.json").read_text())
    rows = []
    for resource in package["resources"]:
        schema = resource["schema"]
        if "x-keyFields" not in schema:
            continue
        key = schema["primaryKey"]
        with open(ROOT / "data" / resource["path"], newline="", encoding="utf-8") as handle:
            rows += [(resource["name"], row[key]) for row in csv.DictReader(handle) if row[key] not in excluded]
    return sorted(rows)


def draw(seed: int, out: Path, excluded: set[str] = frozenset()) -> list[tuple[str, str]]:
    pool = population(set(excluded))
    sample = random.Random(seed).sample(pool, SAMPLE_SIZE)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["sample_no", "fact_table", "fact_id"])
        for number, (table, fact_id) in enumerate(sample, 1):
            writer.writerow([number, table, fact_id])
    print(f"{len(pool)} fact rows ({len(excluded)} excluded); wrote {out}")
    return sample


if __name__ == "__main__":
    excluded = set(Path(sys.argv[3]).read_text().split()) if len(sys.argv) > 3 else set()
    draw(int(sys.argv[1]), Path(sys.argv[2]), excluded)
